/**
 * ZVT APDU: control field (class, instruction), length, data. Length is one byte, or 0xFF
 * followed by two bytes little-endian for data of 255 bytes or more.
 */
export interface Apdu {
  cls: number;
  ins: number;
  data: Uint8Array;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

export const MAX_APDU_DATA = 0xffff;

export function encodeApdu(cls: number, ins: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  if (data.length > MAX_APDU_DATA) throw new RangeError('APDU data longer than 65535 bytes');
  const header = data.length < 0xff ? [cls, ins, data.length] : [cls, ins, 0xff, data.length & 0xff, data.length >> 8];
  const out = new Uint8Array(header.length + data.length);
  out.set(header, 0);
  out.set(data, header.length);
  return out;
}

/** Parses untrusted bytes; never throws. The declared length must match the bytes present. */
export function parseApdu(bytes: Uint8Array): ParseResult<Apdu> {
  if (bytes.length < 3) return { ok: false, error: 'shorter than control field + length' };
  const cls = bytes[0]!;
  const ins = bytes[1]!;
  let len = bytes[2]!;
  let offset = 3;
  if (len === 0xff) {
    if (bytes.length < 5) return { ok: false, error: 'truncated extended length' };
    len = bytes[3]! | (bytes[4]! << 8);
    offset = 5;
  }
  if (bytes.length - offset !== len) {
    return { ok: false, error: `length field ${len} but ${bytes.length - offset} data bytes` };
  }
  return { ok: true, value: { cls, ins, data: bytes.subarray(offset) } };
}

export function ctrl(apdu: Pick<Apdu, 'cls' | 'ins'>): number {
  return (apdu.cls << 8) | apdu.ins;
}
