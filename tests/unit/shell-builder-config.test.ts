/**
 * The installer configuration (electron-builder.yml), checked where installers cannot be
 * built: against electron-builder's own schema, and against Doum's rules — targets per OS,
 * the doum:// protocol, a per-user NSIS installer, hardened runtime with entitlements, the
 * Electron fuses, icons, the bundled feed, better-sqlite3 unpacked, no update feed unless
 * configured, and native modules rebuilt by the dist scripts but never on install.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';

vi.mock('electron', () => ({}));

const ROOT = resolve(__dirname, '..', '..');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CONFIG_FILE = join(ROOT, 'electron-builder.yml');
const config = parse(readFileSync(CONFIG_FILE, 'utf8')) as Record<string, unknown> & {
  appId: string;
  directories: { buildResources: string; output: string };
  files: string[];
  extraResources: Array<{ from: string; to: string }>;
  asar: boolean;
  asarUnpack: string[];
  protocols: Array<{ name: string; schemes: string[] }>;
  electronFuses: Record<string, boolean>;
  win: { icon: string; target: Array<{ target: string; arch: string[] }> };
  nsis: Record<string, unknown> & { include: string };
  mac: Record<string, unknown> & { icon: string; entitlements: string; entitlementsInherit: string; target: Array<{ target: string; arch: string[] }> };
  linux: { icon: string; target: Array<{ target: string; arch: string[] }> };
  publish: unknown;
};
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string> };

describe('electron-builder.yml', () => {
  it("passes electron-builder's own configuration schema", async () => {
    // The validator electron-builder runs before every build (app-builder-lib, its engine).
    const { getConfig, validateConfiguration } = (await import('app-builder-lib/out/util/config/config' as string)) as {
      getConfig(projectDir: string, configPath: string, options: null): Promise<unknown>;
      validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean }): Promise<void>;
    };
    const loaded = await getConfig(ROOT, CONFIG_FILE, null);
    await expect(validateConfiguration(loaded, { isEnabled: false })).resolves.toBeUndefined();
  });

  it('uses the same app id as the app (Windows ties notifications to it)', () => {
    expect(readFileSync(join(ROOT, 'electron', 'main', 'index.ts'), 'utf8')).toContain(`const APP_ID = '${config.appId}'`);
    expect(config.directories.buildResources).toBe('resources');
  });

  it('builds a per-user NSIS installer with a Start menu entry on Windows', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false, createStartMenuShortcut: true });
  });

  it('registers doum:// links: in the Info.plist and .desktop file, and by the NSIS script', () => {
    expect(config.protocols).toEqual([{ name: 'Doum help link', schemes: ['doum'] }]);
    const script = readFileSync(join(ROOT, config.nsis.include), 'utf8');
    expect(script).toContain('!macro customInstall');
    expect(script).toContain('WriteRegStr SHELL_CONTEXT "Software\\Classes\\doum" "URL Protocol" ""');
    expect(script).toContain(`'"$appExe" -- "%1"'`);
    expect(script).toMatch(/!macro customUnInstall[\s\S]*\$\{ifNot\} \$\{isUpdated\}[\s\S]*DeleteRegKey SHELL_CONTEXT "Software\\Classes\\doum"/);
  });

  it('builds dmg and zip for Intel and Apple silicon, hardened and ready for signing', () => {
    expect(config.mac.target).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ]);
    expect(config.mac.hardenedRuntime).toBe(true);
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      const plist = readFileSync(join(ROOT, file), 'utf8');
      expect(plist).toContain('<key>com.apple.security.cs.allow-jit</key>');
      // Nothing beyond what V8 needs: no library-validation exception, no devices.
      expect(plist.match(/<key>/g)).toHaveLength(2);
      expect(plist).not.toContain('disable-library-validation');
    }
  });

  it('builds an AppImage on Linux', () => {
    expect(config.linux.target).toEqual([{ target: 'AppImage', arch: ['x64'] }]);
  });

  it('flips the Electron fuses of the packaged app', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // The renderer loads from doum-app://, so file:// keeps no extra privileges.
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('has every icon, in the format each OS wants', () => {
    expect(readFileSync(join(ROOT, config.win.icon)).readUInt16LE(2)).toBe(1); // ICO type
    expect(readFileSync(join(ROOT, config.mac.icon)).toString('ascii', 0, 4)).toBe('icns');
    const png = readFileSync(join(ROOT, config.linux.icon));
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(256);
    expect(config.files).toEqual(expect.arrayContaining(['out/**/*', 'resources/icons/**/*']));
  });

  it('ships the bundled help center beside the app as resources/feed', () => {
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'resources/feed', to: 'feed' }));
    expect(readFileSync(join(ROOT, 'electron', 'main', 'index.ts'), 'utf8')).toContain("join(process.resourcesPath, 'feed')");
  });

  it("unpacks better-sqlite3's native module from the asar", () => {
    expect(packageJson.dependencies['better-sqlite3']).toBeDefined();
    expect(config.asarUnpack.some((pattern) => pattern.includes('better-sqlite3') && pattern.endsWith('*.node'))).toBe(true);
  });

  it('publishes no update feed unless one is configured, and only a generic https one', () => {
    const publish = config.publish;
    const providers = publish === null || publish === undefined ? [] : Array.isArray(publish) ? publish : [publish];
    for (const provider of providers as Array<{ provider: string; url: string }>) {
      expect(provider.provider).toBe('generic');
      expect(provider.url).toMatch(/^https:\/\//);
    }
    expect(providers).toEqual([]);
  });

  it('rebuilds better-sqlite3 for Electron in the start and dist scripts, never on install', () => {
    for (const name of ['postinstall', 'install', 'preinstall', 'prepare']) expect(packageJson.scripts[name]).toBeUndefined();
    for (const name of ['dist', 'dist:win', 'dist:mac', 'dist:linux']) {
      expect(packageJson.scripts[name], name).toMatch(/electron-builder install-app-deps/);
      expect(packageJson.scripts[name], name).toMatch(/--publish never/);
    }
    expect(readFileSync(join(ROOT, 'electron', 'cli', 'start.ts'), 'utf8')).toContain("'install-app-deps'");
    expect(existsSync(join(ROOT, 'resources', 'installer.nsh'))).toBe(true);
  });
});
