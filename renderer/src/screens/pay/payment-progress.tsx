import { useEffect } from 'preact/hooks';
import type { Money as M } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';
import { Screen } from '../../components/screen.tsx';
import { Money } from '../../components/money.tsx';
import { DeviceIllustration } from '../../components/device-illustration.tsx';

/** The terminal is working: a visible state for every step, and cancel while no card is in. */
export function PaymentProgress(props: { transactionId: string; progress: string; amount?: M }) {
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
    <Screen
      title={t('payment.title')}
      class="paying"
      paying
      back={false}
      step={{ journey: 'pay', at: props.progress === 'printing' ? 3 : 2 }}
      actions={
        cancellable && (
          <button type="button" class="btn btn-quiet btn-wide btn-big" onClick={() => void bridge.call('payment.cancel', { transactionId: props.transactionId })}>
            {t('payment.cancel')}
          </button>
        )
      }
    >
      {props.amount && (
        <p class="amount-big" data-testid="paying-amount">
          <Money value={props.amount} />
        </p>
      )}
      <div class="progress big" role="status" aria-live="polite" data-testid="payment-progress" data-progress={props.progress}>
        <span class="spinner" aria-hidden="true" />
        <span>{t(`payment.${props.progress}`)}</span>
      </div>
      <DeviceIllustration action={props.progress === 'printing' ? 'receipt' : 'card'} />
    </Screen>
  );
}
