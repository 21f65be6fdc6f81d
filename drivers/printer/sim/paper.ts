/**
 * The simulator's paper: applies decoded ESC/POS commands to a print-head model and keeps
 * what landed on paper, each item with its vertical position in dots.
 */
import { createBitmap, setPixel, stackBitmaps, type Bitmap } from '../bitmap.ts';
import type { Align } from '../escpos.ts';
import type { PrinterProfile } from '../profiles.ts';
import type { EscPosCommand } from './decoder.ts';

export type PaperItem =
  | {
      kind: 'text';
      y: number;
      /** The line as characters; positioned segments are placed on the 12-dot character grid. */
      text: string;
      align: Align;
      bold: boolean;
      width: number;
      height: number;
      /** Set when ESC $ placed the segments (alignment then does not apply). */
      segments: { x: number; text: string }[] | null;
    }
  | { kind: 'raster'; y: number; align: Align; bitmap: Bitmap; source: 'raster' | 'columns'; scale: { x: number; y: number } }
  | { kind: 'qr'; y: number; align: Align; data: string; moduleSize: number; errorCorrection: string; size: number }
  | { kind: 'cut'; y: number; partial: boolean };

export interface PrintedImage {
  y: number;
  align: Align;
  bitmap: Bitmap;
  source: 'raster' | 'columns';
}

interface LineBuffer {
  x: number;
  texts: { x: number; text: string; bold: boolean; w: number; h: number }[];
  columns: { x: number; count: number; data: Uint8Array; mode: number }[];
  positioned: boolean;
}

const emptyLine = (): LineBuffer => ({ x: 0, texts: [], columns: [], positioned: false });

/** QR byte-mode capacities for versions 1..10 (ISO/IEC 18004); beyond, extrapolated for drawing only. */
const QR_CAPACITY: Record<string, number[]> = {
  L: [17, 32, 53, 78, 106, 134, 154, 192, 230, 271],
  M: [14, 26, 42, 62, 84, 106, 122, 152, 180, 213],
  Q: [11, 20, 32, 46, 60, 74, 86, 108, 130, 151],
  H: [7, 14, 24, 34, 44, 58, 64, 84, 98, 119],
};

export function qrModules(bytes: number, level: string): number {
  const caps = QR_CAPACITY[level] ?? QR_CAPACITY.M!;
  let v = caps.findIndex((c) => c >= bytes) + 1;
  if (v === 0) v = Math.min(40, 10 + Math.ceil((bytes - caps[9]!) / Math.max(1, caps[9]! - caps[8]!)));
  return 17 + 4 * v;
}

export class PaperModel {
  readonly items: PaperItem[] = [];
  #y = 0;
  #align: Align = 'left';
  #bold = false;
  #w = 1;
  #h = 1;
  #spacing: number | null = null;
  #line: LineBuffer = emptyLine();
  #qr: { moduleSize: number; errorCorrection: string; data: Uint8Array } = { moduleSize: 3, errorCorrection: 'L', data: new Uint8Array(0) };

  constructor(readonly profile: PrinterProfile) {}

  /** Paper length used so far, in dots. */
  get length(): number {
    return this.#y;
  }

