import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decodeStatus,
  encodeStatus,
  isStatusByte,
  NO_FLAGS,
  toDeviceStatus,
  type PrinterFlags,
} from '../../../drivers/printer/status-bits.ts';

const replies = (f: PrinterFlags) => ({ 1: encodeStatus(1, f), 2: encodeStatus(2, f), 3: encodeStatus(3, f), 4: encodeStatus(4, f) });

describe('DLE EOT status bits', () => {
  it('reads a published out-of-paper answer (DLE EOT 1, 2, 4 = 1A 32 7E)', () => {
    const f = decodeStatus({ 1: 0x1a, 2: 0x32, 4: 0x7e });
    expect(f).toMatchObject({ offline: true, paperOut: true, paperNearEnd: true, coverOpen: false });
    expect(toDeviceStatus(f)).toEqual({ device: 'userError', supply: 'out', detail: 'paperOut' });
  });

  it('reads an all-clear printer as online with full paper', () => {
    expect(toDeviceStatus(decodeStatus({ 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 }))).toEqual({ device: 'online', supply: 'full' });
  });

  it.each([
    ['paperNearEnd', { device: 'online', supply: 'low', detail: 'paperNearEnd' }],
    ['paperOut', { device: 'userError', supply: 'out', detail: 'paperOut' }],
    ['coverOpen', { device: 'userError', supply: 'full', detail: 'coverOpen' }],
    ['cutterError', { device: 'hwError', supply: 'full', detail: 'cutterError' }],
    ['unrecoverable', { device: 'hwError', supply: 'full', detail: 'unrecoverableError' }],
    ['autoRecoverable', { device: 'busy', supply: 'full', detail: 'autoRecoverableError' }],
    ['offline', { device: 'offline', supply: 'full', detail: 'offline' }],
  ] as const)('round-trips %s through the simulator encoding', (flag, expected) => {
    const f = { ...NO_FLAGS, [flag]: true };
    const r = replies(f);
    for (const b of Object.values(r)) expect(isStatusByte(b)).toBe(true);
    expect(toDeviceStatus(decodeStatus(r))).toEqual(expected);
  });

  it('sets the documented bits', () => {
    expect(encodeStatus(2, { ...NO_FLAGS, coverOpen: true })).toBe(0x12 | 0x04 | 0x00);
    expect(encodeStatus(3, { ...NO_FLAGS, cutterError: true })).toBe(0x12 | 0x08);
    expect(encodeStatus(4, { ...NO_FLAGS, paperNearEnd: true })).toBe(0x12 | 0x0c);
    expect(encodeStatus(4, { ...NO_FLAGS, paperOut: true })).toBe(0x12 | 0x0c | 0x60);
  });

  it('never produces XON/XOFF bytes, so XON/XOFF flow control is safe', () => {
    fc.assert(
      fc.property(fc.record({ offline: fc.boolean(), coverOpen: fc.boolean(), paperOut: fc.boolean(), paperNearEnd: fc.boolean(), cutterError: fc.boolean(), unrecoverable: fc.boolean(), autoRecoverable: fc.boolean() }), fc.constantFrom(1, 2, 3, 4 as const), (f, n) => {
        const b = encodeStatus(n as 1 | 2 | 3 | 4, f);
        expect(isStatusByte(b)).toBe(true);
        expect([0x11, 0x13]).not.toContain(b);
      }),
    );
  });

  it('maps any reply bytes to a valid status without throwing', () => {
    const devices = ['online', 'offline', 'userError', 'hwError', 'busy'];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }), ([a, b, c, d]) => {
        const s = toDeviceStatus(decodeStatus({ 1: a!, 2: b!, 3: c!, 4: d! }));
        expect(devices).toContain(s.device);
        expect(['full', 'low', 'out']).toContain(s.supply);
      }),
    );
  });
});
