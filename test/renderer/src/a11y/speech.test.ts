import { describe, expect, it } from 'vitest';
import { cleanSpeech, controlText, pickVoice } from '../../../../renderer/src/a11y/speech.ts';

const el = (attrs: Record<string, string>, text: string) => ({ getAttribute: (n: string) => attrs[n] ?? null, textContent: text });

describe('spoken guidance', () => {
  it('reads words, not layout: whitespace collapsed, bidi marks and no-break fillers dropped', () => {
    expect(cleanSpeech('  Pay\u00a0bills \n\n and \u2067fines\u2069 ')).toBe('Pay bills and fines');
    expect(cleanSpeech('\u00a0')).toBe('');
  });

  it('a control is read by its label when it has one, else by its text', () => {
    expect(controlText(el({ 'aria-label': 'Digit 7' }, '7'))).toBe('Digit 7');
    expect(controlText(el({}, '  Start   over '))).toBe('Start over');
  });

  it('picks a Gulf Arabic voice first, any Arabic voice next, and English for English', () => {
    const voices = [{ lang: 'en-US' }, { lang: 'ar-SA' }, { lang: 'ar-KW' }, { lang: 'en-GB' }];
    expect(pickVoice(voices, 'ar')).toEqual({ lang: 'ar-KW' });
    expect(pickVoice([{ lang: 'ar-SA' }, { lang: 'en-US' }], 'ar')).toEqual({ lang: 'ar-SA' });
    expect(pickVoice(voices, 'en')).toEqual({ lang: 'en-GB' });
    expect(pickVoice([{ lang: 'fr-FR' }], 'ar')).toBeUndefined();
  });
});
