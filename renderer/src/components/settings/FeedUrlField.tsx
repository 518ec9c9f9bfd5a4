/** The feed URL: checked as people type, saved with "저장" (or Enter), refused with the core's reason. */
import { useState } from 'react';
import { ErrorDetail } from '../ErrorDetail';
import { useT } from '../../i18n/use-translation';
import { isPlausibleFeedLocation } from '../../lib/feed-url';
import { useSettings } from '../../state/settings';
import { useToast } from '../../state/toast';

export function FeedUrlField({ id }: { id: string }) {
  const t = useT();
  const saved = useSettings((s) => s.settings?.feedUrl ?? '');
  const refused = useSettings((s) => s.errors.feedUrl);
  const update = useSettings((s) => s.update);
  const clearError = useSettings((s) => s.clearError);
  const toast = useToast((s) => s.show);
  // null: not edited, so the saved value shows (and follows changes made elsewhere).
  const [edited, setEdited] = useState<string | null>(null);
  const draft = edited ?? saved;

  const plausible = isPlausibleFeedLocation(draft);
  const error = !plausible ? t('settings.feedUrlInvalid') : refused ? t('settings.feedUrlRefused') : null;
  const dirty = draft.trim() !== saved;

  const save = async (): Promise<void> => {
    if (!plausible || !dirty) return;
    const value = draft.trim();
    if (await update({ feedUrl: value === '' ? null : value })) {
      setEdited(null);
      toast(t('settings.feedUrlSaved'));
    }
  };

  return (
    <form
      className="feed-url"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className="field-row">
        <input
          id={id}
          type="text"
          inputMode="url"
          className="text-field"
          value={draft}
          placeholder="https://help.example.com/feed"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
          onChange={(event) => {
            setEdited(event.target.value);
            if (refused) clearError('feedUrl');
          }}
        />
        <button type="submit" className="button button-primary" disabled={!plausible || !dirty}>
          {t('settings.save')}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      {plausible && <ErrorDetail detail={refused} />}
    </form>
  );
}
