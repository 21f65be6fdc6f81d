import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

/** WCAG 2.2 A/AA as the issue asks: every rule tagged with one of these. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

export const MODES = {
  default: {},
  largeText: { largeText: true },
  highContrast: { highContrast: true },
  lowReach: { lowReach: true },
} as const;
export type ModeName = keyof typeof MODES;

export interface Finding {
  screen: string;
  locale: 'ar' | 'en';
  mode: ModeName;
  rule: string;
  impact: string | null;
  targets: string[];
}

/**
 * axe-core in the page, once (pages are never reloaded in these tests). The kiosk's CSP
 * (default-src 'self') refuses the inline <script> that addScriptTag would add, so the same
 * source is evaluated through the DevTools protocol instead, which CSP does not govern.
 */
export async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
}

/**
 * Runs axe on the page as it stands in every language × mode, switching them through the
 * renderer's debug handle (window.__khidma.dispatch), then restores language and modes.
 * `still` is a selector that must stay present: a transient screen stops the sweep when it
 * goes, and the return value says how many combinations were covered.
 */
export async function auditAllModes(page: Page, screen: string, opts: { still?: string; locales?: ('ar' | 'en')[] } = {}): Promise<{ findings: Finding[]; runs: number }> {
  await injectAxe(page);
  const combos = (opts.locales ?? ['ar', 'en']).flatMap((locale) => (Object.keys(MODES) as ModeName[]).map((mode) => ({ locale, mode, modes: MODES[mode] })));
  const out = await page.evaluate(
    async ({ combos, tags, still }) => {
      type W = { __khidma: { state: { locale: string; a11y: Record<string, boolean> }; dispatch: (a: unknown) => void }; axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } };
      const w = window as unknown as W;
      const before = { locale: w.__khidma.state.locale, a11y: { ...w.__khidma.state.a11y } };
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      // Let entrance animations end, so contrast is measured on the settled colours.
      const settle = async () => {
        await frame();
        await Promise.all(document.getAnimations().filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity)).map((a) => a.finished.catch(() => undefined)));
      };
      const findings: { locale: string; mode: string; rule: string; impact: string | null; targets: string[] }[] = [];
      let runs = 0;
      for (const c of combos) {
        if (still && !document.querySelector(still)) break;
        w.__khidma.dispatch({ type: 'locale', locale: c.locale });
        w.__khidma.dispatch({ type: 'a11y', modes: { largeText: false, highContrast: false, lowReach: false, ...c.modes } });
        const want = ['largeText', 'highContrast', 'lowReach'].filter((k) => (c.modes as Record<string, boolean>)[k]).length;
        for (let i = 0; i < 50 && document.documentElement.classList.length !== want; i++) await frame();
        if (document.documentElement.classList.length !== want) throw new Error(`mode ${c.mode} did not apply`);
        await settle();
        const r = await w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        if (still && !document.querySelector(still)) break; // the screen moved on mid-run: not counted
        runs += 1;
        for (const v of r.violations) findings.push({ locale: c.locale, mode: c.mode, rule: v.id, impact: v.impact, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) });
      }
      w.__khidma.dispatch({ type: 'locale', locale: before.locale });
      w.__khidma.dispatch({ type: 'a11y', modes: before.a11y });
      await frame();
      return { findings, runs };
    },
    { combos, tags: [...WCAG_TAGS], still: opts.still },
  );
  return { runs: out.runs, findings: out.findings.map((f) => ({ ...f, screen, locale: f.locale as 'ar' | 'en', mode: f.mode as ModeName })) };
}
