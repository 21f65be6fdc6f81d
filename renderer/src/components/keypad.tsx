import type { ComponentChildren } from 'preact';
import { useApp } from '../context.ts';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * On-screen numeric keypad: the OS keyboard is never needed. Digits stay Latin, as on bills.
 * Editing clears the error shown for the last attempt: it answered what is no longer there.
 */
export function Keypad(props: { value: string; maxLength: number; onChange: (v: string) => void; label?: string }) {
  const { t, state, dispatch } = useApp();
  const change = (v: string) => {
    if (state.error) dispatch({ type: 'error', error: undefined });
    props.onChange(v);
  };
  const press = (d: string) => props.value.length < props.maxLength && change(props.value + d);
  return (
    <div class="keypad" dir="ltr" role="group" aria-label={props.label ?? t('visitor.keypad')}>
      {KEYS.map((d) => (
        <button type="button" class="key" key={d} data-key={d} aria-label={t('account.digit', { digit: d })} onClick={() => press(d)}>
          {d}
        </button>
      ))}
      <button type="button" class="key key-fn" data-key="clear" onClick={() => change('')}>
        {t('account.clear')}
      </button>
      <button type="button" class="key" data-key="0" aria-label={t('account.digit', { digit: '0' })} onClick={() => press('0')}>
        0
      </button>
      <button type="button" class="key key-fn" data-key="delete" onClick={() => change(props.value.slice(0, -1))}>
        {t('account.delete')}
      </button>
    </div>
  );
}

/**
 * What was typed on the keypad, labelled: the label names the field and `hint` says what is
 * still missing (so a disabled Continue is never a mystery).
 */
export function Entry(props: { id: string; label: string; value: string; testId: string; hint?: string; mask?: (v: string) => string; children?: ComponentChildren }) {
  return (
    <div class="entry-group">
      <label class="field-label" for={props.id}>
        {props.label}
      </label>
      <output id={props.id} class="entry" dir="ltr" data-testid={props.testId} aria-live="polite" aria-describedby={props.hint ? `${props.id}-hint` : undefined}>
        {props.value ? (props.mask ? props.mask(props.value) : props.value) : '\u00a0'}
      </output>
      {props.hint && (
        <p class="field-hint" id={`${props.id}-hint`} data-testid={`${props.testId}-hint`}>
          {props.hint}
        </p>
      )}
      {props.children}
    </div>
  );
}
