import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DownloadedUpdateHelper } from 'electron-updater/out/DownloadedUpdateHelper.js';
import {
  configureUpdater,
  HelperDebUpdater,
  INSTALL_HELPER,
  installWithHelper,
  isDebBuild,
  runSync,
  updateFeedFromEnv,
  type RunSync,
  type UpdaterLike,
} from '../../../main/shell/updates.ts';
import { tempDir } from '../../support/temp-dir.ts';

describe('updates (electron-updater, generic provider, a channel per centre)', () => {
  it('reads the feed from the environment: https only, a safe channel name, off when unset', () => {
    expect(updateFeedFromEnv({})).toEqual({});
    expect(updateFeedFromEnv({ KHIDMA_UPDATE_URL: 'https://updates.example.kw/khidma/', KHIDMA_UPDATE_CHANNEL: 'kw-govmall' })).toEqual({
      feed: { url: 'https://updates.example.kw/khidma/', channel: 'kw-govmall' },
    });
    expect(updateFeedFromEnv({ KHIDMA_UPDATE_URL: 'https://u.example/' }).feed?.channel).toBe('latest');
    expect(updateFeedFromEnv({ KHIDMA_UPDATE_URL: 'http://u.example/' }).problem).toMatch(/https/);
    expect(updateFeedFromEnv({ KHIDMA_UPDATE_URL: 'nope' }).problem).toMatch(/not a URL/);
    expect(updateFeedFromEnv({ KHIDMA_UPDATE_URL: 'https://u.example/', KHIDMA_UPDATE_CHANNEL: '../latest' }).problem).toMatch(/channel/i);
  });

  it('configures the generic feed and the centre channel, never downgrades, installs only on restart', async () => {
    const calls: unknown[] = [];
    const listeners = new Map<string, (x: unknown) => void>();
    let checks = 0;
    let periodic: (() => void) | undefined;
    const u = {
      setFeedURL: (o: unknown) => void calls.push(o),
      checkForUpdates: async () => (checks++, null),
      on: (e: string, fn: (x: unknown) => void) => (listeners.set(e, fn), u),
      autoDownload: false,
      autoInstallOnAppQuit: false,
      allowDowngrade: true,
      allowPrerelease: true,
      channel: null as string | null,
    };
    const logs: string[] = [];
    configureUpdater(u as unknown as UpdaterLike, { url: 'https://u.example/khidma/', channel: 'kw-govmall' }, { log: (_l, m) => void logs.push(m), setInterval: (fn) => (periodic = fn) });
    expect(calls).toEqual([{ provider: 'generic', url: 'https://u.example/khidma/', channel: 'kw-govmall' }]);
    expect(u).toMatchObject({ channel: 'kw-govmall', allowDowngrade: false, allowPrerelease: false, autoDownload: true, autoInstallOnAppQuit: true });
    expect(checks).toBe(1);
    periodic!();
    expect(checks).toBe(2);
    listeners.get('update-downloaded')!({ version: '0.2.0' });
    expect(logs).toContain('update downloaded; installs at the next restart');
  });
});

