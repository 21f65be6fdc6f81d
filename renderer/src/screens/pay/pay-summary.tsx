import { useEffect, useState } from 'preact/hooks';
import type { DeviceSummary, Payable } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';
import { Busy, Screen } from '../../components/screen.tsx';
import { Money } from '../../components/money.tsx';
import { PaidHereNote } from '../../components/paid-here.tsx';

const printerReady = (p: DeviceSummary | undefined) => p?.state === 'online' && p.supply !== 'out';

/**
 * What, to whom, how much — and whether a receipt can be printed — before the terminal
 * starts. Without a working printer the visitor decides whether to go on. Items the kiosk's
 * journal already holds (paid here, being sent) are shown with their note and never paid again.
 */
export function PaySummary(props: { payables: Payable[]; bill?: { period: string; dueDate: string } }) {
  const { t, state, run, go, bridge, fmt, startOver } = useApp();
  const [printer, setPrinter] = useState<DeviceSummary | undefined>(undefined);
  const [acceptNoReceipt, setAcceptNoReceipt] = useState(false);
  const l = state.locale;
  const payable = props.payables.filter((p) => !p.paidHere);
  const total = { amountMinor: payable.reduce((s, p) => s + p.amount.amountMinor, 0), currency: props.payables[0]!.amount.currency };

  useEffect(() => {
    void bridge.call('printer.check', {}).then((r) => setPrinter(r.ok ? r.value : { name: 'printer', state: 'offline' }));
  }, [bridge]);

  async function pay() {
    const r = await run('payment.start', { payableIds: payable.map((p) => p.payableId) });
    if (r) go({ name: 'paying', transactionId: r.transactionId, progress: 'connecting', amount: total });
  }

  const needsChoice = printer !== undefined && !printerReady(printer) && !acceptNoReceipt;
  return (
    <Screen
      title={t('summary.title')}
      testId="pay-summary"
      step={{ journey: 'pay', at: 1 }}
      actions={
        payable.length === 0 ? (
          <>
            <p class="note ok" data-testid="nothing-to-pay">
              {t('money.nothingToPay')}
            </p>
            <button type="button" class="btn btn-primary btn-wide btn-big" onClick={startOver}>
              {t('result.done')}
            </button>
          </>
        ) : (
          <>
            {printer === undefined && <Busy label={t('summary.checkingPrinter')} />}
            {needsChoice && (
              <div class="note warn" role="alert" data-testid="printer-warning">
                <p>{t(printer?.supply === 'out' ? 'summary.paperOut' : 'summary.printerDown')}</p>
                <button type="button" class="btn btn-quiet btn-wide" onClick={() => setAcceptNoReceipt(true)}>
                  {t('summary.continueWithoutReceipt')}
                </button>
              </div>
            )}
            <p class="muted">{t('bill.confirm')}</p>
            {state.busy ? (
              <Busy label={t('payment.connecting')} />
            ) : (
              <button type="button" class="btn btn-primary btn-wide btn-big" disabled={printer === undefined || needsChoice} onClick={pay} data-testid="pay">
                {t('bill.payButton')} <Money value={total} />
              </button>
            )}
          </>
        )
      }
    >
      <ul class="items">
        {props.payables.map((p) => (
          <li key={p.payableId} class="item">
            <span class="item-entity">{p.entity[l]}</span>
            <span class="item-label">{p.label[l]}</span>
            {p.detail && (
              <span class="item-detail">
                <bdi>{p.detail}</bdi>
              </span>
            )}
            {props.bill && props.payables.length === 1 && (
              <span class="item-detail" data-testid="bill-dates">
                {t('visitor.summary.period', { period: fmt.period(props.bill.period) })} · {t('visitor.summary.due', { date: fmt.date(props.bill.dueDate) })}
              </span>
            )}
            <span class="item-amount">
              <Money value={p.amount} />
            </span>
            <PaidHereNote payable={p} />
          </li>
        ))}
      </ul>
      {payable.length > 0 && (
        <p class="total-big">
          <span class="total-label">{t('summary.total')}</span>
          <Money value={total} testId="bill-amount" />
        </p>
      )}
    </Screen>
  );
}
