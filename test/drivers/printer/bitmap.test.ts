import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blit, columnBytes, createBitmap, cropToInk, diffPixels, fromRgba, getPixel, inkBox, setPixel, stackBitmaps } from '../../../drivers/printer/bitmap.ts';

const points = fc.array(fc.tuple(fc.integer({ min: 0, max: 39 }), fc.integer({ min: 0, max: 29 })), { maxLength: 60 });

describe('1-bit bitmaps (GS v 0 layout)', () => {
  it('packs MSB-first rows padded to whole bytes', () => {
    const b = createBitmap(10, 2);
    setPixel(b, 0, 0);
    setPixel(b, 9, 1);
    setPixel(b, 50, 50); // outside: ignored
    expect(b.bytesPerRow).toBe(2);
    expect([...b.data]).toEqual([0x80, 0, 0, 0x40]);
    expect(getPixel(b, 9, 1)).toBe(true);
    expect(getPixel(b, -1, 0)).toBe(false);
  });

  it('thresholds RGBA over white paper', () => {
    const rgba = Uint8Array.of(0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 40, 100, 100, 100, 255);
    const b = fromRgba(rgba, 4, 1);
    expect([0, 1, 2, 3].map((x) => getPixel(b, x, 0))).toEqual([true, false, false, true]);
  });

  it('crops to exactly the ink it holds', () => {
    fc.assert(
      fc.property(points, (pts) => {
        const b = createBitmap(40, 30);
        for (const [x, y] of pts) setPixel(b, x, y);
        const c = cropToInk(b);
        const box = inkBox(b);
        if (!box) {
          expect(c.width * c.height).toBe(0);
          return;
        }
        expect(c.width).toBe(Math.max(...pts.map((p) => p[0])) - Math.min(...pts.map((p) => p[0])) + 1);
        for (const [x, y] of pts) expect(getPixel(c, x - box.left, y - box.top)).toBe(true);
        const back = createBitmap(40, 30);
        blit(back, c, box.left, box.top);
        expect(diffPixels(back, b)).toBe(0);
      }),
    );
  });

  it('slices 24-dot columns (ESC *) that stack back into the image', () => {
    fc.assert(
      fc.property(points, (pts) => {
        const b = createBitmap(40, 48);
        for (const [x, y] of pts) setPixel(b, x, y);
        const bands = [0, 24].map((y0) => {
          const cols = columnBytes(b, y0, 0, 40);
          const band = createBitmap(40, 24);
          for (let x = 0; x < 40; x++) for (let r = 0; r < 24; r++) if ((cols[x * 3 + (r >> 3)]! & (0x80 >> (r & 7))) !== 0) setPixel(band, x, r);
          return band;
        });
        expect(diffPixels(stackBitmaps(bands), b)).toBe(0);
      }),
    );
  });
});
