import { useApp } from '../context.ts';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** On-screen numeric keypad: the OS keyboard is never needed. Digits stay Latin, as on bills. */
export function Keypad(props: { value: string; maxLength: number; onChange: (v: string) => void }) {
  const { t } = useApp();
  const press = (d: string) => props.value.length < props.maxLength && props.onChange(props.value + d);
  return (
    <div class="keypad" dir="ltr" role="group">
      {KEYS.map((d) => (
        <button type="button" class="key" key={d} data-key={d} aria-label={t('account.digit', { digit: d })} onClick={() => press(d)}>
          {d}
        </button>
      ))}
      <button type="button" class="key key-fn" data-key="clear" onClick={() => props.onChange('')}>
        {t('account.clear')}
      </button>
      <button type="button" class="key" data-key="0" aria-label={t('account.digit', { digit: '0' })} onClick={() => press('0')}>
        0
      </button>
      <button type="button" class="key key-fn" data-key="delete" onClick={() => props.onChange(props.value.slice(0, -1))}>
        {t('account.delete')}
      </button>
    </div>
  );
}
