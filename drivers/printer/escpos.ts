/**
 * A thin ESC/POS command builder: each function returns the exact bytes of one command
 * (python-escpos style: one raw-bytes seam, byte-exact golden tests).
 *
 * Why not node-thermal-printer for the wire? Measured and read (see test/drivers/printer/escpos.test.ts):
 * its common commands are byte-identical to these, but (1) `append()` encodes every
 * character alone through iconv, which is exactly the wrong route for Arabic;
 * (2) the QR store length uses the UTF-16 string length, not the byte length, so a
 * non-ASCII payload corrupts the command; (3) GS v 0 hard-codes xH = 0 and pads the width
 * by a whole byte; (4) it has no ESC * / ESC $ for mixing an image with text on one line;
 * (5) it keeps one mutable buffer per instance bound to its own interfaces, not our Transport.
 * It stays a dev tool: the benchmark uses its printImageBuffer as the full-page baseline.
 */
import type { Bitmap } from './bitmap.ts';

export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

export type Align = 'left' | 'center' | 'right';
export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';

const u16 = (n: number): [number, number] => [n & 0xff, (n >> 8) & 0xff];
const clampByte = (n: number): number => Math.max(0, Math.min(255, Math.round(n)));

/** ESC @: clear the buffer and reset modes. */
export const init = (): Uint8Array => Uint8Array.of(ESC, 0x40);
/** ESC t n: character code table for native text. */
export const selectCodePage = (n: number): Uint8Array => Uint8Array.of(ESC, 0x74, clampByte(n));
/** ESC a n: justification; applies to text lines, raster images and QR symbols in standard mode. */
export const align = (a: Align): Uint8Array => Uint8Array.of(ESC, 0x61, a === 'left' ? 0 : a === 'center' ? 1 : 2);
/** ESC E n: emphasized (bold). */
export const bold = (on: boolean): Uint8Array => Uint8Array.of(ESC, 0x45, on ? 1 : 0);
/** GS ! n: character size, width and height multipliers 1..8 (bits 4-7 width, 0-3 height). */
export function charSize(width: number, height: number): Uint8Array {
  const w = Math.max(1, Math.min(8, Math.round(width))) - 1;
  const h = Math.max(1, Math.min(8, Math.round(height))) - 1;
  return Uint8Array.of(GS, 0x21, (w << 4) | h);
}
/** Printable ASCII as is; anything else becomes '?' (callers route non-ASCII to raster). */
export function text(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[i] = c >= 0x20 && c < 0x7f ? c : 0x3f;
  }
  return out;
}
export const lineFeed = (): Uint8Array => Uint8Array.of(LF);
/** ESC d n: print and feed n lines. */
export const feedLines = (n: number): Uint8Array => Uint8Array.of(ESC, 0x64, clampByte(n));
/** ESC J n: print and feed n dots. */
export const feedDots = (n: number): Uint8Array => Uint8Array.of(ESC, 0x4a, clampByte(n));
/** ESC 3 n: line spacing in dots. */
export const lineSpacing = (n: number): Uint8Array => Uint8Array.of(ESC, 0x33, clampByte(n));
/** ESC 2: default line spacing. */
export const defaultLineSpacing = (): Uint8Array => Uint8Array.of(ESC, 0x32);
/** ESC $ nL nH: absolute horizontal position, in motion units (1 dot on the profiled models). */
export const absolutePosition = (dots: number): Uint8Array => Uint8Array.of(ESC, 0x24, ...u16(Math.max(0, Math.round(dots))));

/** Epson's limit for GS v 0 height; taller images are sent as several strips. */
export const RASTER_MAX_ROWS = 2303;

/** GS v 0 m xL xH yL yH d1..dk: raster bit image, normal density, data = bitmap rows. */
export function rasterImage(b: Bitmap): Uint8Array {
  if (b.width === 0 || b.height === 0) return new Uint8Array(0);
  const parts: Uint8Array[] = [];
  for (let y0 = 0; y0 < b.height; y0 += RASTER_MAX_ROWS) {
    const rows = Math.min(RASTER_MAX_ROWS, b.height - y0);
    const head = Uint8Array.of(GS, 0x76, 0x30, 0, ...u16(b.bytesPerRow), ...u16(rows));
    parts.push(head, b.data.subarray(y0 * b.bytesPerRow, (y0 + rows) * b.bytesPerRow));
  }
  return concatBytes(parts);
}

/**
 * ESC * 33 nL nH d1..dk: 24-dot double-density column image placed inside the current
 * line, so native text can share the line. `columns` holds 3 bytes per column, top dot = MSB.
 */
export function columnImage24(columns: Uint8Array): Uint8Array {
  const n = Math.floor(columns.length / 3);
  if (n === 0) return new Uint8Array(0);
  return concatBytes([Uint8Array.of(ESC, 0x2a, 33, ...u16(n)), columns.subarray(0, n * 3)]);
}

/**
 * QR code through GS ( k (cn = 49): model 2, module size, error correction, store, print.
 * The store length is the UTF-8 byte length + 3.
 */
export function qrCode(data: string, opts: { moduleSize: number; errorCorrection: QrErrorCorrection }): Uint8Array {
  const payload = new TextEncoder().encode(data).subarray(0, 7089);
  const ec = { L: 48, M: 49, Q: 50, H: 51 }[opts.errorCorrection];
  const k = (pl: number, fn: number, ...rest: number[]): number[] => [GS, 0x28, 0x6b, ...u16(pl), 49, fn, ...rest];
  return concatBytes([
    Uint8Array.from(k(4, 65, 50, 0)),
    Uint8Array.from(k(3, 67, Math.max(1, Math.min(16, Math.round(opts.moduleSize))))),
    Uint8Array.from(k(3, 69, ec)),
    Uint8Array.from(k(payload.length + 3, 80, 48)),
    payload,
    Uint8Array.from(k(3, 81, 48)),
  ]);
}

/** GS V m: cut (0 full, 1 partial). */
export const cut = (kind: 'full' | 'partial'): Uint8Array => Uint8Array.of(GS, 0x56, kind === 'full' ? 0 : 1);

/** DLE EOT n: real-time status request, answered with one byte even while offline. */
export const statusRequest = (n: 1 | 2 | 3 | 4): Uint8Array => Uint8Array.of(DLE, EOT, n);

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
