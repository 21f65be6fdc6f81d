import { useEffect, useState } from 'preact/hooks';
import type { DeviceSummary, Payable } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';
import { Busy, Screen } from '../../components/screen.tsx';
import { Money } from '../../components/money.tsx';
import { PaidHereNote } from '../../components/paid-here.tsx';

const printerReady = (p: DeviceSummary | undefined) => p?.state === 'online' && p.supply !== 'out';

/**
 * What, to whom, how much — and whether a receipt can be printed — before the terminal
 * starts. Without a working printer the visitor decides whether to go on.
 */
export function PaySummary(props: { payables: Payable[] }) {
  const { t, state, run, go, bridge, startOver } = useApp();
  const [printer, setPrinter] = useState<DeviceSummary | undefined>(undefined);
  const [acceptNoReceipt, setAcceptNoReceipt] = useState(false);
  const l = state.locale;
  // Items the kiosk's journal already holds are shown, never paid again.
  const payable = props.payables.filter((p) => !p.paidHere);
  const total = { amountMinor: payable.reduce((s, p) => s + p.amount.amountMinor, 0), currency: props.payables[0]!.amount.currency };

  useEffect(() => {
    void bridge.call('printer.check', {}).then((r) => setPrinter(r.ok ? r.value : { name: 'printer', state: 'offline' }));
  }, [bridge]);

  async function pay() {
    const r = await run('payment.start', { payableIds: payable.map((p) => p.payableId) });
    if (r) go({ name: 'paying', transactionId: r.transactionId, progress: 'connecting' });
  }

  const needsChoice = printer !== undefined && !printerReady(printer) && !acceptNoReceipt;
  return (
    <Screen title={t('summary.title')} testId="pay-summary">
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
            <span class="item-amount">
              <Money value={p.amount} />
            </span>
            <PaidHereNote payable={p} />
          </li>
        ))}
      </ul>
      {payable.length > 0 && (
        <>
          <p class="total">
            {t('summary.total')}: <Money value={total} testId="bill-amount" />
          </p>
          <p class="muted">{t('bill.confirm')}</p>
        </>
      )}
      {printer === undefined && <Busy label={t('summary.checkingPrinter')} />}
      {needsChoice && (
        <div class="note warn" role="alert" data-testid="printer-warning">
          <p>{t(printer?.supply === 'out' ? 'summary.paperOut' : 'summary.printerDown')}</p>
          <button type="button" class="btn btn-quiet" onClick={() => setAcceptNoReceipt(true)}>
            {t('summary.continueWithoutReceipt')}
          </button>
        </div>
      )}
      {payable.length === 0 ? (
        <>
          <p class="note ok" data-testid="nothing-to-pay">
            {t('money.nothingToPay')}
          </p>
          <button type="button" class="btn btn-primary btn-wide" onClick={startOver}>
            {t('result.done')}
          </button>
        </>
      ) : state.busy ? (
        <Busy label={t('payment.connecting')} />
      ) : (
        <button type="button" class="btn btn-primary btn-wide" disabled={printer === undefined || needsChoice} onClick={pay} data-testid="pay">
          {t('bill.payButton')}{' '}
          <Money value={total} />
        </button>
      )}
    </Screen>
  );
}
