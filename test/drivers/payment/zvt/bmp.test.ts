import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePanNibbles, encodeBcd, encodePanNibbles, maskPan } from '../../../../drivers/payment/zvt/bcd.ts';
import { encodeBmps, parseBmps } from '../../../../drivers/payment/zvt/bmp.ts';
import { encodeTlv, parseTlv, textLines } from '../../../../drivers/payment/zvt/tlv.ts';
import { bytes, hex } from './hex.ts';

describe('BCD and PAN fields', () => {
  it('packs amounts as 6-byte BCD minor units', () => {
    expect(hex(encodeBcd(999_999_999_999, 6))).toBe('99 99 99 99 99 99');
    expect(() => encodeBcd(1_000_000_000_000, 6)).toThrow(RangeError);
  });

  it('encodes masked PAN digits as E and pads odd lengths with F', () => {
    expect(hex(encodePanNibbles('123*5'))).toBe('12 3E 5F');
    expect(decodePanNibbles(bytes('12 3E 5F'))).toBe('123*5');
    expect(decodePanNibbles(bytes('1A'))).toBeUndefined();
  });

  it('masks everything but the last four digits, even if a terminal sent the PAN in clear', () => {
    expect(maskPan('4111111111111111')).toBe('************1111');
    expect(maskPan('411111******1111')).toBe('************1111');
  });
});

describe('BMP sequences', () => {
  it('writes LL-var and LLL-var prefixes as F0-F9 digit bytes', () => {
    // 22 PAN LL-var: 2 bytes → F0 F2; 3C additional text LLL-var: 3 bytes → F0 F0 F3.
    expect(hex(encodeBmps([{ bmp: 0x22, value: bytes('12 34') }, { bmp: 0x3c, value: bytes('41 42 43') }]))).toBe(
      '22 F0 F2 12 34 3C F0 F0 F3 41 42 43',
    );
  });

  it('parses a TLV container (BMP 06) with a two-byte length', () => {
    const tlv = encodeTlv([{ tag: 0x25, children: [{ tag: 0x07, value: new Uint8Array(200).fill(0x41) }] }]);
    const p = parseBmps(encodeBmps([{ bmp: 0x06, value: tlv }]));
    expect(p.error).toBeUndefined();
    expect(textLines(p.fields[0]?.tlv ?? [])[0]).toHaveLength(200);
  });

  it('stops at an unknown BMP and keeps what came before', () => {
    const p = parseBmps(bytes('27 00 FE 01 02'));
    expect(p.fields.map((f) => f.bmp)).toEqual([0x27]);
    expect(p.error).toMatch(/unknown BMP/);
  });

  it('never throws on random bytes (BMP and TLV parsers)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        const p = parseBmps(b);
        expect(Array.isArray(p.fields)).toBe(true);
        const t = parseTlv(b);
        expect(typeof t.ok).toBe('boolean');
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips TLV trees', () => {
    type Node = { tag: number; value?: Uint8Array; children?: Node[] };
    const leaf = fc.record({ tag: fc.constantFrom(0x07, 0x09, 0x1f10), value: fc.uint8Array({ maxLength: 300 }) });
    const tree = fc.array(fc.oneof(leaf, fc.record({ tag: fc.constantFrom(0x24, 0x25), children: fc.array(leaf, { maxLength: 3 }) })), {
      maxLength: 4,
    });
    fc.assert(
      fc.property(tree, (nodes: Node[]) => {
        const p = parseTlv(encodeTlv(nodes));
        expect(p.ok).toBe(true);
        if (p.ok) expect(hex(encodeTlv(p.value))).toBe(hex(encodeTlv(nodes)));
      }),
      { numRuns: 300 },
    );
  });
});
