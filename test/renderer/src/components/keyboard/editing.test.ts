import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deleteBack, deleteWordBack, insertAt } from '../../../../../renderer/src/components/keyboard/editing.ts';

describe('keyboard edits at the caret', () => {
  it('inserts at the caret, not at the end', () => {
    expect(insertAt({ value: 'helo', caret: 3 }, 'l', 10)).toEqual({ value: 'hello', caret: 4 });
  });
  it('refuses what would pass maxLength (in characters)', () => {
    expect(insertAt({ value: 'abc', caret: 3 }, 'd', 3)).toEqual({ value: 'abc', caret: 3 });
    expect(insertAt({ value: 'لا', caret: 2 }, 'ب', 3).value).toBe('لاب');
  });
  it('delete removes one character before the caret, a surrogate pair whole', () => {
    expect(deleteBack({ value: 'abc', caret: 2 })).toEqual({ value: 'ac', caret: 1 });
    expect(deleteBack({ value: 'a😀', caret: 3 })).toEqual({ value: 'a', caret: 1 });
    expect(deleteBack({ value: 'abc', caret: 0 })).toEqual({ value: 'abc', caret: 0 });
  });
  it('a long press deletes the word before the caret and the spaces after it', () => {
    expect(deleteWordBack({ value: 'تأخر الدور ', caret: 11 })).toEqual({ value: 'تأخر ', caret: 5 });
    expect(deleteWordBack({ value: 'slow service', caret: 4 })).toEqual({ value: ' service', caret: 0 });
    expect(deleteWordBack({ value: '', caret: 0 })).toEqual({ value: '', caret: 0 });
  });
  it('any edit keeps the caret inside the text and the text within maxLength', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: -5, max: 50 }), fc.string({ maxLength: 3 }), fc.integer({ min: 0, max: 40 }), (value, caret, text, max) => {
        for (const e of [insertAt({ value, caret }, text, Math.max(max, [...value].length)), deleteBack({ value, caret }), deleteWordBack({ value, caret })]) {
          expect(e.caret).toBeGreaterThanOrEqual(0);
          expect(e.caret).toBeLessThanOrEqual(e.value.length);
        }
      }),
    );
  });
});
