import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installApi } from '../../../renderer/src/api';
import { useSettings } from '../../../renderer/src/state/settings';
import { HelpApiError } from '../../../shared/errors';
import { FakeHelpApi, SETTINGS } from './fake-api';

let fake: FakeHelpApi;
beforeEach(() => {
  fake = new FakeHelpApi();
  installApi(fake.api);
  useSettings.setState({ settings: null, errors: {} });
});
afterEach(() => installApi(null));

describe('settings', () => {
  it('loads the settings from the core', async () => {
    const loading = useSettings.getState().load();
    await fake.take('getSettings').resolve(SETTINGS);
    await expect(loading).resolves.toEqual(SETTINGS);
    expect(useSettings.getState().settings).toEqual(SETTINGS);
  });

  it('starts without settings when they cannot be loaded', async () => {
    const loading = useSettings.getState().load();
    await fake.take('getSettings').reject(new Error('unavailable'));
    await expect(loading).resolves.toBeNull();
    expect(useSettings.getState().settings).toBeNull();
  });

  it('shows a change at once and keeps what the core stored', async () => {
    useSettings.setState({ settings: SETTINGS });
    const saving = useSettings.getState().update({ theme: 'dark' });
    expect(useSettings.getState().settings?.theme).toBe('dark');
    expect(fake.callsOf('setSettings')[0]!.args).toEqual([{ theme: 'dark' }]);
    await fake.take('setSettings').resolve({ ...SETTINGS, theme: 'dark', textScale: 1.1 });
    await expect(saving).resolves.toBe(true);
    expect(useSettings.getState().settings).toMatchObject({ theme: 'dark', textScale: 1.1 });
  });

  it('rolls a refused change back, says why by setting, and keeps other changes', async () => {
    useSettings.setState({ settings: SETTINGS });
    const refused = useSettings.getState().update({ globalShortcut: 'Nonsense+Key' });
    useSettings.setState({ settings: { ...useSettings.getState().settings!, theme: 'dark' } });
    const refusal = new HelpApiError('invalid-argument', 'globalShortcut: not a shortcut', 'invalid-request');
    await fake.take('setSettings').reject(refusal);
    await expect(refused).resolves.toBe(false);
    expect(useSettings.getState().settings).toMatchObject({ globalShortcut: SETTINGS.globalShortcut, theme: 'dark' });
    expect(useSettings.getState().errors.globalShortcut).toBe(refusal);
    // Trying that setting again clears its error; clearError does too.
    void useSettings.getState().update({ globalShortcut: 'Alt+H' });
    expect(useSettings.getState().errors.globalShortcut).toBeUndefined();
    useSettings.setState({ errors: { feedUrl: 'bad' } });
    useSettings.getState().clearError('feedUrl');
    expect(useSettings.getState().errors).toEqual({});
  });

  it('keeps the newest change when two answers arrive out of order', async () => {
    useSettings.setState({ settings: SETTINGS });
    void useSettings.getState().update({ textScale: 1.1 });
    void useSettings.getState().update({ textScale: 1.2 });
    const [first, second] = fake.callsOf('setSettings');
    await second!.resolve({ ...SETTINGS, textScale: 1.2 });
    await first!.resolve({ ...SETTINGS, textScale: 1.1 });
    expect(useSettings.getState().settings?.textScale).toBe(1.2);
  });

  it('takes settings changed elsewhere', () => {
    useSettings.getState().receive({ ...SETTINGS, language: 'en' });
    expect(useSettings.getState().settings?.language).toBe('en');
  });

  it('steps the text size within its range and does not ask for no change', () => {
    useSettings.setState({ settings: { ...SETTINGS, textScale: 1 } });
    useSettings.getState().changeTextScale(1);
    expect(fake.take('setSettings').args[0].textScale).toBeGreaterThan(1);
    useSettings.setState({ settings: { ...SETTINGS, textScale: 1 } });
    useSettings.getState().changeTextScale(0);
    expect(fake.callsOf('setSettings')).toHaveLength(1);
  });
});
