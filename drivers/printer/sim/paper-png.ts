/** Draws the simulator's paper as a PNG a person can check by eye. */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { encode } from 'uqr';
import { getPixel, type Bitmap } from '../bitmap.ts';
import type { Align } from '../escpos.ts';
import { ensureFonts, LATIN_FAMILY } from '../text-render.ts';
import type { PaperItem, PaperModel } from './paper.ts';

/** What is drawn: the whole paper, or one job's part of it. */
export type PaperView = Pick<PaperModel, 'profile' | 'items' | 'length'>;

const MARGIN_DEFAULT = 16;
/** Garbage can declare kilometres of paper; the picture stops here (about 2.5 m at 203 dpi). */
const MAX_DOTS = 20_000;

const alignX = (a: Align, width: number, dots: number): number => (a === 'left' ? 0 : a === 'center' ? Math.floor((dots - width) / 2) : dots - width);

function drawBitmap(ctx: SKRSContext2D, b: Bitmap, x0: number, y0: number, sx: number, sy: number): void {
  for (let y = 0; y < b.height; y++) {
    let run = -1;
    for (let x = 0; x <= b.width; x++) {
      const on = x < b.width && getPixel(b, x, y);
      if (on && run < 0) run = x;
      if (!on && run >= 0) {
        ctx.fillRect(x0 + run * sx, y0 + y * sy, (x - run) * sx, sy);
        run = -1;
      }
    }
  }
}

function drawText(ctx: SKRSContext2D, it: Extract<PaperItem, { kind: 'text' }>, paper: PaperView, margin: number): void {
  const { fontA, dots } = paper.profile;
  const cw = fontA.width * it.width;
  ctx.font = `${it.bold ? 'bold ' : ''}${Math.round(fontA.height * 0.8 * it.height)}px ${LATIN_FAMILY}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.direction = 'ltr';
  const segs = it.segments ?? [{ x: alignX(it.align, it.text.length * cw, dots), text: it.text }];
  const baseY = margin + it.y + fontA.baseline * it.height;
  for (const s of segs)
    for (let i = 0; i < s.text.length; i++) {
      const ch = s.text[i]!;
      // Font A is a fixed 12-dot grid; draw each character centred in its cell.
      if (ch !== ' ') ctx.fillText(ch, margin + s.x + i * cw + cw / 2, baseY);
    }
}

export interface PaperPngOptions {
  /** White border around the paper, in px (default 16). */
  margin?: number;
  /** Paper edges and cut marks (default true); off gives a plain picture of the printout. */
  decorations?: boolean;
}

/**
 * The symbol the printer would print: the same payload and error correction, encoded for
 * real (uqr), one module per moduleSize dots, centred in the space the printer used. A
 * phone can scan it from the PNG or a screen.
 */
function drawQr(ctx: SKRSContext2D, it: Extract<PaperItem, { kind: 'qr' }>, x: number, y: number): void {
  const level = (['L', 'M', 'Q', 'H'] as const).find((l) => l === it.errorCorrection) ?? 'M';
  const qr = encode(it.data, { ecc: level, boostEcc: false, border: 0 });
  const m = Math.max(1, it.moduleSize);
  const off = Math.max(0, Math.floor((it.size - qr.size * m) / 2));
  for (let r = 0; r < qr.size; r++)
    for (let c = 0; c < qr.size; c++) if (qr.data[r]![c]) ctx.fillRect(x + off + c * m, y + off + r * m, m, m);
}

export function renderPaperPng(paper: PaperView, opts: PaperPngOptions = {}): Buffer {
  ensureFonts();
  const margin = opts.margin ?? MARGIN_DEFAULT;
  const decorations = opts.decorations ?? true;
  const dots = paper.profile.dots;
  const bottom = Math.max(paper.length, ...paper.items.map((i) => i.y + (i.kind === 'qr' ? i.size : i.kind === 'raster' ? i.bitmap.height * i.scale.y : 24)));
  const canvas = createCanvas(dots + 2 * margin, Math.min(MAX_DOTS, Math.max(1, bottom)) + 2 * margin);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  if (decorations) {
    ctx.strokeStyle = '#ddd';
    ctx.strokeRect(margin - 0.5, 0, dots + 1, canvas.height);
  }
  ctx.fillStyle = '#000';
  for (const it of paper.items) {
    if (it.y > MAX_DOTS) break;
    if (it.kind === 'raster') {
      const w = it.bitmap.width * it.scale.x;
      drawBitmap(ctx, it.bitmap, margin + alignX(it.align, w, dots), margin + it.y, it.scale.x, it.scale.y);
    } else if (it.kind === 'text') drawText(ctx, it, paper, margin);
    else if (it.kind === 'qr') {
      const x = margin + alignX(it.align, it.size, dots);
      try {
        drawQr(ctx, it, x, margin + it.y);
      } catch {
        // More data than any QR symbol holds (garbage on the line): the box the printer reserved, labelled.
        ctx.lineWidth = 3;
        ctx.strokeRect(x + 1.5, margin + it.y + 1.5, it.size - 3, it.size - 3);
        ctx.font = `bold 18px ${LATIN_FAMILY}`;
        ctx.textAlign = 'center';
        ctx.fillText('QR ?', x + it.size / 2, margin + it.y + it.size / 2);
      }
    } else if (decorations) {
      ctx.save();
      ctx.strokeStyle = '#c00';
      ctx.setLineDash([6, 4]);
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(0, margin + it.y + 0.5);
      ctx.lineTo(canvas.width, margin + it.y + 0.5);
      ctx.stroke();
      ctx.fillStyle = '#c00';
      ctx.font = `11px ${LATIN_FAMILY}`;
      ctx.textAlign = 'left';
      ctx.fillText(it.partial ? 'partial cut' : 'full cut', 2, margin + it.y - 3);
      ctx.restore();
    }
  }
  return canvas.toBuffer('image/png');
}
