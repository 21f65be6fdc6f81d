import { describe, expect, it } from 'vitest';
import { createMemoryLink } from '../../../drivers/transport/memory-link.ts';

describe('memory link', () => {
  it('carries bytes both ways and reports closure to both ends', async () => {
    const [host, device] = createMemoryLink({ name: 't' });
    const got: number[] = [];
    device.onData((c) => got.push(...c));
    await host.write(Uint8Array.of(1, 2, 3));
    await new Promise((r) => setTimeout(r, 0));
    expect(got).toEqual([1, 2, 3]);
    let hostClosed = false;
    host.onClose(() => (hostClosed = true));
    await device.close();
    expect(hostClosed).toBe(true);
    await expect(host.write(Uint8Array.of(4))).rejects.toThrow(/closed/);
  });

  it('honours the baud rate like a UART (10 bits per byte)', async () => {
    const [host, device] = createMemoryLink({ baudRate: 9600 });
    let received = 0;
    device.onData((c) => (received += c.length));
    const t0 = performance.now();
    await host.write(new Uint8Array(96)); // 96 bytes at 9600 baud = 100 ms
    expect(performance.now() - t0).toBeGreaterThanOrEqual(90);
    await new Promise((r) => setTimeout(r, 0));
    expect(received).toBe(96);
  });
});
