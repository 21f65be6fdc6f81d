import type { Bill } from '../../../main/contract/api.ts';
import { useApp } from '../context.ts';
import { TopBar } from '../components/top-bar.tsx';
import { formatDate, formatMoneyIntl, formatPeriod } from '../format.ts';

/** What, whom, how much: confirmation before the terminal is started. */
export function BillSummary(props: { bill: Bill }) {
  const { t, state, dispatch, bridge } = useApp();
  const { bill } = props;
  const l = state.locale;
  const amount = formatMoneyIntl(bill.amount, l);

  async function pay() {
    dispatch({ type: 'busy', busy: true });
    const r = await bridge.call('payment.start', { payableIds: [bill.billId] });
    if (r.ok) dispatch({ type: 'go', screen: { name: 'paying', transactionId: r.value.transactionId, progress: 'connecting' } });
    else dispatch({ type: 'error', error: 'generic' });
  }

  return (
    <main class="screen">
      <TopBar onBack={() => dispatch({ type: 'go', screen: { name: 'account' } })} />
      <h1>{t('bill.title')}</h1>
      <dl class="summary">
        <dt>{t('bill.entity')}</dt>
        <dd>{bill.entity[l]}</dd>
        <dt>{t('bill.account')}</dt>
        <dd>
          <bdi>{bill.account}</bdi>
        </dd>
        <dt>{t('bill.period')}</dt>
        <dd>{formatPeriod(bill.period, l)}</dd>
        <dt>{t('bill.dueDate')}</dt>
        <dd>{formatDate(bill.dueDate, l)}</dd>
        <dt>{t('bill.amount')}</dt>
        <dd class="amount" data-testid="bill-amount">
          <bdi>{amount}</bdi>
        </dd>
      </dl>
      <p class="muted">{t('bill.confirm')}</p>
      {state.error && (
        <p class="alert" role="alert">
          {t(`errors.${state.error}`)}
        </p>
      )}
      <button type="button" class="btn btn-primary btn-wide" disabled={state.busy} onClick={pay}>
        {t('bill.pay', { amount })}
      </button>
    </main>
  );
}
