import { useState } from 'preact/hooks';
import { useApp } from '../../context.ts';
import { Busy, Screen } from '../../components/screen.tsx';
import { Keypad } from '../../components/keypad.tsx';

/** Payment references: kiosk, date, sequence and a keyed check group (main/numbering/local-numbers.ts). */
const REFERENCE_DIGITS = 16;

/** A receipt printed again by the reference on the screen or on an earlier receipt. */
export function Reprint() {
  const { t, state, run } = useApp();
  const [reference, setReference] = useState('');
  const [last4, setLast4] = useState('');
  const step: 'reference' | 'card' = reference.length === REFERENCE_DIGITS ? 'card' : 'reference';
  const [printed, setPrinted] = useState<boolean | undefined>();

  async function reprint() {
    setPrinted(undefined);
    const r = await run('receipt.reprint', { reference, cardLast4: last4 });
    if (r) setPrinted(r.printed);
  }

  return (
    <Screen title={t('reprint.title')} testId="reprint">
      <p class="muted">{t('reprint.hint')}</p>
      <output class="entry" dir="ltr" data-testid="reprint-value">
        {reference || '\u00a0'}
      </output>
      {step === 'card' && (
        <>
          <p class="muted">{t('reprint.card')}</p>
          <output class="entry" dir="ltr" data-testid="reprint-card">
            {last4 ? `•••• ${last4}` : '\u00a0'}
          </output>
        </>
      )}
      {step === 'reference' ? (
        <Keypad value={reference} maxLength={REFERENCE_DIGITS} onChange={setReference} />
      ) : (
        <Keypad value={last4} maxLength={4} onChange={(v) => (v === '' && last4 === '' ? setReference(reference.slice(0, -1)) : setLast4(v))} />
      )}
      {printed !== undefined && (
        <p class={printed ? 'note ok' : 'note warn'} role="status" data-testid="reprint-result" data-printed={String(printed)}>
          {t(printed ? 'result.receiptPrinted' : 'result.receiptFailed')}
        </p>
      )}
      {state.busy ? (
        <Busy label={t('payment.printing')} />
      ) : (
        <button type="button" class="btn btn-primary btn-wide" disabled={reference.length !== REFERENCE_DIGITS || last4.length !== 4} onClick={reprint} data-testid="reprint-go">
          {t('reprint.print')}
        </button>
      )}
    </Screen>
  );
}
