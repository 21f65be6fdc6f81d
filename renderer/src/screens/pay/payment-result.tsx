import { useState } from 'preact/hooks';
import type { PaymentView } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';
import { Money } from '../../components/money.tsx';
import { TopBar } from '../../components/top-bar.tsx';

/** The honest end of a payment: what happened, where the money went, the receipt. */
export function PaymentResult(props: { payment: PaymentView }) {
  const { t, bridge, startOver } = useApp();
  const p = props.payment;
  const [printing, setPrinting] = useState(false);
  const approved = p.state === 'approved';

  async function printCopy() {
    setPrinting(true);
    await bridge.call('receipt.print', { transactionId: p.transactionId });
    setPrinting(false);
  }

  return (
    <main class="screen result" data-state={p.state}>
      <TopBar back={false} />
      <div class={`result-mark ${approved ? 'ok' : 'bad'}`} aria-hidden="true">
        {approved ? '✓' : '!'}
      </div>
      <h1 data-testid="result-title">{t(`result.${p.state}`)}</h1>
      {approved && (
        <p class="amount">
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
          {t(p.receiptState === 'printed' ? 'result.receiptPrinted' : 'result.receiptFailed')}
        </p>
      )}
      {p.reference && (
        <p>
          {t('result.shortReference')}: <bdi class="reference" data-testid="payment-reference">{p.reference}</bdi>
        </p>
      )}
      <p class="muted">
        {t('result.reference')}: <bdi data-testid="transaction-id">{p.transactionId}</bdi>
      </p>
      <div class="actions">
        {approved && (
          <button type="button" class="btn btn-quiet" disabled={printing} onClick={printCopy}>
            {t('result.printCopy')}
          </button>
        )}
        <button type="button" class="btn btn-primary" onClick={startOver}>
          {t('result.done')}
        </button>
      </div>
    </main>
  );
}
