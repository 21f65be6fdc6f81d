import { useState } from 'preact/hooks';
import type { BillService } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';
import { Busy, Screen } from '../../components/screen.tsx';
import { Entry, Keypad } from '../../components/keypad.tsx';

const MIN_DIGITS = 4;

/** Account, phone or case number on the on-screen keypad, then the bill lookup. */
export function AccountEntry(props: { service: BillService }) {
  const { t, state, run, go, fmt } = useApp();
  const [account, setAccount] = useState('');

  async function lookup() {
    const found = await run('bill.lookup', { service: props.service, account });
    if (found) go({ name: 'paySummary', payables: [found.payable], bill: { period: found.bill.period, dueDate: found.bill.dueDate } });
  }

  const short = account.length < MIN_DIGITS;
  return (
    <Screen
      title={t(`account.title_${props.service}`)}
      step={{ journey: 'pay', at: 0 }}
      actions={
        <>
          <Entry id="account" label={t(`account.hint_${props.service}`)} value={account} testId="account-value" hint={short ? t('visitor.tooShort', { count: MIN_DIGITS, n: fmt.number(MIN_DIGITS) }) : undefined} />
          <Keypad value={account} maxLength={14} onChange={setAccount} />
          {state.busy ? (
            <Busy label={t('bill.loading')} />
          ) : (
            <button type="button" class="btn btn-primary btn-wide btn-big" disabled={short} aria-describedby={short ? 'account-hint' : undefined} onClick={lookup}>
              {t('account.continue')}
            </button>
          )}
        </>
      }
    />
  );
}
