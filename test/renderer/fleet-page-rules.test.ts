import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { physicalInCss, physicalInInlineStyles } from './physical-properties.ts';
import { CODES, STRINGS } from '../../renderer/fleet/src/strings.ts';

const src = fileURLToPath(new URL('../../renderer/fleet/src/', import.meta.url));

describe('fleet console page: RTL-first and bilingual', () => {
  it('its CSS and inline styles name no physical side', () => {
    const files = readdirSync(src).map((f) => join(src, f));
    const css = files.filter((f) => f.endsWith('.css'));
    const tsx = files.filter((f) => f.endsWith('.tsx'));
    expect(css.length).toBeGreaterThan(0);
    expect(css.flatMap((f) => physicalInCss(readFileSync(f, 'utf8')).map((o) => `${f}:${o.line} ${o.text}`))).toEqual([]);
    expect(tsx.flatMap((f) => physicalInInlineStyles(readFileSync(f, 'utf8')).map((o) => `${f}:${o.line} ${o.text}`))).toEqual([]);
  });

  it('Arabic and English have the same words, none empty', () => {
    expect(Object.keys(STRINGS.ar).sort()).toEqual(Object.keys(STRINGS.en).sort());
    expect(Object.keys(CODES.ar).sort()).toEqual(Object.keys(CODES.en).sort());
    for (const table of [STRINGS.ar, STRINGS.en, CODES.ar, CODES.en]) expect(Object.values(table).filter((v) => !v.trim())).toEqual([]);
  });
});
