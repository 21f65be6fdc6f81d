/**
 * Text → 1-bit bitmap through @napi-rs/canvas (Skia + HarfBuzz shaping + Unicode bidi).
 * Arabic reaches paper only this way: shaped, joined and ordered right to left by the
 * font engine, never letter by letter through a code page.
 */
import { fileURLToPath } from 'node:url';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { cropToInk, fromRgba, inkBox, subBitmap, type Bitmap } from './bitmap.ts';

export const ARABIC_FAMILY = 'KhidmaNaskh';
export const LATIN_FAMILY = 'KhidmaSans';

const fontFile = (name: string): string => fileURLToPath(new URL(`../../assets/fonts/${name}`, import.meta.url));

/**
 * Registers the bundled fonts once per process. The registry is the canvas library's own;
 * checking it keeps this module free of state.
 */
export function ensureFonts(): void {
  if (GlobalFonts.has(ARABIC_FAMILY) && GlobalFonts.has(LATIN_FAMILY)) return;
  GlobalFonts.registerFromPath(fontFile('NotoNaskhArabic-Regular.ttf'), ARABIC_FAMILY);
  GlobalFonts.registerFromPath(fontFile('NotoNaskhArabic-Bold.ttf'), ARABIC_FAMILY);
  GlobalFonts.registerFromPath(fontFile('NotoSans-Regular.ttf'), LATIN_FAMILY);
  GlobalFonts.registerFromPath(fontFile('NotoSans-Bold.ttf'), LATIN_FAMILY);
}

export interface TextRenderOptions {
  /** Font size in px = printer dots. */
  px?: number;
  bold?: boolean;
  /** Paragraph direction; default: from the first strong character. */
  direction?: 'rtl' | 'ltr';
}

/** A rendered run cropped to its ink; `baseline` = rows from the top of the crop to the baseline. */
export interface TextBitmap extends Bitmap {
  baseline: number;
}

const ARABIC_RE = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const STRONG_RE = /[A-Za-z\u00C0-\u024F\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

export const hasArabic = (s: string): boolean => ARABIC_RE.test(s);
/** True when a string can go to the printer as native Font A text (printable ASCII only). */
export const isNativeText = (s: string): boolean => /^[\x20-\x7e]*$/.test(s);

export function paragraphDirection(s: string): 'rtl' | 'ltr' {
  const m = STRONG_RE.exec(s);
  return m && ARABIC_RE.test(m[0]) ? 'rtl' : 'ltr';
}

function setFont(ctx: SKRSContext2D, px: number, bold: boolean, direction: 'rtl' | 'ltr'): void {
  ctx.font = `${bold ? 'bold ' : ''}${px}px ${ARABIC_FAMILY}, ${LATIN_FAMILY}`;
  ctx.direction = direction;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = direction === 'rtl' ? 'right' : 'left';
}

/** Advance width of a run in dots, as the renderer lays it out. */
export function measureText(s: string, opts: TextRenderOptions = {}): number {
  ensureFonts();
  const ctx = createCanvas(1, 1).getContext('2d');
  setFont(ctx, opts.px ?? 24, opts.bold ?? false, opts.direction ?? paragraphDirection(s));
  return ctx.measureText(s).width;
}

/**
 * Renders one line of text the way the driver puts it on paper: shaped, bidi-ordered,
 * thresholded to 1 bit and cropped to the ink. Tests pixel-compare printer output with this.
 */
export function renderTextBitmap(s: string, opts: TextRenderOptions = {}): TextBitmap {
  ensureFonts();
  const px = opts.px ?? 24;
  const bold = opts.bold ?? false;
  const direction = opts.direction ?? paragraphDirection(s);
  const pad = Math.ceil(px / 2);
  const width = Math.ceil(measureText(s, { px, bold, direction })) + 2 * pad;
  const baselineY = pad + Math.ceil(px * 1.2);
  const height = baselineY + Math.ceil(px * 0.8) + pad;
  const canvas = createCanvas(Math.max(1, width), height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, height);
  ctx.fillStyle = '#000';
  setFont(ctx, px, bold, direction);
  ctx.fillText(s, direction === 'rtl' ? canvas.width - pad : pad, baselineY);
  const full = fromRgba(ctx.getImageData(0, 0, canvas.width, height).data, canvas.width, height);
  const box = inkBox(full);
  if (!box) return { ...cropToInk(full), baseline: 0 };
  return { ...subBitmap(full, box), baseline: baselineY - box.top };
}

/** Greedy word wrap by rendered width (dots); a single over-long word is left whole. */
export function wrapText(s: string, maxWidth: number, opts: TextRenderOptions = {}): string[] {
  const words = s.split(/\s+/).filter((w) => w.length > 0);
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    const next = cur ? `${cur} ${w}` : w;
    if (cur && measureText(next, opts) > maxWidth) {
      lines.push(cur);
      cur = w;
    } else cur = next;
  }
  if (cur) lines.push(cur);
  return lines.length ? lines : [''];
}
