/**
 * A help center opened for a test: a Windows host whose system speaks Korean, served as the
 * preview serves it, links opened nowhere. Each test names what it needs beyond that (its data
 * files, a bundled feed, another host OS, a policy file…).
 */
import { openHelpCenter, type HelpCenter, type OpenHelpCenterOptions } from '../../electron/core/help-center';
import { syncSourceFor, type SyncSource } from '../../electron/core/sync/sources';
import { fastRetry } from './sync-fixtures';

type TestHelpCenterOptions = Pick<OpenHelpCenterOptions, 'files' | 'bundledFeedDir'> & Partial<OpenHelpCenterOptions>;

export function openTestHelpCenter(options: TestHelpCenterOptions): Promise<HelpCenter> {
  return openHelpCenter({
    hostOs: 'windows',
    version: '0.0.0-test',
    systemLocale: 'ko-KR',
    transport: 'http',
    openExternal: async () => undefined,
    ...options,
  });
}

/** Feed sources that retry quickly and give up after 5 s, so a failing sync fails fast. */
export const fastSourceFor = (location: string): SyncSource => syncSourceFor(location, { retry: fastRetry(), timeoutMs: 5_000 });
