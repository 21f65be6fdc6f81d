/** Draws the simulator's paper as a PNG a person can check by eye. */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { getPixel, type Bitmap } from '../bitmap.ts';
import type { Align } from '../escpos.ts';
import { ensureFonts, LATIN_FAMILY } from '../text-render.ts';
import type { PaperItem, PaperModel } from './paper.ts';

const MARGIN = 16;

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

function drawText(ctx: SKRSContext2D, it: Extract<PaperItem, { kind: 'text' }>, paper: PaperModel): void {
  const { fontA, dots } = paper.profile;
  const cw = fontA.width * it.width;
  ctx.font = `${it.bold ? 'bold ' : ''}${Math.round(fontA.height * 0.8 * it.height)}px ${LATIN_FAMILY}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.direction = 'ltr';
  const segs = it.segments ?? [{ x: alignX(it.align, it.text.length * cw, dots), text: it.text }];
  const baseY = MARGIN + it.y + fontA.baseline * it.height;
  for (const s of segs)
    for (let i = 0; i < s.text.length; i++) {
      const ch = s.text[i]!;
      // Font A is a fixed 12-dot grid; draw each character centred in its cell.
      if (ch !== ' ') ctx.fillText(ch, MARGIN + s.x + i * cw + cw / 2, baseY);
    }
}

export function renderPaperPng(paper: PaperModel): Buffer {
  ensureFonts();
  const dots = paper.profile.dots;
  const bottom = Math.max(paper.length, ...paper.items.map((i) => i.y + (i.kind === 'qr' ? i.size : i.kind === 'raster' ? i.bitmap.height * i.scale.y : 24)));
  const canvas = createCanvas(dots + 2 * MARGIN, Math.max(1, bottom) + 2 * MARGIN);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.strokeStyle = '#ddd';
  ctx.strokeRect(MARGIN - 0.5, 0, dots + 1, canvas.height);
  ctx.fillStyle = '#000';
  for (const it of paper.items) {
    if (it.kind === 'raster') {
      const w = it.bitmap.width * it.scale.x;
      drawBitmap(ctx, it.bitmap, MARGIN + alignX(it.align, w, dots), MARGIN + it.y, it.scale.x, it.scale.y);
    } else if (it.kind === 'text') drawText(ctx, it, paper);
    else if (it.kind === 'qr') {
      // A labelled box the size the symbol would have; the payload is written inside.
      const x = MARGIN + alignX(it.align, it.size, dots);
      ctx.lineWidth = 3;
      ctx.strokeStyle = '#000';
      ctx.strokeRect(x + 1.5, MARGIN + it.y + 1.5, it.size - 3, it.size - 3);
      ctx.font = `bold 18px ${LATIN_FAMILY}`;
      ctx.textAlign = 'center';
      ctx.fillText(`QR (${it.errorCorrection})`, x + it.size / 2, MARGIN + it.y + it.size / 2 - 8);
      ctx.font = `12px ${LATIN_FAMILY}`;
      ctx.fillText(it.data.slice(0, 40), x + it.size / 2, MARGIN + it.y + it.size / 2 + 14, it.size - 8);
    } else {
      ctx.save();
      ctx.strokeStyle = '#c00';
      ctx.setLineDash([6, 4]);
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(0, MARGIN + it.y + 0.5);
      ctx.lineTo(canvas.width, MARGIN + it.y + 0.5);
      ctx.stroke();
      ctx.fillStyle = '#c00';
      ctx.font = `11px ${LATIN_FAMILY}`;
      ctx.textAlign = 'left';
      ctx.fillText(it.partial ? 'partial cut' : 'full cut', 2, MARGIN + it.y - 3);
      ctx.restore();
    }
  }
  return canvas.toBuffer('image/png');
}
