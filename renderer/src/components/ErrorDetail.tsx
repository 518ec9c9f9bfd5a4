/**
 * The technical side of an error (the core's words, often English and full of paths) behind a
 * "자세히" disclosure, under a message in the UI language. Nothing shows when there is none.
 */
import { useT } from '../i18n/use-translation';

export function ErrorDetail({ detail }: { detail: string | null | undefined }) {
  const t = useT();
  if (!detail) return null;
  return (
    <details className="error-detail">
      <summary>{t('common.details')}</summary>
      <p className="technical" lang="en">
        {detail}
      </p>
    </details>
  );
}
