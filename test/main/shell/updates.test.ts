import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LoopbackHttp } from './loopback-http.ts';
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
  const dir = tempDir('helper-install');
  afterAll(() => dir.remove());

  /** A deb and its signature in a pending folder under the temp folder (the updater only looks for them). */
  function pending(home: string, name = 'khidma_0.2.0_amd64.deb'): string {
    const folder = join(dir.path, home, '.cache/khidma-updater/pending');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, name), 'deb');
    writeFileSync(join(folder, `${name}.sig`), 'signature');
    return join(folder, name);
  }

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
    for (const f of [pending('khidma'), pending('kiosk $HOME')]) {
      const { u, ran, errors, relaunched } = await downloaded(f);
      expect(u.install(true, true)).toBe(true);
      expect(ran).toEqual([{ command: 'pkexec', args: ['--disable-internal-agent', INSTALL_HELPER, f] }]);
      expect(errors).toEqual([]);
      expect(relaunched()).toBe(1);
    }
  });

  it("installs at quit through electron-updater's own quit handler (exit code 0 only)", async () => {
    const { u, ran, quitHandlers } = await downloaded(pending('quit'));
    (u as unknown as { addQuitHandler: () => void }).addQuitHandler();
    expect(quitHandlers).toHaveLength(1);
    quitHandlers[0]!(1);
    expect(ran).toEqual([]);
    quitHandlers[0]!(0);
    expect(ran.map((r) => r.args[1])).toEqual([INSTALL_HELPER]);
  });

  it("reports the helper's refusal as an updater error and does not relaunch", async () => {
    const refused = { status: 2, stderr: "khidma-install-update: refused: x.deb is package 'bash', not khidma\n" };
    const { u, errors, relaunched } = await downloaded(pending('refused', 'x.deb'), refused);
    expect(u.install(true, true)).toBe(false);
    expect(errors).toEqual(["update install failed (exit 2): khidma-install-update: refused: x.deb is package 'bash', not khidma"]);
    expect(relaunched()).toBe(0);
  });

  it('calls no helper when the signature is not beside the deb (gone, or not a regular file)', async () => {
    const file = pending('unsigned');
    unlinkSync(`${file}.sig`);
    const gone = await downloaded(file);
    expect(gone.u.install(true, true)).toBe(false);
    expect(gone.errors).toEqual([`no release signature beside ${file}; not installing`]);
    expect(gone.ran).toEqual([]);
    expect(gone.relaunched()).toBe(0);
    mkdirSync(`${file}.sig`);
    const folder = await downloaded(file);
    expect(folder.u.install(true, true)).toBe(false);
    expect(folder.ran).toEqual([]);
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

describe('the release signature travels with the deb (<deb URL>.sig, fetched before the deb, written beside it)', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  /**
   * A generic feed on loopback HTTP (latest-linux.yml, the deb, its .sig answered by `sig`) and
   * electron-updater's real deb updater on it: real download, real sha512 check, real cache folder.
   */
  async function feedAndUpdater(sig: Buffer | { status: number }, o: { check?: boolean } = {}) {
    const deb = randomBytes(64 * 1024);
    const sha512 = createHash('sha512').update(deb).digest('base64');
    const requests: string[] = [];
    const server = createServer((req, res) => {
      const path = (req.url ?? '').split('?')[0];
      requests.push(path!);
      if (path === '/latest-linux.yml') {
        res.end(`version: 0.2.0\nfiles:\n  - url: khidma_0.2.0_amd64.deb\n    sha512: ${sha512}\n    size: ${deb.length}\npath: khidma_0.2.0_amd64.deb\nsha512: ${sha512}\nreleaseDate: '2025-06-01T00:00:00.000Z'\n`);
      } else if (path === '/khidma_0.2.0_amd64.deb') {
        res.end(deb);
      } else if (path === '/khidma_0.2.0_amd64.deb.sig' && Buffer.isBuffer(sig)) {
        res.end(sig);
      } else {
        res.statusCode = Buffer.isBuffer(sig) ? 404 : sig.status;
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const t = tempDir('update-download');
    cleanups.push(() => server.close(), () => t.remove());
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    writeFileSync(t.file('app-update.yml'), `provider: generic\nurl: ${base}\nupdaterCacheDirName: khidma-updater\n`);
    const quitHandlers: ((code: number) => void)[] = [];
    const app = {
      version: '0.1.0',
      name: 'khidma',
      isPackaged: true,
      appUpdateConfigPath: t.file('app-update.yml'),
      userDataPath: t.path,
      baseCachePath: t.path,
      whenReady: async () => {},
      relaunch: () => {},
      quit: () => {},
      onQuit: (fn: (code: number) => void) => void quitHandlers.push(fn),
    };
    const ran: string[][] = [];
    const u = new HelperDebUpdater((command, args) => (ran.push([command, ...args]), { status: 0, stderr: '' }), app);
    u.logger = null;
    // Before setFeedURL: the provider takes the client from the updater then.
    (u as unknown as { httpExecutor: unknown }).httpExecutor = new LoopbackHttp();
    const errors: string[] = [];
    const announced: string[] = [];
    u.on('error', (e: Error) => void errors.push(e.message));
    u.on('update-downloaded', (e: { downloadedFile: string }) => void announced.push(e.downloadedFile));
    if (o.check !== false) {
      u.autoDownload = false;
      u.setFeedURL({ provider: 'generic', url: base });
      await u.checkForUpdates();
    }
    const pendingDir = t.file('khidma-updater/pending');
    return { u, deb, requests, ran, errors, announced, quitHandlers, base, pendingDir, file: join(pendingDir, 'khidma_0.2.0_amd64.deb') };
  }

  it('fetches <deb URL>.sig first, writes it beside the downloaded deb before announcing it, and the helper gets the deb', async () => {
    const signature = randomBytes(384);
    const f = await feedAndUpdater(signature);
    await f.u.downloadUpdate();
    expect(f.requests).toEqual(['/latest-linux.yml', '/khidma_0.2.0_amd64.deb.sig', '/khidma_0.2.0_amd64.deb']);
    expect(readFileSync(f.file)).toEqual(f.deb);
    expect(readFileSync(`${f.file}.sig`)).toEqual(signature);
    expect(f.announced).toEqual([f.file]);
    expect(f.errors).toEqual([]);
    // The deb already in the cache (a later check): the signature is fetched again and put back.
    unlinkSync(`${f.file}.sig`);
    await f.u.downloadUpdate();
    expect(f.requests.slice(3)).toEqual(['/khidma_0.2.0_amd64.deb.sig']);
    expect(readFileSync(`${f.file}.sig`)).toEqual(signature);
    // Installed at quit (electron-updater's own handler): the helper with the deb, which finds its .sig beside it.
    f.quitHandlers[0]!(0);
    expect(f.ran).toEqual([['pkexec', '--disable-internal-agent', INSTALL_HELPER, f.file]]);
  });

  it('a .sig the server does not have is an updater error: no deb download, no announcement, no install at quit', async () => {
    const f = await feedAndUpdater({ status: 404 });
    await expect(f.u.downloadUpdate()).rejects.toThrow(/update signature .*khidma_0\.2\.0_amd64\.deb\.sig could not be downloaded: .*status 404/);
    expect(f.errors).toEqual([expect.stringMatching(new RegExp(`^update signature ${f.base}khidma_0\\.2\\.0_amd64\\.deb\\.sig could not be downloaded`))]);
    expect(f.requests).toEqual(['/latest-linux.yml', '/khidma_0.2.0_amd64.deb.sig']);
    expect(f.announced).toEqual([]);
    expect(existsSync(f.pendingDir) ? readdirSync(f.pendingDir).filter((n) => n.endsWith('.deb')) : []).toEqual([]);
    expect(f.quitHandlers).toEqual([]);
    expect(f.u.install(true, false)).toBe(false);
    expect(f.ran).toEqual([]);
  });

  it('a .sig larger than 16 KiB, or a server error, is refused the same way', async () => {
    for (const [answer, why] of [[Buffer.alloc(16 * 1024 + 1), /larger than 16384 bytes/], [{ status: 500 }, /status 500/]] as const) {
      const f = await feedAndUpdater(answer);
      await expect(f.u.downloadUpdate()).rejects.toThrow(why);
      expect(f.errors).toEqual([expect.stringMatching(/^update signature .* could not be downloaded: /)]);
      expect(f.announced).toEqual([]);
      expect(f.requests).not.toContain('/khidma_0.2.0_amd64.deb');
      expect(f.u.install(true, false)).toBe(false);
      expect(f.ran).toEqual([]);
    }
  });

  it('in the background (configureUpdater, autoDownload): a missing .sig is logged as a failed update, and no rejection is left to restart the core', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => void unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    cleanups.push(() => process.off('unhandledRejection', onUnhandled));
    const f = await feedAndUpdater({ status: 404 }, { check: false });
    const logs: { msg: string; error?: unknown }[] = [];
    configureUpdater(f.u, { url: f.base, channel: 'latest' }, { log: (_l, msg, data) => void logs.push({ msg, ...data }), setInterval: () => 0 });
    await vi.waitFor(() => expect(logs).toContainEqual({ msg: 'update failed', error: expect.stringMatching(/update signature .*\.deb\.sig could not be downloaded/) }));
    // Node reports an unhandled rejection once the microtasks after it have run: give it two turns.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toEqual([]);
    expect(f.requests).not.toContain('/khidma_0.2.0_amd64.deb');
  });
});
