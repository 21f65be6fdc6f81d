import { useState } from 'preact/hooks';
import { useApp } from '../../context.ts';
import { Busy, FinishButton, Screen } from '../../components/screen.tsx';
import { Entry, Keypad } from '../../components/keypad.tsx';

/** Kiosk number, local day, daily sequence and a keyed check group (main/numbering/local-numbers.ts). */
const REFERENCE_DIGITS = 16;

/** A receipt printed again by the reference on the screen or on an earlier receipt. */
export function Reprint() {
  const { t, state, run, fmt } = useApp();
  const [reference, setReference] = useState('');
  const [last4, setLast4] = useState('');
  const step: 'reference' | 'card' = reference.length === REFERENCE_DIGITS ? 'card' : 'reference';
  const [printed, setPrinted] = useState<boolean | undefined>();

  async function reprint() {
    setPrinted(undefined);
    const r = await run('receipt.reprint', { reference, cardLast4: last4 });
    if (r) setPrinted(r.printed);
  }

  const missing = step === 'reference' ? REFERENCE_DIGITS - reference.length : 4 - last4.length;
  return (
    <Screen
      title={t('reprint.title')}
      testId="reprint"
      errors={{ notFound: 'visitor.reprintNotFound' }}
      actions={
        printed ? (
          <FinishButton />
        ) : (
          <>
            {step === 'reference' ? (
              <Entry id="reprint-reference" label={t('reprint.hint')} value={reference} testId="reprint-value" hint={t('visitor.digitsLeft', { count: missing })} />
            ) : (
              <Entry id="reprint-card" label={t('reprint.card')} value={last4} testId="reprint-card" mask={(v) => `•••• ${v}`} hint={missing > 0 ? t('visitor.digitsLeft', { count: missing }) : undefined} />
            )}
            {step === 'reference' ? (
              <Keypad value={reference} maxLength={REFERENCE_DIGITS} onChange={setReference} />
            ) : (
              <Keypad value={last4} maxLength={4} onChange={(v) => (v === '' && last4 === '' ? setReference(reference.slice(0, -1)) : setLast4(v))} />
            )}
            {state.busy ? (
              <Busy label={t('payment.printing')} />
            ) : (
              <button
                type="button"
                class="btn btn-primary btn-wide btn-big"
                disabled={reference.length !== REFERENCE_DIGITS || last4.length !== 4}
                aria-describedby={missing > 0 ? (step === 'reference' ? 'reprint-reference-hint' : 'reprint-card-hint') : undefined}
                onClick={reprint}
                data-testid="reprint-go"
              >
                {t('reprint.print')}
              </button>
            )}
          </>
        )
      }
    >
      {step === 'card' && (
        <p>
          {t('result.shortReference')}: <bdi class="reference">{reference}</bdi>
        </p>
      )}
      {printed !== undefined && (
        <p class={printed ? 'note ok' : 'note warn'} role="status" data-testid="reprint-result" data-printed={String(printed)}>
          {t(printed ? 'visitor.result.takeReceipt' : 'result.receiptFailed')}
        </p>
      )}
      <p class="muted">{t('visitor.reprintDigits', { n: fmt.number(REFERENCE_DIGITS) })}</p>
    </Screen>
  );
}
