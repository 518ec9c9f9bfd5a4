/**
 * Records the global shortcut: press "변경", then the key combination. Keys are read by their
 * physical code, so the Korean input mode does not matter. Esc cancels; "끄기" turns it off.
 */
import { ErrorNotice } from '../ErrorNotice';
import { useEffect, useRef, useState } from 'react';
import { acceleratorFromKeyPress, formatAccelerator } from '../../../../shared/shortcuts';
import { useT } from '../../i18n/use-translation';
import { useApp } from '../../state/app';
import { useSettings } from '../../state/settings';
import { useToast } from '../../state/toast';

const MODIFIER_CODES = /^(?:Shift|Control|Alt|Meta|OS)(?:Left|Right)?$/;

export function ShortcutRecorder({ labelledBy }: { labelledBy: string }) {
  const t = useT();
  const hostOs = useApp((s) => s.hostOs);
  const value = useSettings((s) => s.settings?.globalShortcut ?? '');
  const error = useSettings((s) => s.errors.globalShortcut);
  const update = useSettings((s) => s.update);
  const toast = useToast((s) => s.show);
  const [recording, setRecording] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (recording) button.current?.focus();
  }, [recording]);

  const save = async (accelerator: string): Promise<void> => {
    setRecording(false);
    setHint(null);
    if (await update({ globalShortcut: accelerator })) {
      toast(t('settings.shortcutSaved', { shortcut: accelerator ? formatAccelerator(accelerator, hostOs) : t('settings.shortcutNone') }));
    }
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLButtonElement>): void => {
    if (!recording) return;
    if (event.key === 'Tab') {
      setRecording(false);
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    if (event.key === 'Escape') {
      setRecording(false);
      setHint(null);
      return;
    }
    if (MODIFIER_CODES.test(event.code)) return;
    const accelerator = acceleratorFromKeyPress(event, hostOs);
    if (!accelerator) {
      setHint(t('settings.shortcutInvalid', { modifier: hostOs === 'macos' ? '⌘' : 'Ctrl' }));
      return;
    }
    void save(accelerator);
  };

  return (
    <div className="shortcut-recorder">
      <button
        ref={button}
        type="button"
        className={recording ? 'shortcut-value is-recording' : 'shortcut-value'}
        aria-labelledby={`${labelledBy} shortcut-current`}
        onClick={() => setRecording(!recording)}
        onKeyDown={onKeyDown}
        onBlur={() => setRecording(false)}
      >
        <kbd id="shortcut-current">{recording ? t('settings.shortcutRecording') : value ? formatAccelerator(value, hostOs) : t('settings.shortcutNone')}</kbd>
      </button>
      {!recording && (
        <button type="button" className="button" onClick={() => setRecording(true)}>
          {t('settings.shortcutChange')}
        </button>
      )}
      {!recording && value && (
        <button type="button" className="button" onClick={() => void save('')}>
          {t('settings.shortcutClear')}
        </button>
      )}
      {hint ? (
        <p className="field-error" role="alert">
          {hint}
        </p>
      ) : (
        error !== undefined && <ErrorNotice variant="inline" className="field-error" error={error} fallback="settings.saveFailed" />
      )}
    </div>
  );
}
