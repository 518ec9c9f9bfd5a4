/**
 * The HelpApi as the desktop window gets it: core's service, except that syncing goes
 * through the background runner (so the renderer's syncNow runs in the utility process and
 * its status says `syncing` meanwhile), that reading history tells the tray to refresh
 * its recent articles, and that a change of a security setting (feed URL, pinned key, update
 * URL) from the page happens only once the person confirms it in a dialog the main process
 * shows — one XSS in the page is not enough to change what Doum trusts. Everything else is
 * the service itself.
 */
import { HELP_METHODS, securityChanges, type HelpRequests, type SecuritySetting } from '../../shared/api';
import type { Settings } from '../../shared/types';
import { RequestError } from '../core/errors';
import { checkTrustSettings, type HelpService } from '../core/service';
import type { BackgroundSync } from './sync-runner';

export interface DesktopApiHooks {
  /** An article was viewed or the history was cleared. */
  historyChanged(): void;
  /** Asks the person (a native dialog) whether these changes may be made; true to go ahead. */
  confirmSecurityChange(changes: Array<{ key: SecuritySetting; from: string | null; to: string | null }>): Promise<boolean>;
}

/** setSettings from the page: security changes are checked, then confirmed, then made. */
async function confirmedSetSettings(service: HelpService, hooks: DesktopApiHooks, patch: Partial<Settings>): Promise<Settings> {
  const current = await service.getSettings();
  const checked = checkTrustSettings(patch);
  const keys = securityChanges(current, checked);
  if (keys.length > 0) {
    const locked = new Set((await service.getAppInfo()).lockedSettings);
    if (!keys.some((key) => locked.has(key))) {
      const confirmed = await hooks.confirmSecurityChange(keys.map((key) => ({ key, from: current[key], to: checked[key] ?? null })));
      if (!confirmed) throw new RequestError('refused', 'not-confirmed', `the change of ${keys.join(', ')} was not confirmed; nothing was changed`);
    }
  }
  return service.setSettings(checked);
}

export function desktopApi(service: HelpService, sync: Pick<BackgroundSync, 'syncNow' | 'cancel' | 'status'>, hooks: DesktopApiHooks): HelpRequests {
  const base = Object.fromEntries(HELP_METHODS.map((method) => [method, (service[method] as (...args: unknown[]) => unknown).bind(service)])) as unknown as HelpRequests;
  return {
    ...base,
    syncNow: () => sync.syncNow(),
    cancelSync: async () => sync.cancel(),
    getSyncStatus: () => sync.status(),
    setSettings: (patch) => confirmedSetSettings(service, hooks, patch),
    getHome: async (locale) => ({ ...(await service.getHome(locale)), sync: await sync.status() }),
    recordView: async (articleId) => {
      await service.recordView(articleId);
      hooks.historyChanged();
    },
    clearHistory: async () => {
      await service.clearHistory();
      hooks.historyChanged();
    },
  };
}
