/**
 * ReceiptDocument → ESC/POS bytes for one profile. Pure: no I/O, no state.
 *
 * Routing (measured in test/bench/printer-receipt.bench.ts):
 * - printable-ASCII runs go as native Font A text (a few bytes per line);
 * - any other run (Arabic, mixed Arabic/Latin/digits) is shaped by the font engine and sent as
 *   one GS v 0 raster cropped to its ink, positioned with ESC a;
 * - a pair row with a bitmap cell uses 24-dot ESC * column images placed with ESC $ on the same
 *   line as the native value, sending only inked columns: the blank middle of the row costs
 *   nothing, where a full-width raster row would cost 72 bytes per dot row.
 */
import { blit, columnBytes, createBitmap, getPixel, type Bitmap } from './bitmap.ts';
import * as esc from './escpos.ts';
import type { PrinterProfile } from './profiles.ts';
import type { ReceiptBlock, ReceiptDocument } from './printer.ts';
import { isNativeText, paragraphDirection, renderTextBitmap, wrapText, type TextBitmap } from './text-render.ts';

type Size = 'normal' | 'large' | 'huge';
const NATIVE_MULT: Record<Size, number> = { normal: 1, large: 2, huge: 3 };
/** Blank columns inside a band are sent as zeros when cheaper than a new ESC $ + ESC * header (9 bytes). */
const MAX_BRIDGED_GAP = 3;
/** Dots between the two cells of a pair row. */
const PAIR_GAP = 24;

export function resolveAlign(a: 'start' | 'center' | 'end' | undefined, dir: 'rtl' | 'ltr'): esc.Align {
  if (a === 'center') return 'center';
  const start = dir === 'rtl' ? 'right' : 'left';
  const end = dir === 'rtl' ? 'left' : 'right';
  return a === 'end' ? end : start;
}

/** Word wrap for native text by character count; over-long words are split. */
export function wrapChars(s: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const word of s.split(/ +/)) {
    let w = word;
    while (w.length > width) {
      if (cur) {
        out.push(cur);
        cur = '';
      }
      out.push(w.slice(0, width));
      w = w.slice(width);
    }
    const next = cur ? `${cur} ${w}` : w;
    if (next.length > width) {
      out.push(cur);
      cur = w;
    } else cur = next;
  }
  if (cur || out.length === 0) out.push(cur);
  return out;
}

function textBlock(b: Extract<ReceiptBlock, { kind: 'text' }>, dir: 'rtl' | 'ltr', p: PrinterProfile): Uint8Array[] {
  const size = b.size ?? 'normal';
  const bold = b.bold ?? false;
  const a = resolveAlign(b.align, dir);
  const out: Uint8Array[] = [esc.align(a)];
  if (isNativeText(b.text)) {
    const m = NATIVE_MULT[size];
    if (bold) out.push(esc.bold(true));
    if (m > 1) out.push(esc.charSize(m, m));
    for (const line of wrapChars(b.text, Math.floor(p.charsPerLine / m))) out.push(esc.text(line), esc.lineFeed());
    if (m > 1) out.push(esc.charSize(1, 1));
    if (bold) out.push(esc.bold(false));
    return out;
  }
  const px = p.arabicPx[size];
  const direction = hasStrong(b.text) ? paragraphDirection(b.text) : dir;
  for (const line of wrapText(b.text, p.dots, { px, bold, direction })) {
    const bm = renderTextBitmap(line, { px, bold, direction });
    out.push(...rasterLine(p.rasterAlign === 'pad' ? padToAlign(bm, a, p.dots) : bm, px));
  }
  return out;
}

