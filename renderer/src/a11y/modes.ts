/**
 * Accessibility modes a visitor can turn on. They belong to the visitor session: the reducer
 * drops them with everything else on reset, so the next visitor starts from the defaults.
 */
export interface A11yModes {
  largeText: boolean;
  highContrast: boolean;
  lowReach: boolean;
  speech: boolean;
  /** Doubles the idle time and the warning countdown. */
  moreTime: boolean;
}

export type A11yMode = keyof A11yModes;

export const A11Y_MODES: readonly A11yMode[] = ['largeText', 'highContrast', 'lowReach', 'speech', 'moreTime'];

export const defaultModes: A11yModes = { largeText: false, highContrast: false, lowReach: false, speech: false, moreTime: false };

/** Classes on <html> that the style sheet keys on (so overlays outside .screen follow too). */
export function modeClasses(m: A11yModes): string[] {
  return [m.largeText && 'a11y-large', m.highContrast && 'a11y-contrast', m.lowReach && 'a11y-low'].filter((c): c is string => Boolean(c));
}

export function anyModeOn(m: A11yModes): boolean {
  return A11Y_MODES.some((k) => m[k]);
}

/** Idle timing for the visitor: "more time" doubles both the quiet period and the countdown. */
export function idleTiming(base: { seconds: number; warningSeconds: number }, m: A11yModes): { seconds: number; warningSeconds: number } {
  const f = m.moreTime ? 2 : 1;
  return { seconds: base.seconds * f, warningSeconds: base.warningSeconds * f };
}
