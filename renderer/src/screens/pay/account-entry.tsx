import { useState } from 'preact/hooks';
import type { BillService } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';
import { Busy, Screen } from '../../components/screen.tsx';
import { Keypad } from '../../components/keypad.tsx';

/** Account, phone or case number on the on-screen keypad, then the bill lookup. */
export function AccountEntry(props: { service: BillService }) {
  const { t, state, run, go } = useApp();
  const [account, setAccount] = useState('');

  async function lookup() {
    const found = await run('bill.lookup', { service: props.service, account });
    if (found) go({ name: 'paySummary', payables: [found.payable] });
  }

  return (
    <Screen title={t(`account.title_${props.service}`)}>
      <p class="muted">{t(`account.hint_${props.service}`)}</p>
      <output class="entry" dir="ltr" data-testid="account-value" aria-live="polite">
        {account || '\u00a0'}
      </output>
      <Keypad value={account} maxLength={14} onChange={setAccount} />
      {state.busy ? (
        <Busy label={t('bill.loading')} />
      ) : (
        <button type="button" class="btn btn-primary btn-wide" disabled={account.length < 4} onClick={lookup}>
          {t('account.continue')}
        </button>
      )}
    </Screen>
  );
}
