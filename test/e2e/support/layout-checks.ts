import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Where the layout screenshots are kept (test-output/ is git-ignored). */
export const LAYOUT_DIR = join(process.cwd(), 'test-output', 'layout');

export const VIEWPORTS = {
  portrait: { width: 1080, height: 1920 },
  landscape: { width: 1920, height: 1080 },
  square: { width: 1280, height: 1024 },
  /** A 1080×1920 screen at 200 % zoom. */
  zoom200: { width: 540, height: 960 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export interface LayoutProblem {
  rule: string;
  detail: string;
}

/**
 * Measures the screen as it stands; every rule can fail:
 * - overflow: the page never scrolls, and nothing sticks out sideways;
 * - top-bar: its controls sit on one line;
 * - primary-low: in portrait, the primary action's centre is in the lower half;
 * - target: every visible control is at least 48×48 px, keys at least 60×60 px;
 * - hidden-under-bar: no control overlaps the top bar (it sits at the bottom in low reach);
 * - latin-digits: with Arabic-Indic digits, none in Arabic text outside IDs and references.
 */
export async function measureLayout(page: Page, opts: { portrait: boolean; arabicDigits: boolean }): Promise<LayoutProblem[]> {
  return page.evaluate((o) => {
    const problems: { rule: string; detail: string }[] = [];
    const W = innerWidth;
    const H = innerHeight;
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}${el.getAttribute('data-key') ? `[key=${el.getAttribute('data-key')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 24)}"`;
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
    };
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollHeight > H + 1) problems.push({ rule: 'overflow', detail: `page scrolls: ${root.scrollHeight} > ${H}` });
    if (root.scrollWidth > W + 1) problems.push({ rule: 'overflow', detail: `page scrolls sideways: ${root.scrollWidth} > ${W}` });
    for (const el of document.querySelectorAll('main *')) {
      if (!visible(el) || el.closest('svg')) continue;
      const r = el.getBoundingClientRect();
      if (r.right > W + 1 || r.left < -1) {
        problems.push({ rule: 'overflow', detail: `${name(el)} spans ${Math.round(r.left)}..${Math.round(r.right)} of ${W}` });
        break;
      }
      // Text wider than its own box (a long word, an amount) is cut off.
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'hidden' && !el.classList.contains('step-label')) {
        problems.push({ rule: 'overflow', detail: `${name(el)} content ${el.scrollWidth} > box ${el.clientWidth}` });
      }
    }
    const bar = document.querySelector('.top-bar');
    if (bar) {
      const items = [...bar.querySelectorAll('button, .net')].filter(visible).map((b) => b.getBoundingClientRect());
      // One line: every control starts above the bottom of every other one.
      const tops = items.map((r) => r.top);
      if (items.length && Math.max(...tops) >= Math.min(...items.map((r) => r.bottom))) problems.push({ rule: 'top-bar', detail: `controls on more than one line (tops ${tops.map(Math.round).join(',')})` });
      const br = bar.getBoundingClientRect();
      if (br.right > W + 1 || br.left < -1) problems.push({ rule: 'top-bar', detail: 'wider than the screen' });
      // What can be seen of an element: its box cut by every ancestor that clips (a scrolling list).
      const seen = (el: Element) => {
        const r = el.getBoundingClientRect();
        let top = r.top;
        let bottom = r.bottom;
        for (let p = el.parentElement; p; p = p.parentElement) {
          if (getComputedStyle(p).overflowY === 'visible') continue;
          const c = p.getBoundingClientRect();
          top = Math.max(top, c.top);
          bottom = Math.min(bottom, c.bottom);
        }
        return { top, bottom, left: r.left, right: r.right };
      };
      for (const el of document.querySelectorAll('main button, main input, main textarea')) {
        if (bar.contains(el) || !visible(el) || el.closest('.overlay')) continue;
        const r = seen(el);
        if (r.bottom <= r.top) continue;
        const overlap = Math.min(r.bottom, br.bottom) - Math.max(r.top, br.top);
        if (overlap > 1 && r.right > br.left && r.left < br.right) problems.push({ rule: 'hidden-under-bar', detail: name(el) });
      }
    }
    if (o.portrait) {
      const primary = [...document.querySelectorAll('main .screen-actions .btn-primary, main .lang-choice .btn-primary')].filter(visible).at(-1);
      if (primary) {
        const r = primary.getBoundingClientRect();
        const cy = r.top + r.height / 2;
        if (cy < H / 2) problems.push({ rule: 'primary-low', detail: `${name(primary)} centre at ${Math.round(cy)} of ${H}` });
      }
    }
    for (const el of document.querySelectorAll('button, a[href], [role="button"], input, textarea')) {
      if (!visible(el)) continue;
      const r = el.getBoundingClientRect();
      // Targets scrolled out of their box are measured when they scroll in.
      if (r.bottom <= 0 || r.top >= H) continue;
      const min = el.matches('.osk-key, .key') ? 60 : 48;
      if (r.width < min - 0.5 || r.height < min - 0.5) problems.push({ rule: 'target', detail: `${name(el)} ${Math.round(r.width)}x${Math.round(r.height)} < ${min}` });
    }
    if (o.arabicDigits && document.documentElement.lang === 'ar') {
      const skip = 'bdi, [dir="ltr"], input, textarea, output, .entry, .reference, .ticket-number, .osk, .keypad, [lang="en"], script, style';
      const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const p = n.parentElement;
        if (!p || p.closest(skip) || !visible(p)) continue;
        if (/[0-9]/.test(n.textContent ?? '')) problems.push({ rule: 'latin-digits', detail: `${name(p)}: ${(n.textContent ?? '').trim().slice(0, 40)}` });
      }
    }
    return problems;
  }, opts);
}

/** Sets the viewport, lets the layout settle, keeps a PNG, and measures. */
export async function shootAndMeasure(page: Page, screen: string, lang: string, vp: ViewportName, mode = 'default'): Promise<string[]> {
  mkdirSync(LAYOUT_DIR, { recursive: true });
  await page.setViewportSize(VIEWPORTS[vp]);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: join(LAYOUT_DIR, `${screen}-${lang}-${vp}${mode === 'default' ? '' : `-${mode}`}.png`), caret: 'initial', animations: 'disabled' });
  const problems = await measureLayout(page, { portrait: vp === 'portrait', arabicDigits: true });
  const lines = problems.map((p) => `${screen} [${lang} ${vp} ${mode}] ${p.rule}: ${p.detail}`);
  // Also kept beside the PNGs, to read them together.
  if (lines.length) appendFileSync(join(LAYOUT_DIR, 'problems.txt'), `${lines.join('\n')}\n`);
  return lines;
}
