import type { ParseResult } from './apdu.ts';

/** One BER-style TLV object as ZVT uses them inside BMP 06. `tag` is the raw tag bytes, big-endian. */
export interface TlvNode {
  tag: number;
  value: Uint8Array;
  /** Present when the tag is constructed (bit 6 of the first tag byte). */
  children?: TlvNode[];
}

export interface TlvInput {
  tag: number;
  value?: Uint8Array;
  children?: TlvInput[];
}

const MAX_DEPTH = 8;

/** Length: < 0x80 is the length; 0x81 nn; 0x82 nn nn (big-endian). */
export function encodeTlvLength(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  if (n <= 0xff) return Uint8Array.of(0x81, n);
  if (n <= 0xffff) return Uint8Array.of(0x82, n >> 8, n & 0xff);
  throw new RangeError('TLV length above 65535');
}

export function readTlvLength(bytes: Uint8Array, offset: number): { length: number; size: number } | undefined {
  const first = bytes[offset];
  if (first === undefined) return undefined;
  if (first < 0x80) return { length: first, size: 1 };
  if (first === 0x81 && offset + 1 < bytes.length) return { length: bytes[offset + 1]!, size: 2 };
  if (first === 0x82 && offset + 2 < bytes.length) {
    return { length: (bytes[offset + 1]! << 8) | bytes[offset + 2]!, size: 3 };
  }
  return undefined;
}

function encodeTag(tag: number): Uint8Array {
  const out: number[] = [];
  let t = tag;
  do {
    out.unshift(t & 0xff);
    t = Math.floor(t / 256);
  } while (t > 0);
  return Uint8Array.from(out);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function encodeTlv(nodes: TlvInput[]): Uint8Array {
  return concat(
    nodes.flatMap((n) => {
      const value = n.children ? encodeTlv(n.children) : (n.value ?? new Uint8Array(0));
      return [encodeTag(n.tag), encodeTlvLength(value.length), value];
    }),
  );
}

/** Parses a TLV sequence from untrusted bytes; never throws. */
export function parseTlv(bytes: Uint8Array, depth = 0): ParseResult<TlvNode[]> {
  if (depth > MAX_DEPTH) return { ok: false, error: 'TLV nested too deep' };
  const nodes: TlvNode[] = [];
  let o = 0;
  while (o < bytes.length) {
    const first = bytes[o]!;
    let tag = first;
    let tagLen = 1;
    if ((first & 0x1f) === 0x1f) {
      // Multi-byte tag: continuation while bit 8 is set; ZVT defines at most 3 bytes.
      let b: number | undefined;
      do {
        b = bytes[o + tagLen];
        if (b === undefined || tagLen >= 3) return { ok: false, error: 'bad TLV tag' };
        tag = tag * 256 + b;
        tagLen++;
      } while (b & 0x80);
    }
    const len = readTlvLength(bytes, o + tagLen);
    if (!len) return { ok: false, error: 'bad TLV length' };
    const start = o + tagLen + len.size;
    if (start + len.length > bytes.length) return { ok: false, error: 'TLV value overruns' };
    const value = bytes.subarray(start, start + len.length);
    const node: TlvNode = { tag, value };
    if (first & 0x20) {
      const inner = parseTlv(value, depth + 1);
      if (!inner.ok) return inner;
      node.children = inner.value;
    }
    nodes.push(node);
    o = start + len.length;
  }
  return { ok: true, value: nodes };
}

/** All text lines (tag 07) anywhere in the tree, in order. ZVT's default text charset is CP437; ASCII suffices here. */
export function textLines(nodes: TlvNode[]): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    if (n.children) out.push(...textLines(n.children));
    else if (n.tag === 0x07) out.push(latin1(n.value));
  }
  return out;
}

export function latin1(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}
