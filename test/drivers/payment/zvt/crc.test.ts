import { describe, expect, it } from 'vitest';
import { crc16, frameCrc } from '../../../../drivers/payment/zvt/crc.ts';
import { bytes } from './hex.ts';

describe('ZVT CRC-16 (CCITT reflected, poly 0x8408, init 0)', () => {
  it('matches the catalogue check value of CRC-16/KERMIT', () => {
    // Standard check input "123456789" → 0x2189 for width 16, poly 0x1021 reflected (0x8408), init 0, xorout 0.
    expect(crc16(Buffer.from('123456789', 'ascii'))).toBe(0x2189);
    expect(crc16(new Uint8Array(0))).toBe(0);
  });

  // Frames captured from real terminals and published with the ecrterm ZVT library's tests
  // (mathiasfrey/ecrterm tests/data_encoding.py): message bytes, then the CRC low/high bytes
  // that followed DLE ETX on the wire. The CRC covers the un-stuffed message plus ETX.
  const vectors: [string, string, number, number][] = [
    ['registration 123456 cfg BA EUR', '06 00 06 12 34 56 BA 09 78', 0x24, 0xc3],
    ['authorization 110.00 EUR', '06 01 0A 04 00 00 00 01 10 00 49 09 78', 0xf2, 0xff],
    ['positive completion 80 00 00', '80 00 00', 0xf5, 0x1f],
    ['negative completion 84 9C 00', '84 9C 00', 0xc3, 0x41],
    ['status enquiry', '05 01 03 12 34 56', 0xe0, 0x43],
    ['diagnosis', '06 70 00', 0xd9, 0xf9],
    ['initialisation', '06 93 03 12 34 56', 0xca, 0xa4],
  ];
  it.each(vectors)('%s', (_name, message, lo, hi) => {
    const crc = frameCrc(bytes(message));
    expect(crc & 0xff).toBe(lo);
    expect(crc >> 8).toBe(hi);
  });

  it('continues incrementally: crc(a ++ b) = crc(b, crc(a))', () => {
    const a = bytes('06 01 0A 04 00');
    const b = bytes('00 00 01 10 00');
    expect(crc16(b, crc16(a))).toBe(crc16(Uint8Array.from([...a, ...b])));
  });
});