describe('deb install through the root helper (pkexec khidma-install-update), replacing electron-updater\'s bash -c', () => {
  /** electron-updater's real deb updater with a stand-in Electron app; run records what would be spawned. */
  async function downloaded(file: string, answer: ReturnType<RunSync> = { status: 0, stderr: '' }) {
    const ran: { command: string; args: string[] }[] = [];
    const quitHandlers: ((code: number) => void)[] = [];
    let relaunched = 0;
    const app = {
      version: '0.1.0',
      name: 'khidma',
      isPackaged: true,
      appUpdateConfigPath: '/nonexistent/app-update.yml',
      userDataPath: '/nonexistent',
      baseCachePath: '/nonexistent',
      whenReady: async () => {},
      relaunch: () => void relaunched++,
      quit: () => {},
      onQuit: (fn: (code: number) => void) => void quitHandlers.push(fn),
    };
    const u = new HelperDebUpdater((command, args) => (ran.push({ command, args }), answer), app);
    u.logger = null;
    const errors: string[] = [];
    u.on('error', (e: Error) => void errors.push(e.message));
    // What electron-updater holds after a verified download (DownloadedUpdateHelper, as executeDownload fills it).
    const helper = new DownloadedUpdateHelper(join(file, '../..'));
    const name = file.split('/').at(-1)!;
    await helper.setDownloadedFile(file, null, { version: '0.2.0', files: [], path: name, sha512: 'x', releaseDate: '' }, { url: new URL(`https://u.example/${name}`), info: { url: name, sha512: 'x' } }, name, false);
    (u as unknown as { downloadedUpdateHelper: unknown }).downloadedUpdateHelper = helper;
    return { u, ran, errors, quitHandlers, relaunched: () => relaunched };
  }

  it('installs with pkexec, the helper and the raw file path as separate arguments (no shell, no escaping)', async () => {
    // A path electron-updater's shell escaping would have rewritten: spaces and $ stay as they are.
    const file = '/var/lib/khidma/.cache/khidma-updater/pending/khidma_0.2.0_amd64.deb';
    const odd = '/home/kiosk $HOME/.cache/khidma-updater/pending/khidma_0.2.0_amd64.deb';
    for (const f of [file, odd]) {
      const { u, ran, errors, relaunched } = await downloaded(f);
      expect(u.install(true, true)).toBe(true);
      expect(ran).toEqual([{ command: 'pkexec', args: ['--disable-internal-agent', INSTALL_HELPER, f] }]);
      expect(errors).toEqual([]);
      expect(relaunched()).toBe(1);
    }
  });

  it("installs at quit through electron-updater's own quit handler (exit code 0 only)", async () => {
    const { u, ran, quitHandlers } = await downloaded('/var/lib/khidma/.cache/khidma-updater/pending/khidma_0.2.0_amd64.deb');
    (u as unknown as { addQuitHandler: () => void }).addQuitHandler();
    expect(quitHandlers).toHaveLength(1);
    quitHandlers[0]!(1);
    expect(ran).toEqual([]);
    quitHandlers[0]!(0);
    expect(ran.map((r) => r.args[1])).toEqual([INSTALL_HELPER]);
  });

  it("reports the helper's refusal as an updater error and does not relaunch", async () => {
    const refused = { status: 2, stderr: "khidma-install-update: refused: x.deb is package 'bash', not khidma\n" };
    const { u, errors, relaunched } = await downloaded('/var/lib/khidma/.cache/khidma-updater/pending/x.deb', refused);
    expect(u.install(true, true)).toBe(false);
    expect(errors).toEqual(["update install failed (exit 2): khidma-install-update: refused: x.deb is package 'bash', not khidma"]);
    expect(relaunched()).toBe(0);
  });

  it('reports a pkexec that cannot start or is killed', () => {
    const missing = installWithHelper('/f.deb', () => ({ status: null, stderr: '', error: Object.assign(new Error('spawnSync pkexec ENOENT'), { code: 'ENOENT' }) }));
    expect(missing).toEqual({ ok: false, error: 'update install could not start pkexec: spawnSync pkexec ENOENT' });
    expect(installWithHelper('/f.deb', () => ({ status: null, stderr: '' }))).toEqual({ ok: false, error: 'update install failed (exit by signal): ' });
  });

  it('runSync runs a real program without a shell and returns its exit code and error output', () => {
    expect(runSync('sh', ['-c', 'echo "$0" >&2; exit 3', 'a b; $HOME'])).toEqual({ status: 3, stderr: 'a b; $HOME\n' });
    expect(runSync('/nonexistent/pkexec', []).error?.message).toMatch(/ENOENT/);
  });

  it('knows the deb build by resources/package-type, as electron-updater does', () => {
    const dir = tempDir('package-type');
    try {
      expect(isDebBuild(dir.path)).toBe(false);
      writeFileSync(dir.file('package-type'), 'deb\n');
      expect(isDebBuild(dir.path)).toBe(true);
      writeFileSync(dir.file('package-type'), 'rpm');
      expect(isDebBuild(dir.path)).toBe(false);
    } finally {
      dir.remove();
    }
  });
});
