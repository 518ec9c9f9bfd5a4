/**
 * Start-up: who we are (host OS, languages), the settings, then everything the first screen
 * shows — in parallel, through the HelpApi.
 */
import { useApp } from '../state/app';
import { useCatalog } from '../state/catalog';
import { uiLanguage } from '../state/language';
import { useLibrary } from '../state/library';
import { useSettings } from '../state/settings';
import { useSync } from '../state/sync';

export async function bootstrap(): Promise<void> {
  const [info] = await Promise.all([useApp.getState().load(), useSettings.getState().load()]);
  if (!info) return;
  await Promise.all([useCatalog.getState().loadHome(uiLanguage()), useLibrary.getState().load(), useSync.getState().load()]);
}
