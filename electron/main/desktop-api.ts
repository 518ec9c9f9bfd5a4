/**
 * The HelpApi as the desktop window gets it: core's service, except that syncing goes
 * through the background runner (so the renderer's syncNow runs in the utility process and
 * its status says `syncing` meanwhile), and that reading history tells the tray to refresh
 * its recent articles. Everything else is the service itself.
 */
import { HELP_METHODS, type HelpRequests } from '../../shared/api';
import type { HelpService } from '../core/service';
import type { BackgroundSync } from './sync-runner';

export interface DesktopApiHooks {
  /** An article was viewed or the history was cleared. */
  historyChanged(): void;
}

export function desktopApi(service: HelpService, sync: Pick<BackgroundSync, 'syncNow' | 'cancel' | 'status'>, hooks: DesktopApiHooks): HelpRequests {
  const base = Object.fromEntries(HELP_METHODS.map((method) => [method, (service[method] as (...args: unknown[]) => unknown).bind(service)])) as unknown as HelpRequests;
  return {
    ...base,
    syncNow: () => sync.syncNow(),
    cancelSync: async () => sync.cancel(),
    getSyncStatus: () => sync.status(),
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
