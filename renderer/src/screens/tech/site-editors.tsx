import { useState } from 'preact/hooks';
import { useApp } from '../../context.ts';
import { KeyboardField, type KeyboardLanguage } from '../../components/keyboard.tsx';
import { Keypad } from '../../components/keypad.tsx';

/**
 * The editors of the identity and connection settings: text on the kiosk's own keyboard, digits
 * on its keypad, never the OS keyboard. Each edits the parent's draft directly, so nothing typed
 * is lost when the kiosk refuses a value; "Done" only folds the editor away.
 */
export function TextEditor(props: { id: string; label: string; value: string; onChange: (v: string) => void; maxLength: number; language: KeyboardLanguage; error?: string | undefined; onDone: () => void }) {
  const { t } = useApp();
  return (
    <div class="site-editor">
      <KeyboardField
        value={props.value}
        onChange={props.onChange}
        label={props.label}
        maxLength={props.maxLength}
        language={props.language}
        testId={`site-${props.id}-input`}
        invalid={!!props.error}
        describedBy={props.error ? `site-${props.id}-error` : undefined}
      />
      {props.error && <FieldError id={props.id} text={props.error} />}
      <div class="tech-actions">
        <button type="button" class="btn btn-quiet" data-testid={`site-${props.id}-clear`} onClick={() => props.onChange('')}>
          {t('techSite.clear')}
        </button>
        <button type="button" class="btn btn-primary" data-testid={`site-${props.id}-done`} onClick={props.onDone}>
          {t('techSite.done')}
        </button>
      </div>
    </div>
  );
}

/** A whole number on the keypad (the kiosk number: 1-999). */
export function NumberEditor(props: { id: string; label: string; value: number; onChange: (v: number) => void; maxDigits: number; error?: string | undefined; onDone: () => void }) {
  const { t } = useApp();
  const text = props.value > 0 ? String(props.value) : '';
  return (
    <div class="site-editor">
      <span class="field-label" id={`site-${props.id}-label`}>
        {props.label}
      </span>
      <output class="entry" dir="ltr" data-testid={`site-${props.id}-input`} aria-labelledby={`site-${props.id}-label`} aria-describedby={props.error ? `site-${props.id}-error` : undefined}>
        {text || '\u00a0'}
      </output>
      {props.error && <FieldError id={props.id} text={props.error} />}
      <Keypad value={text} maxLength={props.maxDigits} onChange={(v) => props.onChange(v === '' ? 0 : Number(v))} label={props.label} />
      <button type="button" class="btn btn-primary" data-testid={`site-${props.id}-done`} onClick={props.onDone}>
        {t('techSite.done')}
      </button>
    </div>
  );
}

/** The terminal password: six digits typed twice on the keypad, shown only as dots, never read back. */
export function PasswordEditor(props: { busy: boolean; onSave: (password: string) => Promise<boolean>; onCancel: () => void }) {
  const { t } = useApp();
  const [first, setFirst] = useState<string | undefined>();
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | undefined>();
  const next = async () => {
    setPin('');
    if (first === undefined) return (setFirst(pin), setMessage(undefined));
    setFirst(undefined);
    if (pin !== first) return setMessage(t('techSite.password.mismatch'));
    await props.onSave(pin);
  };
  return (
    <div class="site-editor" data-testid="site-password-editor">
      <p class="field-label">{t(first === undefined ? 'techSite.password.enter' : 'techSite.password.confirm')}</p>
      <output class="pin-dots entry" dir="ltr" data-testid="site-password-dots" aria-live="polite" aria-label={t('tech.pinEntered', { n: pin.length })}>
        {'•'.repeat(pin.length) || '\u00a0'}
      </output>
      {message && (
        <p class="field-hint" role="alert">
          {message}
        </p>
      )}
      <Keypad value={pin} maxLength={6} onChange={setPin} label={t('techSite.field.terminalPassword')} />
      <div class="tech-actions">
        <button type="button" class="btn btn-quiet" data-testid="site-password-cancel" onClick={props.onCancel}>
          {t('tech.cancel')}
        </button>
        <button type="button" class="btn btn-primary" data-testid="site-password-next" disabled={pin.length !== 6 || props.busy} onClick={() => void next()}>
          {t(first === undefined ? 'techSite.password.next' : 'techSite.password.save')}
        </button>
      </div>
    </div>
  );
}

export function FieldError(props: { id: string; text: string }) {
  return (
    <p class="field-hint" id={`site-${props.id}-error`} data-testid={`site-${props.id}-error`} role="alert">
      {props.text}
    </p>
  );
}
