/**
 * Pure text edits at a caret (indices in UTF-16 code units, as the DOM's selection uses).
 * Kept apart from the component so they are unit tested and shared by every field.
 */
export interface Edit {
  value: string;
  caret: number;
}

const clamp = (n: number, max: number) => Math.max(0, Math.min(n, max));

/** Inserts text at the caret, within maxLength characters (code points); too long inserts nothing. */
export function insertAt(e: Edit, text: string, maxLength: number): Edit {
  const caret = clamp(e.caret, e.value.length);
  if ([...e.value].length + [...text].length > maxLength) return { value: e.value, caret };
  return { value: e.value.slice(0, caret) + text + e.value.slice(caret), caret: caret + text.length };
}

/** Deletes the character before the caret (a whole surrogate pair, never half of one). */
export function deleteBack(e: Edit): Edit {
  const caret = clamp(e.caret, e.value.length);
  if (caret === 0) return { value: e.value, caret };
  const before = [...e.value.slice(0, caret)];
  before.pop();
  const head = before.join('');
  return { value: head + e.value.slice(caret), caret: head.length };
}

/** Deletes the word before the caret and the spaces after it, as a long press on delete does. */
export function deleteWordBack(e: Edit): Edit {
  const caret = clamp(e.caret, e.value.length);
  const head = e.value.slice(0, caret).replace(/\S*\s*$/u, '');
  return { value: head + e.value.slice(caret), caret: head.length };
}
