import { useEffect } from 'preact/hooks';
import type { Locale } from '../i18n.ts';
import { controlText, speak, stopSpeaking } from './speech.ts';

/**
 * Spoken guidance while the visitor has it on: the heading whenever the screen (or a panel
 * over it) changes, then each control as it takes focus (a tap focuses the button).
 */
export function useSpeech(on: boolean, locale: Locale, screenKey: string): void {
  useEffect(() => {
    if (!on) return;
    // After the render that changed the screen, so the new heading is in the DOM.
    const frame = requestAnimationFrame(() => {
      const heading = document.querySelector('.overlay h2') ?? document.querySelector('main h1');
      if (heading) speak(heading.textContent ?? '', locale);
    });
    return () => cancelAnimationFrame(frame);
  }, [on, locale, screenKey]);

  useEffect(() => {
    if (!on) return;
    const onFocus = (e: FocusEvent) => {
      const el = e.target instanceof Element ? e.target.closest('button, [role="switch"], [role="radio"], [role="checkbox"], [role="tab"]') : null;
      if (el) speak(controlText(el), locale);
    };
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('focusin', onFocus);
      stopSpeaking();
    };
  }, [on, locale]);
}
