/**
 * Incremental ESC/POS decoder for the subset the driver sends (plus safe skipping of the
 * rest). Pure parsing: `push()` bytes in any chunking, get commands out. Survives garbage:
 * it never throws, and every byte is either consumed or kept until its command completes.
 */
import type { Bitmap } from '../bitmap.ts';

export type EscPosCommand =
  | { op: 'text'; text: string }
  | { op: 'lf' }
  | { op: 'init' }
  | { op: 'align'; align: 'left' | 'center' | 'right' }
  | { op: 'bold'; on: boolean }
  | { op: 'size'; width: number; height: number }
  | { op: 'printMode'; n: number }
  | { op: 'codePage'; n: number }
  | { op: 'feedLines'; n: number }
  | { op: 'feedDots'; n: number }
  | { op: 'lineSpacing'; dots: number | null }
  | { op: 'position'; x: number }
  | { op: 'raster'; bitmap: Bitmap; mode: number }
  | { op: 'columns'; mode: number; count: number; data: Uint8Array }
  | { op: 'qrModel'; model: number }
  | { op: 'qrModuleSize'; n: number }
  | { op: 'qrErrorCorrection'; level: 'L' | 'M' | 'Q' | 'H' }
  | { op: 'qrStore'; data: Uint8Array }
  | { op: 'qrPrint' }
  | { op: 'cut'; partial: boolean; feedDots: number }
  | { op: 'status'; n: number }
  | { op: 'ignored'; bytes: number };

/** Raster images larger than this are treated as garbage headers, not waited for. */
export const MAX_RASTER_BYTES = 1 << 20;
const MAX_COLUMNS = 4096;

type Parsed = { cmd: EscPosCommand; len: number } | 'more';

const u16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);

function need(b: Uint8Array, i: number, n: number): boolean {
  return b.length - i < n;
}

/** Parses the command starting at `i`, or says more bytes are needed. Never throws. */
export function parseOne(b: Uint8Array, i: number): Parsed {
  const c = b[i] ?? 0;
  if (c >= 0x20 && c !== 0x7f) {
    let j = i;
    while (j < b.length && (b[j] ?? 0) >= 0x20 && b[j] !== 0x7f) j++;
    // High bytes are code-page characters; shown as Latin-1 (the driver only sends ASCII).
    return { cmd: { op: 'text', text: String.fromCharCode(...b.subarray(i, j)) }, len: j - i };
  }
  if (c === 0x0a) return { cmd: { op: 'lf' }, len: 1 };
  if (c === 0x10) {
    if (need(b, i, 2)) return 'more';
    const c1 = b[i + 1];
    if (c1 === 0x04) return need(b, i, 3) ? 'more' : { cmd: { op: 'status', n: b[i + 2] ?? 0 }, len: 3 };
    if (c1 === 0x05) return need(b, i, 3) ? 'more' : { cmd: { op: 'ignored', bytes: 3 }, len: 3 };
    if (c1 === 0x14) return need(b, i, 5) ? 'more' : { cmd: { op: 'ignored', bytes: 5 }, len: 5 };
    return { cmd: { op: 'ignored', bytes: 1 }, len: 1 };
  }
  if (c === 0x1b) return parseEsc(b, i);
  if (c === 0x1d) return parseGs(b, i);
  return { cmd: { op: 'ignored', bytes: 1 }, len: 1 };
}

function parseEsc(b: Uint8Array, i: number): Parsed {
  if (need(b, i, 2)) return 'more';
  const c1 = b[i + 1] ?? 0;
  const n = b[i + 2] ?? 0;
  const three = (cmd: EscPosCommand): Parsed => (need(b, i, 3) ? 'more' : { cmd, len: 3 });
  switch (c1) {
    case 0x40:
      return { cmd: { op: 'init' }, len: 2 };
    case 0x32:
      return { cmd: { op: 'lineSpacing', dots: null }, len: 2 };
    case 0x33:
      return three({ op: 'lineSpacing', dots: n });
    case 0x61:
      return three({ op: 'align', align: n % 48 === 1 ? 'center' : n % 48 === 2 ? 'right' : 'left' });
    case 0x45:
      return three({ op: 'bold', on: (n & 1) === 1 });
    case 0x21:
      return three({ op: 'printMode', n });
    case 0x74:
      return three({ op: 'codePage', n });
    case 0x64:
      return three({ op: 'feedLines', n });
    case 0x4a:
      return three({ op: 'feedDots', n });
    case 0x24:
      return need(b, i, 4) ? 'more' : { cmd: { op: 'position', x: u16(b, i + 2) }, len: 4 };
    case 0x2a: {
      if (need(b, i, 5)) return 'more';
      const count = u16(b, i + 3);
      const per = n === 32 || n === 33 ? 3 : 1;
      if (![0, 1, 32, 33].includes(n) || count > MAX_COLUMNS) return { cmd: { op: 'ignored', bytes: 2 }, len: 2 };
      const k = count * per;
      if (need(b, i, 5 + k)) return 'more';
      return { cmd: { op: 'columns', mode: n, count, data: b.slice(i + 5, i + 5 + k) }, len: 5 + k };
    }
    default:
      // Unknown ESC x: drop the ESC only and resynchronise on the next byte.
      return { cmd: { op: 'ignored', bytes: 1 }, len: 1 };
  }
}

