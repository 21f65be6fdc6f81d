import { describe, expect, it } from 'vitest';
import { CoreSupervisor, type ShellCore } from '../../../main/shell/core-supervisor.ts';
import { EventHub } from '../../../main/bridge/event-hub.ts';
import { ConfigError } from '../../../main/config.ts';
import { RestartBackoff } from '../../../main/launcher/restart-backoff.ts';

function core(log: string[], name: string): ShellCore {
  return {
    dispatcher: { dispatch: async () => ({ ok: true, value: name }), idle: async () => undefined },
    events: new EventHub(),
    audit: (a) => void log.push(`${name} audit ${a}`),
    close: async () => void log.push(`${name} closed`),
  };
}

describe('core supervisor', () => {
  it('retries a failing start with backoff, then runs the core it got', async () => {
    const log: string[] = [];
    const waits: number[] = [];
    let n = 0;
    const sup = new CoreSupervisor({
      create: async () => {
        if (++n < 3) throw new Error('database is locked');
        return core(log, `core${n}`);
      },
      backoff: new RestartBackoff({ baseMs: 100, capMs: 1000, stableMs: 60_000 }),
      sleep: async (ms) => void waits.push(ms),
      onError: (m) => void log.push(m),
    });
    await sup.start();
    expect(waits).toEqual([100, 200]);
    expect(log).toEqual(['the kiosk core did not start; retrying', 'the kiosk core did not start; retrying']);
    expect(await sup.current!.dispatcher.dispatch('x', {})).toEqual({ ok: true, value: 'core3' });
  });

  it('never retries a configuration error', async () => {
    let n = 0;
    const sup = new CoreSupervisor({ create: async () => (n++, Promise.reject(new ConfigError('bad'))), sleep: async () => {} });
    await expect(sup.start()).rejects.toThrow(ConfigError);
    expect(n).toBe(1);
  });

  it('restart audits and closes the failed core before starting a new one; close is once and final', async () => {
    const log: string[] = [];
    let n = 0;
    const sup = new CoreSupervisor({ create: async () => core(log, `core${++n}`), sleep: async () => {} });
    await sup.start();
    await sup.restart('TypeError');
    expect(log).toEqual(['core1 audit core.restart', 'core1 closed']);
    await sup.close();
    await sup.close();
    expect(log).toEqual(['core1 audit core.restart', 'core1 closed', 'core2 closed']);
    expect(sup.current).toBeUndefined();
    await sup.restart('late');
    expect(n).toBe(2);
  });
});
