import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Sizes follow text zoom: every size in the style sheet is in rem/em (or viewport units), so
 * the root size (large text, a zoomed screen) scales text and targets together. Only the root
 * sizes themselves, hairlines (borders, outlines, radii) and the visually-hidden 1 px box are px.
 */
const css = readFileSync(new URL('../../renderer/src/styles.css', import.meta.url), 'utf8');
const SIZE_PROPS = /^\s*(--tap|(min-|max-)?(inline|block)-size|font-size|gap|row-gap|column-gap|padding[\w-]*|margin[\w-]*|grid-template-columns|grid-auto-rows|inset[\w-]*)\s*:\s*([^;]+);/gm;

describe('style sheet sizes are in rem', () => {
  it('no px in a size, outside the root font sizes and the 1 px visually-hidden box', () => {
    const offenders: string[] = [];
    for (const m of css.matchAll(SIZE_PROPS)) {
      const [line, prop, , , value] = m;
      if (!/\d+(\.\d+)?px/.test(value!)) continue;
      if (prop === 'font-size' && /^(22|29)px$/.test(value!.trim())) continue; // the root sizes
      if (/^1px$/.test(value!.trim())) continue;
      offenders.push(line!.trim());
    }
    expect(offenders).toEqual([]);
  });
});
