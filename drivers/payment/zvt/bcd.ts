/** BCD and ZVT variable-length helpers. Decoders never throw: they return undefined on bad input. */

/** Packs a non-negative integer (or digit string) into `bytes` bytes of BCD, left-padded with zeros. */
export function encodeBcd(value: number | bigint | string, bytes: number): Uint8Array {
  const digits = typeof value === 'string' ? value : BigInt(value).toString();
  if (!/^\d*$/.test(digits) || digits.length > bytes * 2) {
    throw new RangeError(`value does not fit ${bytes} BCD bytes`);
  }
  const padded = digits.padStart(bytes * 2, '0');
  const out = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) {
    out[i] = (Number(padded[2 * i]) << 4) | Number(padded[2 * i + 1]);
  }
  return out;
}

/** Digits of a BCD field, or undefined if any nibble is not 0-9. */
export function decodeBcd(bytes: Uint8Array): string | undefined {
  let s = '';
  for (const b of bytes) {
    const hi = b >> 4;
    const lo = b & 0x0f;
    if (hi > 9 || lo > 9) return undefined;
    s += `${hi}${lo}`;
  }
  return s;
}

export function decodeBcdNumber(bytes: Uint8Array): number | undefined {
  const s = decodeBcd(bytes);
  return s === undefined ? undefined : Number(s);
}

/** ZVT LL-/LLL-var length prefix: each digit as one byte 0xF0-0xF9. */
export function encodeVarLength(length: number, digits: 2 | 3): Uint8Array {
  const s = String(length);
  if (s.length > digits) throw new RangeError(`length ${length} does not fit ${digits} digits`);
  return Uint8Array.from(s.padStart(digits, '0'), (d) => 0xf0 | Number(d));
}

export function decodeVarLength(bytes: Uint8Array, offset: number, digits: 2 | 3): number | undefined {
  if (offset + digits > bytes.length) return undefined;
  let n = 0;
  for (let i = 0; i < digits; i++) {
    const b = bytes[offset + i]!;
    if (b >> 4 !== 0x0f || (b & 0x0f) > 9) return undefined;
    n = n * 10 + (b & 0x0f);
  }
  return n;
}

/** PAN digits as BMP 22 carries them: '*' → nibble E (masked digit), odd length padded with F. */
export function encodePanNibbles(pan: string): Uint8Array {
  const nib = [...pan].map((c) => (c === '*' ? 0x0e : Number(c)));
  if (nib.some((n) => Number.isNaN(n) || n > 0x0e)) throw new RangeError('PAN may hold digits and * only');
  if (nib.length % 2) nib.push(0x0f);
  const out = new Uint8Array(nib.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = (nib[2 * i]! << 4) | nib[2 * i + 1]!;
  return out;
}

/** Reads BMP 22 nibbles: E → '*', F ends the number; other non-digits make it invalid. */
export function decodePanNibbles(bytes: Uint8Array): string | undefined {
  let s = '';
  for (const b of bytes) {
    for (const n of [b >> 4, b & 0x0f]) {
      if (n === 0x0f) return s;
      if (n === 0x0e) s += '*';
      else if (n <= 9) s += String(n);
      else return undefined;
    }
  }
  return s;
}

/** Keeps only the last four digits visible, whatever the terminal sent: the full PAN never leaves the driver. */
export function maskPan(pan: string): string {
  const visible = pan.slice(-4).replace(/\D/g, '*');
  return '*'.repeat(Math.max(0, pan.length - 4)) + visible;
}
