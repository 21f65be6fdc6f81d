import { useEffect } from 'preact/hooks';
import { useApp } from '../../context.ts';
import { TopBar } from '../../components/top-bar.tsx';

/** The terminal is working: a visible state for every step, and cancel while no card is in. */
export function PaymentProgress(props: { transactionId: string; progress: string }) {
  const { t, bridge, dispatch } = useApp();

  // Events can beat the screen: if the payment already ended (terminal refused at once), or a
  // push was missed, ask the core for its state now and every few seconds while waiting.
  useEffect(() => {
    const refresh = () => void bridge.call('payment.get', { transactionId: props.transactionId }).then((r) => r.ok && dispatch({ type: 'payment', payment: r.value }));
    refresh();
    const timer = setInterval(refresh, 3000);
    return () => clearInterval(timer);
  }, [bridge, dispatch, props.transactionId]);
  const cancellable = ['connecting', 'insertCard', 'presentCard'].includes(props.progress);
  return (
    <main class="screen paying" aria-busy="true">
      <TopBar paying />
      <h1>{t('payment.title')}</h1>
      <div class="progress big" role="status" aria-live="polite" data-testid="payment-progress" data-progress={props.progress}>
        <span class="spinner" aria-hidden="true" />
        <span>{t(`payment.${props.progress}`)}</span>
      </div>
      {cancellable && (
        <button type="button" class="btn btn-quiet btn-wide" onClick={() => void bridge.call('payment.cancel', { transactionId: props.transactionId })}>
          {t('payment.cancel')}
        </button>
      )}
    </main>
  );
}