const hasStrong = (s: string): boolean => /[A-Za-z\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(s);

/** For printers that ignore ESC a on rasters: place the image inside a left-aligned strip. */
function padToAlign(bm: Bitmap, a: esc.Align, dots: number): Bitmap {
  if (a === 'left' || bm.width === 0) return bm;
  const x = a === 'center' ? Math.floor((dots - bm.width) / 2) : dots - bm.width;
  const out = createBitmap(x + bm.width, bm.height);
  blit(out, bm, x, 0);
  return out;
}

/** One cropped raster plus a small feed so raster lines keep a text-like pitch. */
function rasterLine(bm: Bitmap, px: number): Uint8Array[] {
  if (bm.width === 0) return [esc.lineFeed()];
  return [esc.rasterImage(bm), esc.feedDots(Math.max(2, Math.round(px * 0.3)))];
}

type Cell = { kind: 'native'; text: string; width: number } | { kind: 'bitmap'; bm: TextBitmap; width: number };

function cell(s: string, p: PrinterProfile): Cell {
  if (isNativeText(s)) return { kind: 'native', text: s, width: s.length * p.fontA.width };
  const bm = renderTextBitmap(s, { px: p.arabicPx.normal });
  return { kind: 'bitmap', bm, width: bm.width };
}

function pairBlock(b: Extract<ReceiptBlock, { kind: 'pair' }>, dir: 'rtl' | 'ltr', p: PrinterProfile): Uint8Array[] {
  const label = cell(b.label, p);
  const value = cell(b.value, p);
  const fits = label.width + PAIR_GAP + value.width <= p.dots;
  if (!fits) {
    // Too wide for one row: label on its own line at the start, value at the end.
    return [
      ...textBlock({ kind: 'text', text: b.label, align: 'start' }, dir, p),
      ...textBlock({ kind: 'text', text: b.value, align: 'end' }, dir, p),
    ];
  }
  if (label.kind === 'native' && value.kind === 'native') {
    const pad = ' '.repeat(p.charsPerLine - label.text.length - value.text.length);
    const line = dir === 'rtl' ? value.text + pad + label.text : label.text + pad + value.text;
    return [esc.align('left'), esc.text(line), esc.lineFeed()];
  }
  // Label at the reading start, value at the reading end.
  const placed: { c: Cell; x: number }[] =
    dir === 'rtl'
      ? [{ c: value, x: 0 }, { c: label, x: p.dots - label.width }]
      : [{ c: label, x: 0 }, { c: value, x: p.dots - value.width }];
  return p.columnImages ? bandRow(placed, p) : rasterRow(placed, p);
}

/** Pair row as 24-dot bands: ESC * columns for bitmap cells, native text on the baseline band. */
function bandRow(placed: { c: Cell; x: number }[], p: PrinterProfile): Uint8Array[] {
  const band = 24;
  const fb = p.fontA.baseline;
  const bms = placed.filter((e) => e.c.kind === 'bitmap');
  const natives = placed.filter((e) => e.c.kind === 'native');
  const maxAscent = Math.max(0, ...bms.map((e) => (e.c.kind === 'bitmap' ? e.c.bm.baseline : 0)));
  // Native text can only sit on a band; tolerate a few dots of baseline mismatch rather than add a band.
  const textBand = natives.length ? Math.max(0, Math.ceil((maxAscent - fb - 6) / band)) : 0;
  const baseline = natives.length ? Math.max(maxAscent, textBand * band + fb) : maxAscent;
  let height = natives.length ? (textBand + 1) * band : 0;
  for (const e of bms) if (e.c.kind === 'bitmap') height = Math.max(height, baseline - e.c.bm.baseline + e.c.bm.height);
  const bands = Math.ceil(height / band);
  const canvas = createBitmap(p.dots, bands * band);
  for (const e of bms) if (e.c.kind === 'bitmap') blit(canvas, e.c.bm, e.x, baseline - e.c.bm.baseline);
  const out: Uint8Array[] = [esc.align('left'), esc.lineSpacing(band)];
  for (let k = 0; k < bands; k++) {
    const segs: { x: number; bytes: Uint8Array[] }[] = [];
    for (const [x0, x1] of inkRuns(canvas, k * band)) segs.push({ x: x0, bytes: [esc.columnImage24(columnBytes(canvas, k * band, x0, x1))] });
    if (k === textBand) for (const e of natives) if (e.c.kind === 'native') segs.push({ x: e.x, bytes: [esc.text(e.c.text)] });
    segs.sort((a, b) => a.x - b.x);
    for (const s of segs) out.push(esc.absolutePosition(s.x), ...s.bytes);
    out.push(esc.lineFeed());
  }
  out.push(esc.defaultLineSpacing(), esc.feedDots(4));
  return out;
}

/** Runs of inked columns in one 24-dot band, bridging short gaps. */
function inkRuns(b: Bitmap, y0: number): [number, number][] {
  const runs: [number, number][] = [];
  for (let x = 0; x < b.width; x++) {
    let inked = false;
    for (let r = 0; r < 24 && !inked; r++) inked = getPixel(b, x, y0 + r);
    if (!inked) continue;
    const last = runs[runs.length - 1];
    if (last && x - last[1] <= MAX_BRIDGED_GAP) last[1] = x + 1;
    else runs.push([x, x + 1]);
  }
  return runs;
}

/** Pair row as one full-width raster, for models without ESC * support. */
function rasterRow(placed: { c: Cell; x: number }[], p: PrinterProfile): Uint8Array[] {
  const px = p.arabicPx.normal;
  const bms = placed.map((e) => ({ x: e.x, bm: e.c.kind === 'bitmap' ? e.c.bm : renderTextBitmap(e.c.text, { px, direction: 'ltr' }) }));
  const baseline = Math.max(...bms.map((e) => e.bm.baseline));
  const height = Math.max(...bms.map((e) => baseline - e.bm.baseline + e.bm.height));
  const row = createBitmap(p.dots, height);
  for (const e of bms) blit(row, e.bm, e.x, baseline - e.bm.baseline);
  return [esc.align('left'), ...rasterLine(row, px)];
}

/** The full job: init, code page, blocks, feed and cut. */
export function layoutReceipt(doc: ReceiptDocument, p: PrinterProfile): Uint8Array {
  const out: Uint8Array[] = [esc.init(), esc.selectCodePage(p.codePage.escT)];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'text':
        out.push(...textBlock(b, doc.direction, p));
        break;
      case 'pair':
        out.push(...pairBlock(b, doc.direction, p));
        break;
      case 'rule':
        out.push(esc.align('left'), esc.text('-'.repeat(p.charsPerLine)), esc.lineFeed());
        break;
      case 'qr':
        out.push(esc.align('center'), esc.qrCode(b.data, p.qr), esc.lineFeed());
        break;
      case 'feed':
        out.push(esc.feedLines(Math.max(0, Math.min(255, Math.floor(b.lines)))));
        break;
    }
  }
  out.push(esc.align('left'), esc.feedLines(p.feedLinesBeforeCut));
  if ((doc.cut ?? true) && p.cutter !== 'none') out.push(esc.cut(p.cutter));
  return esc.concatBytes(out);
}
