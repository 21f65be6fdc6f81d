import { describe, expect, it } from 'vitest';
import { diffPixels, getPixel, inkBox, subBitmap, type Bitmap } from '../../../drivers/printer/bitmap.ts';
import { hasArabic, isNativeText, measureText, paragraphDirection, renderTextBitmap, wrapText } from '../../../drivers/printer/text-render.ts';

/** Best horizontal offset of `part` inside `whole` (same height band), by pixel difference. */
function bestOffset(whole: Bitmap, part: Bitmap, dy: number): { x: number; diff: number } {
  let best = { x: -1, diff: Infinity };
  for (let x = 0; x + part.width <= whole.width; x++) {
    let d = 0;
    for (let y = 0; y < part.height; y++) for (let i = 0; i < part.width; i++) if (getPixel(part, i, y) !== getPixel(whole, x + i, y + dy)) d++;
    if (d < best.diff) best = { x, diff: d };
  }
  return best;
}

describe('renderTextBitmap (HarfBuzz shaping + bidi through @napi-rs/canvas)', () => {
  it('joins Arabic letters: the shaped word differs from its letters forced apart', () => {
    const word = 'الكهرباء';
    const joined = renderTextBitmap(word, { px: 24 });
    // ZWNJ between letters forbids joining: isolated forms, as a code page would print them.
    const isolated = renderTextBitmap([...word].join('\u200c'), { px: 24 });
    expect(joined.width).toBeGreaterThan(40);
    expect(isolated.width).toBeGreaterThan(joined.width);
    expect(diffPixels(joined, isolated)).toBeGreaterThan(100);
  });

  it('orders Arabic right to left: the first word sits at the right end', () => {
    const line = renderTextBitmap('بيت الزكاة', { px: 24 });
    const first = renderTextBitmap('بيت', { px: 24 });
    const dy = line.baseline - first.baseline;
    const found = bestOffset(line, first, dy);
    expect(found.diff).toBeLessThan(first.width * first.height * 0.02);
    expect(found.x + first.width).toBeGreaterThan(line.width - 4);
  });

  it('keeps digits in a mixed RTL line at the reading end (left) in LTR order', () => {
    const line = renderTextBitmap('رقم الحساب 123456', { px: 24 });
    const digits = renderTextBitmap('123456', { px: 24, direction: 'ltr' });
    const found = bestOffset(line, digits, line.baseline - digits.baseline);
    // Sub-pixel placement inside the line shifts anti-aliasing a little: small tolerance.
    expect(found.diff).toBeLessThan(digits.width * digits.height * 0.08);
    expect(found.x).toBeLessThan(4);
    // The digits kept their own left-to-right order: the reversed string matches far worse.
    const reversed = renderTextBitmap('654321', { px: 24, direction: 'ltr' });
    expect(bestOffset(line, reversed, line.baseline - reversed.baseline).diff).toBeGreaterThan(found.diff * 2);
  });

  it('renders bold heavier than regular and scales with px', () => {
    const ink = (b: Bitmap) => {
      let n = 0;
      for (let y = 0; y < b.height; y++) for (let x = 0; x < b.width; x++) if (getPixel(b, x, y)) n++;
      return n;
    };
    const s = 'المبلغ المدفوع';
    expect(ink(renderTextBitmap(s, { px: 24, bold: true }))).toBeGreaterThan(ink(renderTextBitmap(s, { px: 24 })) * 1.15);
    expect(renderTextBitmap(s, { px: 44 }).height).toBeGreaterThan(renderTextBitmap(s, { px: 24 }).height * 1.5);
  });

  it('crops to the ink and reports the baseline inside the crop', () => {
    const b = renderTextBitmap('سداد', { px: 32 });
    const box = inkBox(b)!;
    expect(box).toMatchObject({ left: 0, top: 0, right: b.width });
    expect(b.baseline).toBeGreaterThan(10);
    expect(b.baseline).toBeLessThanOrEqual(b.height);
    expect(subBitmap(b, box).width).toBe(b.width);
    expect(renderTextBitmap('', { px: 24 }).width).toBe(0);
  });

  it('wraps by rendered width and classifies runs', () => {
    const long = 'الهيئة العامة للمعلومات المدنية '.repeat(3).trim();
    const lines = wrapText(long, 300, { px: 24 });
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(measureText(l, { px: 24 })).toBeLessThanOrEqual(300);
    expect(lines.join(' ')).toBe(long);
    expect(hasArabic('KNET')).toBe(false);
    expect(hasArabic('رقم 1')).toBe(true);
    expect(isNativeText('Amount 12.500')).toBe(true);
    expect(isNativeText('Café')).toBe(false);
    expect(paragraphDirection('123 بيت')).toBe('rtl');
    expect(paragraphDirection('KWD بيت')).toBe('ltr');
  });
});
