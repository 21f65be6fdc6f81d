/**
 * 1-bit bitmaps in the exact layout ESC/POS raster (GS v 0) uses: rows of bytes,
 * most significant bit = leftmost dot, 1 = black. Keeping one layout end to end means
 * the driver sends `data` as is and the simulator decodes it without conversion.
 */
export interface Bitmap {
  width: number;
  height: number;
  bytesPerRow: number;
  data: Uint8Array;
}

export function createBitmap(width: number, height: number): Bitmap {
  const bytesPerRow = Math.ceil(width / 8);
  return { width, height, bytesPerRow, data: new Uint8Array(bytesPerRow * height) };
}

export function getPixel(b: Bitmap, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x >= b.width || y >= b.height) return false;
  return ((b.data[y * b.bytesPerRow + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;
}

export function setPixel(b: Bitmap, x: number, y: number, on = true): void {
  if (x < 0 || y < 0 || x >= b.width || y >= b.height) return;
  const i = y * b.bytesPerRow + (x >> 3);
  const mask = 0x80 >> (x & 7);
  b.data[i] = on ? (b.data[i] ?? 0) | mask : (b.data[i] ?? 0) & ~mask;
}

/** Threshold RGBA pixels (canvas ImageData) to 1 bit: dark and opaque enough = black. */
export function fromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, threshold = 128): Bitmap {
  const b = createBitmap(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const a = rgba[i + 3] ?? 0;
      // Composite over white paper, then luminance.
      const lum = (0.2126 * (rgba[i] ?? 0) + 0.7152 * (rgba[i + 1] ?? 0) + 0.0722 * (rgba[i + 2] ?? 0)) * (a / 255) + 255 * (1 - a / 255);
      if (lum < threshold) setPixel(b, x, y);
    }
  }
  return b;
}

export interface InkBox {
  left: number;
  top: number;
  right: number; // exclusive
  bottom: number; // exclusive
}

/** Bounding box of black dots, or null for a blank bitmap. */
export function inkBox(b: Bitmap): InkBox | null {
  let left = b.width, top = b.height, right = 0, bottom = 0;
  for (let y = 0; y < b.height; y++) {
    const row = y * b.bytesPerRow;
    for (let bx = 0; bx < b.bytesPerRow; bx++) {
      const v = b.data[row + bx] ?? 0;
      if (v === 0) continue;
      for (let k = 0; k < 8; k++) {
        if (v & (0x80 >> k)) {
          const x = bx * 8 + k;
          if (x >= b.width) break;
          if (x < left) left = x;
          if (x + 1 > right) right = x + 1;
          if (y < top) top = y;
          if (y + 1 > bottom) bottom = y + 1;
        }
      }
    }
  }
  return right > left ? { left, top, right, bottom } : null;
}

export function subBitmap(b: Bitmap, box: InkBox): Bitmap {
  const out = createBitmap(box.right - box.left, box.bottom - box.top);
  for (let y = 0; y < out.height; y++)
    for (let x = 0; x < out.width; x++) if (getPixel(b, box.left + x, box.top + y)) setPixel(out, x, y);
  return out;
}

/** Crop to the ink (a blank bitmap becomes 0×0). */
export function cropToInk(b: Bitmap): Bitmap {
  const box = inkBox(b);
  return box ? subBitmap(b, box) : createBitmap(0, 0);
}

export function countInk(b: Bitmap): number {
  let n = 0;
  for (let y = 0; y < b.height; y++) for (let x = 0; x < b.width; x++) if (getPixel(b, x, y)) n++;
  return n;
}

/**
 * Pixels that differ between two bitmaps laid over each other at the top-left,
 * counting the non-overlapping area of a size mismatch as different where inked.
 */
export function diffPixels(a: Bitmap, b: Bitmap): number {
  const w = Math.max(a.width, b.width);
  const h = Math.max(a.height, b.height);
  let n = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (getPixel(a, x, y) !== getPixel(b, x, y)) n++;
  return n;
}

/** Stack bitmaps vertically (left-aligned); used to merge ESC * bands back into one image. */
export function stackBitmaps(parts: Bitmap[]): Bitmap {
  const width = Math.max(0, ...parts.map((p) => p.width));
  const out = createBitmap(width, parts.reduce((s, p) => s + p.height, 0));
  let y0 = 0;
  for (const p of parts) {
    for (let y = 0; y < p.height; y++) for (let x = 0; x < p.width; x++) if (getPixel(p, x, y)) setPixel(out, x, y0 + y);
    y0 += p.height;
  }
  return out;
}

/** A small ASCII view for test failure messages (never used for personal data). */
export function toAscii(b: Bitmap, maxWidth = 160): string {
  const lines: string[] = [];
  for (let y = 0; y < b.height; y++) {
    let s = '';
    for (let x = 0; x < Math.min(b.width, maxWidth); x++) s += getPixel(b, x, y) ? '#' : '.';
    lines.push(s);
  }
  return lines.join('\n');
}

/** OR `src` into `dst` with its top-left at (x, y); dots outside `dst` are dropped. */
export function blit(dst: Bitmap, src: Bitmap, x: number, y: number): void {
  for (let sy = 0; sy < src.height; sy++) for (let sx = 0; sx < src.width; sx++) if (getPixel(src, sx, sy)) setPixel(dst, x + sx, y + sy);
}

/** ESC * 24-dot column bytes for columns [x0, x1) of the band starting at row y0. */
export function columnBytes(b: Bitmap, y0: number, x0: number, x1: number): Uint8Array {
  const out = new Uint8Array((x1 - x0) * 3);
  for (let x = x0; x < x1; x++)
    for (let r = 0; r < 24; r++) if (getPixel(b, x, y0 + r)) out[(x - x0) * 3 + (r >> 3)]! |= 0x80 >> (r & 7);
  return out;
}