function parseGs(b: Uint8Array, i: number): Parsed {
  if (need(b, i, 2)) return 'more';
  const c1 = b[i + 1] ?? 0;
  if (c1 === 0x21) {
    if (need(b, i, 3)) return 'more';
    const n = b[i + 2] ?? 0;
    return { cmd: { op: 'size', width: ((n >> 4) & 7) + 1, height: (n & 7) + 1 }, len: 3 };
  }
  if (c1 === 0x56) {
    if (need(b, i, 3)) return 'more';
    const m = b[i + 2] ?? 0;
    if (m === 0 || m === 1 || m === 48 || m === 49) return { cmd: { op: 'cut', partial: m % 48 === 1, feedDots: 0 }, len: 3 };
    if (m === 65 || m === 66) return need(b, i, 4) ? 'more' : { cmd: { op: 'cut', partial: m === 66, feedDots: b[i + 3] ?? 0 }, len: 4 };
    return { cmd: { op: 'ignored', bytes: 3 }, len: 3 };
  }
  if (c1 === 0x76) {
    if (need(b, i, 8)) return 'more';
    if (b[i + 2] !== 0x30) return { cmd: { op: 'ignored', bytes: 2 }, len: 2 };
    const mode = (b[i + 3] ?? 0) % 48;
    const bytesPerRow = u16(b, i + 4);
    const height = u16(b, i + 6);
    const k = bytesPerRow * height;
    if (k === 0 || k > MAX_RASTER_BYTES || mode > 3) return { cmd: { op: 'ignored', bytes: 8 }, len: 8 };
    if (need(b, i, 8 + k)) return 'more';
    const bitmap: Bitmap = { width: bytesPerRow * 8, height, bytesPerRow, data: b.slice(i + 8, i + 8 + k) };
    return { cmd: { op: 'raster', bitmap, mode }, len: 8 + k };
  }
  if (c1 === 0x28) {
    // GS ( X pL pH ...: every function carries its own length, so unknown ones skip cleanly.
    if (need(b, i, 5)) return 'more';
    const len = 5 + u16(b, i + 3);
    if (need(b, i, len)) return 'more';
    if (b[i + 2] === 0x6b && len >= 7 && b[i + 5] === 49) return { cmd: qrFunction(b.subarray(i + 6, i + len)), len };
    return { cmd: { op: 'ignored', bytes: len }, len };
  }
  return { cmd: { op: 'ignored', bytes: 1 }, len: 1 };
}

/** `f` = fn followed by its parameters (after cn = 49). */
function qrFunction(f: Uint8Array): EscPosCommand {
  const fn = f[0];
  const p = f[1] ?? 0;
  if (fn === 65) return { op: 'qrModel', model: p - 48 };
  if (fn === 67) return { op: 'qrModuleSize', n: p };
  if (fn === 69) {
    const level = (['L', 'M', 'Q', 'H'] as const)[p - 48];
    return level ? { op: 'qrErrorCorrection', level } : { op: 'ignored', bytes: f.length + 6 };
  }
  if (fn === 80 && p === 48) return { op: 'qrStore', data: f.slice(2) };
  if (fn === 81) return { op: 'qrPrint' };
  return { op: 'ignored', bytes: f.length + 6 };
}

/** Keeps the unfinished tail between chunks. */
export class EscPosDecoder {
  #pending: Uint8Array = new Uint8Array(0);

  constructor(private readonly onCommand: (cmd: EscPosCommand) => void) {}

  /** Bytes held for an unfinished command. */
  get pendingBytes(): number {
    return this.#pending.length;
  }

  push(chunk: Uint8Array): void {
    // Always copy: slices handed out must not alias the transport's (possibly pooled) Buffers.
    const buf = concat(this.#pending, chunk);
    let i = 0;
    while (i < buf.length) {
      const r = parseOne(buf, i);
      if (r === 'more') break;
      i += Math.max(1, r.len);
      this.onCommand(r.cmd);
    }
    this.#pending = buf.slice(i);
  }

  reset(): void {
    this.#pending = new Uint8Array(0);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
