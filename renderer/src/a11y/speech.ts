import type { Locale } from '../i18n.ts';

/** BCP 47 tags the kiosk's voices are chosen by; Gulf Arabic first, any Arabic after. */
const VOICE_LANG: Record<Locale, string> = { ar: 'ar-KW', en: 'en-GB' };

/** Collapses whitespace and drops invisible fillers so the voice reads words, not symbols. */
export function cleanSpeech(text: string): string {
  return text
    .replace(/[\u00a0\u200b-\u200f\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What to say for a control: its label if it has one, else its visible text. */
export function controlText(el: { getAttribute(n: string): string | null; textContent: string | null }): string {
  return cleanSpeech(el.getAttribute('aria-label') ?? el.textContent ?? '');
}

/** Picks the voice for the visitor's language: exact region, then same language, else none. */
export function pickVoice<V extends { lang: string }>(voices: readonly V[], locale: Locale): V | undefined {
  const want = VOICE_LANG[locale].toLowerCase();
  return voices.find((v) => v.lang.toLowerCase() === want) ?? voices.find((v) => v.lang.toLowerCase().startsWith(locale));
}

/**
 * Says `text` in the visitor's language, cutting off whatever was being said (a visitor who
 * moves on does not want to hear the previous screen). Silent where speech is unavailable.
 */
export function speak(text: string, locale: Locale): void {
  const synth = typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis;
  const said = cleanSpeech(text);
  if (!synth || !said) return;
  synth.cancel();
  const u = new SpeechSynthesisUtterance(said);
  u.lang = VOICE_LANG[locale];
  const voice = pickVoice(synth.getVoices(), locale);
  if (voice) u.voice = voice;
  synth.speak(u);
}

export function stopSpeaking(): void {
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
}
