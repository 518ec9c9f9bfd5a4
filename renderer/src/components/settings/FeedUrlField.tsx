/**
 * The feed URL: checked as people type, saved with "저장" (or Enter), refused with the core's
 * reason. It decides what Doum trusts, so a change is confirmed: in the app by a dialog the
 * main process shows, in the browser preview by a confirm step here. An administrator's
 * policy can fix it: then it shows, read-only, as "관리자가 설정함".
 */
import { useState } from 'react';
import { HelpApiError } from '../../../../shared/errors';
import { FEED_LOCATION_REASONS, readFeedLocation } from '../../../../shared/feed-location';
import { ErrorNotice } from '../ErrorNotice';
import { useT } from '../../i18n/use-translation';
import { useApp } from '../../state/app';
import { useSettings } from '../../state/settings';
import { useToast } from '../../state/toast';

export function FeedUrlField({ id }: { id: string }) {
  const t = useT();
  const locked = useApp((s) => s.info?.lockedSettings.includes('feedUrl') ?? false);
  const confirmHere = useApp((s) => s.info?.transport === 'http');
  const [confirming, setConfirming] = useState(false);
  const saved = useSettings((s) => s.settings?.feedUrl ?? '');
  const refused = useSettings((s) => s.errors.feedUrl);
  const update = useSettings((s) => s.update);
  const clearError = useSettings((s) => s.clearError);
  const toast = useToast((s) => s.show);
  // null: not edited, so the saved value shows (and follows changes made elsewhere).
  const [edited, setEdited] = useState<string | null>(null);
  const draft = edited ?? saved;

  // Empty: the help built into the app. Otherwise the core's own rule, so a refusal shows as
  // it is typed, worded by the same reason the core would give.
  const read = draft.trim() === '' ? null : readFeedLocation(draft);
  const invalidHere = read !== null && !read.ok ? new HelpApiError('invalid-argument', read.message, FEED_LOCATION_REASONS[read.problem]) : null;
  const plausible = invalidHere === null;
  const refusedByCore = plausible && refused !== undefined;
  const error = !plausible || refusedByCore;
  const dirty = draft.trim() !== saved;

  const save = async (confirmed = false): Promise<void> => {
    if (!plausible || !dirty) return;
    if (confirmHere && !confirmed) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    const value = draft.trim();
    if (await update({ feedUrl: value === '' ? null : value })) {
      setEdited(null);
      toast(t('settings.feedUrlSaved'));
    }
  };

  if (locked) {
    return (
      <div className="feed-url">
        <div className="field-row">
          <input id={id} type="text" className="text-field" value={saved} readOnly aria-describedby={`${id}-help ${id}-locked`} />
          <span className="badge">{t('settings.lockedByAdmin')}</span>
        </div>
        <p id={`${id}-locked`} className="setting-help">
          {t('settings.lockedHelp')}
        </p>
      </div>
    );
  }

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
            setConfirming(false);
            if (refused) clearError('feedUrl');
          }}
        />
        <button type="submit" className="button button-primary" disabled={!plausible || !dirty}>
          {t('settings.save')}
        </button>
      </div>
      {invalidHere && <ErrorNotice variant="inline" id={`${id}-error`} className="field-error" error={invalidHere} fallback="settings.feedUrlInvalid" />}
      {refusedByCore && <ErrorNotice variant="inline" id={`${id}-error`} className="field-error" error={refused} fallback="settings.feedUrlRefused" />}
      {confirming && (
        <div className="notice confirm-step" role="alertdialog" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>{t('settings.confirmSecurity')}</p>
          <div className="field-row">
            <button type="button" className="button button-primary" onClick={() => void save(true)}>
              {t('settings.confirmChange')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </form>
  );
}
