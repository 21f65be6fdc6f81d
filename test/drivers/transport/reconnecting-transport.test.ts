import { describe, expect, it } from 'vitest';
import { createMemoryLink } from '../../../drivers/transport/memory-link.ts';
import { createReconnectingTransport } from '../../../drivers/transport/reconnecting-transport.ts';
import type { Transport } from '../../../drivers/transport/transport.ts';

/** A "port" that can be unplugged and plugged in again: each open gives a fresh in-process link. */
function pluggablePort() {
  let plugged = true;
  let device: Transport | undefined;
  const opens: number[] = [];
  return {
    unplug: async () => {
      plugged = false;
      await device?.close();
    },
    plug: () => (plugged = true),
    device: () => device!,
    opens,
    open: async (): Promise<Transport> => {
      opens.push(Date.now());
      if (!plugged) throw new Error('ENOENT: no such port');
      const [host, dev] = createMemoryLink({ name: 'usb' });
      device = dev;
      return host;
    },
  };
}
const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

describe('reconnecting transport', () => {
  it('reports a lost port, retries, and carries bytes again after it is back', async () => {
    const port = pluggablePort();
    const t = createReconnectingTransport(port.open, { name: 'usb', retryMs: 10 });
    await t.ready;
    const got: string[] = [];
    const events: string[] = [];
    t.onData((c) => got.push(c.toString()));
    t.onClose(() => events.push('closed'));
    t.onReopen(() => events.push('reopened'));
    port.device().onData((c) => got.push(`dev:${c.toString()}`));

    await t.write(Buffer.from('a'));
    await port.device().write(Buffer.from('b'));
    await tick();
    expect(got).toEqual(['dev:a', 'b']);

    await port.unplug();
    expect(t.isOpen).toBe(false);
    await expect(t.write(Buffer.from('lost'))).rejects.toThrow(/not open/);
    await tick(35);
    expect(port.opens.length).toBeGreaterThanOrEqual(3); // kept trying while unplugged
    port.plug();
    await tick(30);
    expect(events).toEqual(['closed', 'reopened']);
    expect(t.isOpen).toBe(true);
    await port.device().write(Buffer.from('c'));
    await tick();
    expect(got.at(-1)).toBe('c');
    await t.close();
    const after = port.opens.length;
    await tick(40);
    expect(port.opens.length).toBe(after); // no retries after close
  });

  it('a port missing at start-up starts closed and opens when plugged in', async () => {
    const port = pluggablePort();
    await port.unplug();
    const errors: string[] = [];
    const t = createReconnectingTransport(port.open, { name: 'usb', retryMs: 10, onError: (e) => errors.push(e.message) });
    await t.ready;
    expect(t.isOpen).toBe(false);
    expect(errors[0]).toMatch(/no such port/);
    let reopened = false;
    t.onReopen(() => (reopened = true));
    port.plug();
    await tick(30);
    expect(reopened).toBe(true);
    expect(t.isOpen).toBe(true);
    await t.close();
  });
});
