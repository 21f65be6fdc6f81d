import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeApdu, parseApdu } from '../../../../drivers/payment/zvt/apdu.ts';
import { hex } from './hex.ts';

describe('APDU codec', () => {
  it('uses one length byte below 255', () => {
    expect(hex(encodeApdu(0x06, 0xd1, new Uint8Array(254)).subarray(0, 3))).toBe('06 D1 FE');
  });

  it('uses FF + two bytes little-endian from 255 bytes on', () => {
    // 300 = 0x012C → FF 2C 01
    const a = encodeApdu(0x06, 0xd3, new Uint8Array(300));
    expect(hex(a.subarray(0, 5))).toBe('06 D3 FF 2C 01');
    expect(a.length).toBe(305);
    const p = parseApdu(a);
    expect(p.ok && p.value.data.length).toBe(300);
    expect(hex(encodeApdu(0x06, 0xd3, new Uint8Array(255)).subarray(0, 5))).toBe('06 D3 FF FF 00');
  });

  it('rejects truncated or over-long input', () => {
    expect(parseApdu(Uint8Array.of(0x80, 0x00)).ok).toBe(false);
    expect(parseApdu(Uint8Array.of(0x04, 0xff, 0x02, 0x0a)).ok).toBe(false);
    expect(parseApdu(Uint8Array.of(0x04, 0xff, 0x00, 0x0a)).ok).toBe(false);
    expect(parseApdu(Uint8Array.of(0x06, 0xd3, 0xff, 0x01)).ok).toBe(false);
  });

  it('round-trips any data and never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 700 }), (cls, ins, data) => {
        const p = parseApdu(encodeApdu(cls, ins, data));
        expect(p.ok).toBe(true);
        if (p.ok) expect(hex(p.value.data)).toBe(hex(data));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        const p = parseApdu(b);
        expect(typeof p.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});