  apply(cmd: EscPosCommand): void {
    switch (cmd.op) {
      case 'text': {
        this.#line.texts.push({ x: this.#line.x, text: cmd.text, bold: this.#bold, w: this.#w, h: this.#h });
        this.#line.x += cmd.text.length * this.profile.fontA.width * this.#w;
        return;
      }
      case 'lf':
        return this.#printLine(true);
      case 'init':
        this.#printLine(false);
        this.#align = 'left';
        this.#bold = false;
        this.#w = this.#h = 1;
        this.#spacing = null;
        return;
      case 'align':
        this.#align = cmd.align;
        return;
      case 'bold':
        this.#bold = cmd.on;
        return;
      case 'size':
        this.#w = cmd.width;
        this.#h = cmd.height;
        return;
      case 'printMode':
        this.#bold = (cmd.n & 0x08) !== 0;
        this.#h = cmd.n & 0x10 ? 2 : 1;
        this.#w = cmd.n & 0x20 ? 2 : 1;
        return;
      case 'feedLines':
        this.#printLine(false);
        this.#y += cmd.n * this.#lineSpacing();
        return;
      case 'feedDots':
        this.#printLine(false);
        this.#y += cmd.n;
        return;
      case 'lineSpacing':
        this.#spacing = cmd.dots;
        return;
      case 'position':
        if (cmd.x < this.profile.dots) {
          this.#line.x = cmd.x;
          this.#line.positioned = true;
        }
        return;
      case 'columns': {
        const dx = cmd.mode === 0 || cmd.mode === 32 ? 2 : 1;
        this.#line.columns.push({ x: this.#line.x, count: cmd.count, data: cmd.data, mode: cmd.mode });
        this.#line.x += cmd.count * dx;
        return;
      }
      case 'raster': {
        this.#printLine(false);
        const sx = cmd.mode & 1 ? 2 : 1;
        const sy = cmd.mode & 2 ? 2 : 1;
        this.items.push({ kind: 'raster', y: this.#y, align: this.#align, bitmap: cmd.bitmap, source: 'raster', scale: { x: sx, y: sy } });
        this.#y += cmd.bitmap.height * sy;
        return;
      }
      case 'qrModuleSize':
        this.#qr.moduleSize = cmd.n;
        return;
      case 'qrErrorCorrection':
        this.#qr.errorCorrection = cmd.level;
        return;
      case 'qrStore':
        this.#qr.data = cmd.data;
        return;
      case 'qrPrint': {
        if (this.#qr.data.length === 0) return;
        this.#printLine(false);
        const size = qrModules(this.#qr.data.length, this.#qr.errorCorrection) * this.#qr.moduleSize;
        const data = new TextDecoder().decode(this.#qr.data);
        this.items.push({ kind: 'qr', y: this.#y, align: this.#align, data, moduleSize: this.#qr.moduleSize, errorCorrection: this.#qr.errorCorrection, size });
        this.#y += size;
        return;
      }
      case 'cut':
        this.#printLine(false);
        this.#y += cmd.feedDots;
        this.items.push({ kind: 'cut', y: this.#y, partial: cmd.partial });
        return;
      default:
        return;
    }
  }

  #lineSpacing(): number {
    return this.#spacing ?? this.profile.lineSpacingDots;
  }

  /** Prints the line buffer; with `always`, an empty buffer still feeds one line (LF). */
  #printLine(always: boolean): void {
    const line = this.#line;
    this.#line = emptyLine();
    if (!line.texts.length && !line.columns.length) {
      if (always) this.#y += this.#lineSpacing();
      return;
    }
    let tall = 0;
    if (line.columns.length) {
      const bm = createBitmap(this.profile.dots, 24);
      for (const c of line.columns) drawColumns(bm, c);
      this.items.push({ kind: 'raster', y: this.#y, align: 'left', bitmap: bm, source: 'columns', scale: { x: 1, y: 1 } });
      tall = 24;
    }
    if (line.texts.length) {
      const first = line.texts[0]!;
      const cw = this.profile.fontA.width;
      let text = '';
      for (const t of line.texts) text = line.positioned ? text.padEnd(Math.round(t.x / cw)) + t.text : text + t.text;
      this.items.push({
        kind: 'text',
        y: this.#y,
        text,
        align: this.#align,
        bold: first.bold,
        width: first.w,
        height: first.h,
        segments: line.positioned ? line.texts.map((t) => ({ x: t.x, text: t.text })) : null,
      });
      tall = Math.max(tall, ...line.texts.map((t) => this.profile.fontA.height * t.h));
    }
    this.#y += Math.max(this.#lineSpacing(), tall);
  }

  /** Native text lines as printed (trailing spaces removed). */
  decodedText(): string[] {
    return this.items.flatMap((i) => (i.kind === 'text' ? [i.text.trimEnd()] : []));
  }

  /** Raster images; 24-dot column bands printed back to back are merged into one image. */
  images(): PrintedImage[] {
    const out: PrintedImage[] = [];
    let bandEnd = -1;
    let bands: Bitmap[] = [];
    let bandY = 0;
    const flush = (): void => {
      if (bands.length) out.push({ y: bandY, align: 'left', bitmap: stackBitmaps(bands), source: 'columns' });
      bands = [];
    };
    for (const it of this.items) {
      if (it.kind !== 'raster') continue;
      if (it.source === 'columns') {
        if (it.y !== bandEnd) {
          flush();
          bandY = it.y;
        }
        bands.push(it.bitmap);
        bandEnd = it.y + it.bitmap.height;
      } else {
        flush();
        out.push({ y: it.y, align: it.align, bitmap: it.bitmap, source: 'raster' });
      }
    }
    flush();
    return out.sort((a, b) => a.y - b.y);
  }
}

function drawColumns(bm: Bitmap, c: { x: number; count: number; data: Uint8Array; mode: number }): void {
  const per = c.mode >= 32 ? 3 : 1;
  const dx = c.mode === 0 || c.mode === 32 ? 2 : 1;
  for (let col = 0; col < c.count; col++)
    for (let r = 0; r < per * 8; r++)
      if ((c.data[col * per + (r >> 3)] ?? 0) & (0x80 >> (r & 7))) for (let k = 0; k < dx; k++) setPixel(bm, c.x + col * dx + k, r);
}
