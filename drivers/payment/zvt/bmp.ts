import { decodeVarLength, encodeVarLength } from './bcd.ts';
import { encodeTlvLength, parseTlv, readTlvLength, type TlvNode } from './tlv.ts';

/** How a BMP's value is delimited: fixed size, LL-/LLL-var (F0-F9 digit bytes), or TLV container. */
export type BmpFormat = { kind: 'fixed'; length: number } | { kind: 'var'; digits: 2 | 3 } | { kind: 'tlv' };

/** BMP numbers the kiosk reads or writes (ZVT "Bitmaps" chapter). */
export const BMP = {
  timeout: 0x01,
  maxStatusInfos: 0x02,
  serviceByte: 0x03,
  amount: 0x04,
  tlv: 0x06,
  traceNumber: 0x0b,
  time: 0x0c,
  date: 0x0d,
  expiryDate: 0x0e,
  cardSequence: 0x17,
  paymentType: 0x19,
  pan: 0x22,
  resultCode: 0x27,
  terminalId: 0x29,
  vuNumber: 0x2a,
  originalTrace: 0x37,
  aid: 0x3b,
  additionalText: 0x3c,
  currency: 0x49,
  totals: 0x60,
  receiptNumber: 0x87,
  turnoverNumber: 0x88,
  cardType: 0x8a,
  cardName: 0x8b,
  cardTypeId: 0x8c,
  dateWithYear: 0xaa,
} as const;

const fixed = (length: number): BmpFormat => ({ kind: 'fixed', length });
const ll: BmpFormat = { kind: 'var', digits: 2 };
const lll: BmpFormat = { kind: 'var', digits: 3 };

/**
 * Field layouts (data, not code): a terminal that sends an extra BMP can be supported by passing
 * an extended table. An unknown BMP ends parsing, because its length cannot be known.
 */
export const DEFAULT_BMP_FORMATS: ReadonlyMap<number, BmpFormat> = new Map<number, BmpFormat>([
  [0x01, fixed(1)], [0x02, fixed(1)], [0x03, fixed(1)], [0x04, fixed(6)], [0x05, fixed(1)],
  [0x06, { kind: 'tlv' }], [0x0b, fixed(3)], [0x0c, fixed(3)], [0x0d, fixed(2)], [0x0e, fixed(2)],
  [0x17, fixed(2)], [0x19, fixed(1)], [0x22, ll], [0x23, ll], [0x24, lll], [0x27, fixed(1)],
  [0x29, fixed(4)], [0x2a, fixed(15)], [0x2d, ll], [0x2e, lll], [0x37, fixed(3)], [0x3a, fixed(2)],
  [0x3b, fixed(8)], [0x3c, lll], [0x3d, fixed(3)], [0x49, fixed(2)], [0x60, lll], [0x87, fixed(2)],
  [0x88, fixed(3)], [0x8a, fixed(1)], [0x8b, ll], [0x8c, fixed(1)], [0x92, lll], [0x9a, lll],
  [0xaa, fixed(3)], [0xaf, lll], [0xba, fixed(5)],
]);

export interface BmpField {
  bmp: number;
  /** The value without any length prefix. */
  value: Uint8Array;
  /** Parsed objects for BMP 06. */
  tlv?: TlvNode[];
}

export interface BmpParse {
  fields: BmpField[];
  /** Set when parsing stopped early; `fields` then holds what came before. */
  error?: string;
}

/** Parses a BMP sequence from untrusted bytes; never throws. */
export function parseBmps(data: Uint8Array, formats: ReadonlyMap<number, BmpFormat> = DEFAULT_BMP_FORMATS): BmpParse {
  const fields: BmpField[] = [];
  let o = 0;
  while (o < data.length) {
    const bmp = data[o]!;
    const fmt = formats.get(bmp);
    if (!fmt) return { fields, error: `unknown BMP 0x${bmp.toString(16)} at ${o}` };
    o++;
    let start = o;
    let len: number;
    if (fmt.kind === 'fixed') len = fmt.length;
    else if (fmt.kind === 'var') {
      const l = decodeVarLength(data, o, fmt.digits);
      if (l === undefined) return { fields, error: `bad length prefix for BMP 0x${bmp.toString(16)}` };
      len = l;
      start = o + fmt.digits;
    } else {
      const l = readTlvLength(data, o);
      if (!l) return { fields, error: 'bad TLV container length' };
      len = l.length;
      start = o + l.size;
    }
    if (start + len > data.length) return { fields, error: `BMP 0x${bmp.toString(16)} overruns the data` };
    const value = data.subarray(start, start + len);
    const field: BmpField = { bmp, value };
    if (fmt.kind === 'tlv') {
      const t = parseTlv(value);
      if (!t.ok) return { fields, error: t.error };
      field.tlv = t.value;
    }
    fields.push(field);
    o = start + len;
  }
  return { fields };
}

export function encodeBmps(
  fields: readonly { bmp: number; value: Uint8Array }[],
  formats: ReadonlyMap<number, BmpFormat> = DEFAULT_BMP_FORMATS,
): Uint8Array {
  const parts: number[] = [];
  for (const f of fields) {
    const fmt = formats.get(f.bmp);
    if (!fmt) throw new RangeError(`no layout for BMP 0x${f.bmp.toString(16)}`);
    parts.push(f.bmp);
    if (fmt.kind === 'fixed' && f.value.length !== fmt.length) {
      throw new RangeError(`BMP 0x${f.bmp.toString(16)} needs ${fmt.length} bytes`);
    }
    if (fmt.kind === 'var') parts.push(...encodeVarLength(f.value.length, fmt.digits));
    if (fmt.kind === 'tlv') parts.push(...encodeTlvLength(f.value.length));
    parts.push(...f.value);
  }
  return Uint8Array.from(parts);
}

export function findBmp(fields: readonly BmpField[], bmp: number): BmpField | undefined {
  return fields.find((f) => f.bmp === bmp);
}
