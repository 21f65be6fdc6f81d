import { describe, expect, it } from 'vitest';
import { configureUpdater, updateFeedFromEnv, type UpdaterLike } from '../../../main/shell/updates.ts';

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
