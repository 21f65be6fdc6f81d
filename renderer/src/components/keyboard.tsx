/**
 * The on-screen keyboard, for visitor and technician screens alike:
 * - KeyboardField: a labelled text box with the keyboard under it (what a screen normally wants);
 * - KeyboardKeys: the keys alone, emitting KeyActions, for a field of your own;
 * - layouts and pure edits, as data and functions.
 */
import { deleteBack, deleteWordBack, insertAt } from './keyboard/editing.ts';
import { KeyboardKeys } from './keyboard/keyboard-keys.tsx';
import type { KeyboardLanguage } from './keyboard/layouts.ts';

export { KeyboardField, type KeyboardFieldProps } from './keyboard/keyboard-field.tsx';
export { KeyboardKeys, LONG_PRESS_MS, type KeyAction } from './keyboard/keyboard-keys.tsx';
export { LAYOUTS, layerRows, type KeyboardLanguage } from './keyboard/layouts.ts';
export { deleteBack, deleteWordBack, insertAt, type Edit } from './keyboard/editing.ts';

/**
 * The keys typing at the end of a value held elsewhere (the earlier API, kept for screens that
 * show the text themselves). Prefer KeyboardField: it gives a real text box and a caret.
 */
export function OnScreenKeyboard(props: { value: string; onChange: (v: string) => void; maxLength: number; layout?: KeyboardLanguage }) {
  return (
    <KeyboardKeys
      language={props.layout}
      onKey={(a) => {
        const at = { value: props.value, caret: props.value.length };
        props.onChange((a.type === 'insert' ? insertAt(at, a.text, props.maxLength) : a.type === 'delete' ? deleteBack(at) : deleteWordBack(at)).value);
      }}
    />
  );
}
