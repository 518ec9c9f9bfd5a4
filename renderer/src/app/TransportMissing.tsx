/**
 * The page shown instead of the app when the HelpApi this page needs is not there (the
 * preload did not run in the desktop app, or the page was opened outside the app and the
 * preview): says so in the person's language, with the technical detail behind a disclosure.
 */
import { ErrorDetail } from '../components/ErrorDetail';
import { useT } from '../i18n/use-translation';
import { MAIN_ID } from './focus';

export function TransportMissing({ expected, detail }: { expected: 'ipc' | 'http'; detail: string }) {
  const t = useT();
  return (
    <main id={MAIN_ID} className="startup-error">
      <h1>{t('app.transportMissingTitle')}</h1>
      <p role="alert">{t(expected === 'ipc' ? 'app.transportMissing.ipc' : 'app.transportMissing.http')}</p>
      <ErrorDetail detail={detail} />
    </main>
  );
}
