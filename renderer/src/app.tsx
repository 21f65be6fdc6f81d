import { useCallback, useEffect, useMemo, useReducer } from 'preact/hooks';
import type { i18n } from 'i18next';
import type { KioskBridge } from '../../main/contract/api.ts';
import { AppContext, type Ctx } from './context.ts';
import { initialState, reducer } from './state.ts';
import { applyDocumentLocale, type Locale } from './i18n.ts';
import { Attract } from './screens/attract.tsx';
import { Home } from './screens/home.tsx';
import { AccountEntry } from './screens/account-entry.tsx';
import { BillSummary } from './screens/bill-summary.tsx';
import { PaymentProgress } from './screens/payment-progress.tsx';
import { PaymentResult } from './screens/payment-result.tsx';

const IDLE_MS = 90_000;

export function App(props: { bridge: KioskBridge; i18n: i18n }) {
  const { bridge, i18n } = props;
  const [state, dispatch] = useReducer(reducer, initialState);

  useEffect(() => {
    const offs = [
      bridge.on('payment.progress', (p) => dispatch({ type: 'progress', transactionId: p.transactionId, progress: p.code })),
      bridge.on('payment.updated', (p) => dispatch({ type: 'payment', payment: p })),
      bridge.on('connectivity', (c) => dispatch({ type: 'online', online: c.online })),
    ];
    void bridge.call('kiosk.info', {}).then((r) => r.ok && dispatch({ type: 'online', online: r.value.online }));
    return () => offs.forEach((off) => off());
  }, [bridge]);

  useEffect(() => {
    void i18n.changeLanguage(state.locale);
    applyDocumentLocale(state.locale);
  }, [state.locale, i18n]);

  const startOver = useCallback(() => {
    void bridge.call('session.end', {});
    dispatch({ type: 'reset' });
  }, [bridge]);

  // A visitor who walks away must not leave their bill on screen; never while paying.
  useEffect(() => {
    if (state.screen.name === 'attract' || state.screen.name === 'paying') return;
    let timer = setTimeout(startOver, IDLE_MS);
    const touch = () => {
      clearTimeout(timer);
      timer = setTimeout(startOver, IDLE_MS);
    };
    window.addEventListener('pointerdown', touch);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', touch);
    };
  }, [state.screen.name, startOver]);

  async function start(locale: Locale) {
    dispatch({ type: 'locale', locale });
    const r = await bridge.call('session.start', { locale });
    if (r.ok) dispatch({ type: 'go', screen: { name: 'home' } });
  }

  const ctx: Ctx = useMemo(() => ({ bridge, t: i18n.t.bind(i18n), state, dispatch, startOver }), [bridge, i18n, state, startOver]);
  const s = state.screen;
  return (
    <AppContext.Provider value={ctx}>
      {s.name === 'attract' && <Attract onStart={start} />}
      {s.name === 'home' && <Home />}
      {s.name === 'account' && <AccountEntry />}
      {s.name === 'bill' && <BillSummary bill={s.bill} />}
      {s.name === 'paying' && <PaymentProgress transactionId={s.transactionId} progress={s.progress} />}
      {s.name === 'result' && <PaymentResult payment={s.payment} />}
    </AppContext.Provider>
  );
}
