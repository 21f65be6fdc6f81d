import { useLayoutEffect, useRef } from 'preact/hooks';
import { deleteBack, deleteWordBack, insertAt, type Edit } from './editing.ts';
import { KeyboardKeys, type KeyAction } from './keyboard-keys.tsx';
import type { KeyboardLanguage } from './layouts.ts';

export interface KeyboardFieldProps {
  /** The text; the parent owns it. */
  value: string;
  onChange: (value: string) => void;
  /** Visible label and accessible name of the field. */
  label: string;
  /** In characters (code points). */
  maxLength: number;
  /** A text area (complaints) rather than a one-line field (search). */
  multiline?: boolean;
  /** The layout the keyboard opens with; the screen's language by default. */
  language?: KeyboardLanguage;
  /** Test id of the field itself; the keyboard is `<testId>-keyboard`. */
  testId: string;
  /** Id of a message about the field (why Continue is disabled, an error). */
  describedBy?: string;
  invalid?: boolean;
}

/**
 * A real text box (textarea/input with inputmode="none", so no OS keyboard ever opens) with the
 * on-screen keyboard under it. It keeps the focus and a visible caret; keys insert at the caret,
 * a tap in the text moves it, and a physical keyboard (a technician's) works too.
 */
export function KeyboardField(props: KeyboardFieldProps) {
  const field = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const caret = useRef(props.value.length);
  const last = useRef(props.value);
  // Where the caret must go after this render (a key went in, or the parent replaced the text).
  // Only then is the box's selection set: a caret the user moved is never put back by a later
  // render that happens before the browser's "select" event told us about it.
  const place = useRef<number | undefined>(props.value.length);
  // The parent replaced the text (cleared it): the caret goes to its end.
  if (props.value !== last.current) {
    caret.current = props.value.length;
    last.current = props.value;
    place.current = caret.current;
  }

  useLayoutEffect(() => {
    const el = field.current;
    if (!el) return;
    if (document.activeElement === el || document.activeElement === document.body || !document.activeElement) el.focus({ preventScroll: true });
    const at = place.current;
    place.current = undefined;
    if (at !== undefined && (el.selectionStart !== at || el.selectionEnd !== at)) el.setSelectionRange(at, at);
  });

  const apply = (next: Edit) => {
    caret.current = next.caret;
    last.current = next.value;
    place.current = next.caret;
    if (next.value !== props.value) props.onChange(next.value);
    else field.current?.setSelectionRange(next.caret, next.caret);
  };

  const onKey = (a: KeyAction) => {
    const el = field.current;
    // The box keeps its selection while a key (or Tab) has the focus, and it is always current;
    // our copy waits for the "select" event, which a busy browser runs after pending input.
    const at = { value: props.value, caret: el ? (el.selectionStart ?? caret.current) : caret.current };
    apply(a.type === 'insert' ? insertAt(at, a.text, props.maxLength) : a.type === 'delete' ? deleteBack(at) : deleteWordBack(at));
  };

  const common = {
    ref: field,
    id: props.testId,
    class: `entry-text ${props.multiline ? 'textarea' : 'entry'}`,
    inputMode: 'none' as const,
    dir: 'auto' as const,
    autocomplete: 'off' as const,
    spellcheck: false,
    value: props.value,
    maxLength: props.maxLength,
    'data-testid': props.testId,
    'aria-describedby': props.describedBy,
    'aria-invalid': props.invalid || undefined,
    onSelect: (e: Event) => (caret.current = (e.currentTarget as HTMLInputElement).selectionStart ?? caret.current),
    onInput: (e: Event) => {
      const el = e.currentTarget as HTMLInputElement;
      apply({ value: [...el.value].slice(0, props.maxLength).join(''), caret: el.selectionStart ?? el.value.length });
    },
  };
  return (
    <div class="osk-field">
      <label class="field-label" for={props.testId}>
        {props.label}
      </label>
      {props.multiline ? <textarea {...common} rows={3} /> : <input type="text" {...common} />}
      <KeyboardKeys onKey={onKey} language={props.language} testId={`${props.testId}-keyboard`} />
    </div>
  );
}
