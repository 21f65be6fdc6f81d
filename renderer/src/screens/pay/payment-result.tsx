import { useState } from 'preact/hooks';
import type { PaymentView } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';
import { FinishButton, Screen } from '../../components/screen.tsx';
import { Money } from '../../components/money.tsx';

/**
 * The honest end of a payment: what happened, where the money went, the receipt. One
 * visitor-facing reference (the short one printed on the receipt); the internal transaction
 * id stays off the screen (tests read it from data-transaction-id).
 */
export function PaymentResult(props: { payment: PaymentView }) {
  const { t, bridge } = useApp();
  const p = props.payment;
  const [printing, setPrinting] = useState(false);
  const [copy, setCopy] = useState<boolean | undefined>();
  const approved = p.state === 'approved';

  async function printCopy() {
    setPrinting(true);
    setCopy(undefined);
    const r = await bridge.call('receipt.print', { transactionId: p.transactionId });
    setCopy(r.ok && r.value.printed);
    setPrinting(false);
  }

  return (
    <Screen
      title={t(`result.${p.state}`)}
      titleTestId="result-title"
      class="result end-screen"
      back={false}
      step={{ journey: 'pay', at: 3 }}
      data={{ state: p.state, 'transaction-id': p.transactionId }}
      actions={
        <>
          {approved && (
            <button type="button" class="btn btn-quiet btn-wide" disabled={printing} onClick={printCopy} data-testid="print-copy">
              {t('result.printCopy')}
            </button>
          )}
          <FinishButton />
        </>
      }
    >
      <div class={`result-mark ${approved ? 'ok' : 'bad'}`} aria-hidden="true">
        {approved ? '✓' : '!'}
      </div>
      {approved && (
        <p class="amount-big">
          <Money value={p.amount} />
        </p>
      )}
      {p.state === 'declined' && p.declineReason && <p class="muted">{t('result.declinedHint')}</p>}
      {p.state === 'aborted' && p.declineReason === 'terminalNotRegistered' && (
        <p class="note warn" data-testid="terminal-restarted">
          {t('money.terminalRestarted')}
        </p>
      )}
      {approved && (
        <p class={p.postingState === 'delivered' ? 'note ok' : 'note warn'} data-testid="posting-state" data-posting={p.postingState}>
          {t(p.postingState === 'delivered' ? 'result.postingDelivered' : p.postingState === 'dead' ? 'money.postingDead' : 'result.postingPending')}
        </p>
      )}
      {approved && p.receiptState !== 'none' && (
        <p class="note" data-testid="receipt-state" data-receipt={p.receiptState}>
          {t(p.receiptState === 'printed' ? 'visitor.result.takeReceipt' : 'result.receiptFailed')}
        </p>
      )}
      {copy !== undefined && (
        <p class={copy ? 'note ok' : 'note warn'} role="status" data-testid="copy-state">
          {t(copy ? 'visitor.result.copyPrinted' : 'result.receiptFailed')}
        </p>
      )}
      {p.reference && (
        <p class="reference-line">
          {t('result.shortReference')}: <bdi class="reference" data-testid="payment-reference">{p.reference}</bdi>
        </p>
      )}
    </Screen>
  );
}
