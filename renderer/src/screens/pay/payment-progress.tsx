import { useApp } from '../../context.ts';
import { TopBar } from '../../components/top-bar.tsx';

/** The terminal is working: a visible state for every step, and cancel while no card is in. */
export function PaymentProgress(props: { transactionId: string; progress: string }) {
  const { t, bridge } = useApp();
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
