/**
 * Finds CSS that names a physical side (left/right) where a logical property belongs, so one
 * sheet serves RTL and LTR. Used by the lint test over renderer CSS and inline styles.
 */
const CSS_PHYSICAL = [
  /\b(margin|padding|border)-(left|right)\b/,
  /\b(border-(top|bottom)-(left|right)-radius)\b/,
  /(^|[\s;{])(left|right)\s*:/,
  /\btext-align\s*:\s*(left|right)\b/,
  /\bfloat\s*:\s*(left|right)\b/,
  /\bclear\s*:\s*(left|right)\b/,
];
const JS_PHYSICAL = /\b(margin|padding|border)(Left|Right)\w*\s*:|[{,\s](left|right)\s*:|textAlign\s*:\s*['"](left|right)['"]|float\s*:\s*['"](left|right)['"]/;

export interface Offence {
  line: number;
  text: string;
}

/** CSS text → the lines naming a physical side (comments ignored). */
export function physicalInCss(css: string): Offence[] {
  const noComments = css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  return noComments.split('\n').flatMap((text, i) => (CSS_PHYSICAL.some((re) => re.test(text)) ? [{ line: i + 1, text: text.trim() }] : []));
}

/** TSX text → inline style={{…}} or style="…" values naming a physical side. */
export function physicalInInlineStyles(tsx: string): Offence[] {
  const out: Offence[] = [];
  for (const m of tsx.matchAll(/style=(\{\{[\s\S]*?\}\}|"[^"]*"|'[^']*')/g)) {
    const value = m[1]!;
    const line = tsx.slice(0, m.index).split('\n').length;
    const quoted = value.startsWith('"') || value.startsWith("'");
    if (quoted ? physicalInCss(value.slice(1, -1)).length > 0 : JS_PHYSICAL.test(value)) out.push({ line, text: value });
  }
  return out;
}
