import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { physicalInCss, physicalInInlineStyles } from './physical-properties.ts';

const src = fileURLToPath(new URL('../../renderer/src/', import.meta.url));
const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));

describe('RTL: renderer styles use logical properties only', () => {
  it('the checker catches each physical form and passes the logical ones', () => {
    for (const bad of ['margin-left: 1px', 'padding-right:0', '  left: 0;', 'right : 2px', 'text-align: left', 'text-align:right', 'border-left: 1px solid', 'border-right-color: red', 'float: left', 'border-top-left-radius: 3px']) {
      expect(physicalInCss(`a {\n${bad}\n}`), bad).toHaveLength(1);
    }
    for (const ok of ['margin-inline-start: 1px', 'padding-inline: 0', 'inset-inline-start: 0', 'text-align: start', 'border-inline-end: 1px', 'float: inline-start', '/* margin-left is banned */', 'scroll-padding-block: 0']) {
      expect(physicalInCss(`a {\n${ok}\n}`), ok).toEqual([]);
    }
    expect(physicalInInlineStyles('<div style={{ marginLeft: 4 }} />')).toHaveLength(1);
    expect(physicalInInlineStyles('<div style={{ left: 0 }} />')).toHaveLength(1);
    expect(physicalInInlineStyles(`<div style={{ textAlign: 'right' }} />`)).toHaveLength(1);
    expect(physicalInInlineStyles('<div style="padding-right: 2px" />')).toHaveLength(1);
    expect(physicalInInlineStyles('<div style={{ marginInlineStart: 4, insetInlineEnd: 0 }} />')).toEqual([]);
  });

  it('no renderer CSS names a physical side', () => {
    const css = files(src).filter((f) => f.endsWith('.css'));
    expect(css.length).toBeGreaterThan(0);
    expect(css.flatMap((f) => physicalInCss(readFileSync(f, 'utf8')).map((o) => `${f.slice(src.length)}:${o.line} ${o.text}`))).toEqual([]);
  });

  it('no inline style in the screens names a physical side', () => {
    const tsx = files(src).filter((f) => f.endsWith('.tsx'));
    expect(tsx.length).toBeGreaterThan(10);
    expect(tsx.flatMap((f) => physicalInInlineStyles(readFileSync(f, 'utf8')).map((o) => `${f.slice(src.length)}:${o.line} ${o.text}`))).toEqual([]);
  });
});
