import { useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { TopBar } from '../components/top-bar.tsx';
import { Keypad } from '../components/keypad.tsx';

/** Account number on the on-screen keypad, then the bill lookup with a visible wait state. */
export function AccountEntry() {
  const { t, state, dispatch, bridge } = useApp();
  const [account, setAccount] = useState('');

  async function lookup() {
    dispatch({ type: 'busy', busy: true });
    const r = await bridge.call('bill.lookup', { service: 'electricityWater', account });
    if (r.ok) dispatch({ type: 'go', screen: { name: 'bill', bill: r.value } });
    else dispatch({ type: 'error', error: ['offline', 'notFound', 'invalidRequest'].includes(r.error.code) ? r.error.code : 'generic' });
  }

  return (
    <main class="screen">
      <TopBar onBack={() => dispatch({ type: 'go', screen: { name: 'home' } })} />
      <h1>{t('account.title')}</h1>
      <p class="muted">{t('account.hint')}</p>
      <output class="entry" dir="ltr" data-testid="account-value" aria-live="polite">
        {account || '\u00a0'}
      </output>
      <Keypad value={account} maxLength={14} onChange={setAccount} />
      {state.error && (
        <p class="alert" role="alert">
          {t(`errors.${state.error}`)}
        </p>
      )}
      {state.busy ? (
        <p class="progress" role="status">
          <span class="spinner" aria-hidden="true" /> {t('bill.loading')}
        </p>
      ) : (
        <button type="button" class="btn btn-primary btn-wide" disabled={account.length < 4} onClick={lookup}>
          {t('account.continue')}
        </button>
      )}
    </main>
  );
}
