import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../context.ts';

/**
 * "Are you still there?": after `seconds` without a touch, a visible countdown; at zero the
 * whole visitor session is reset. Disabled while the terminal holds a payment.
 */
export function IdleGuard(props: { seconds: number; warningSeconds: number; active: boolean }) {
  const { t, startOver } = useApp();
  const [left, setLeft] = useState<number | undefined>();

  useEffect(() => {
    if (!props.active) return setLeft(undefined);
    let idleTimer: ReturnType<typeof setTimeout>;
    let tick: ReturnType<typeof setInterval> | undefined;
    const arm = () => {
      clearTimeout(idleTimer);
      clearInterval(tick);
      setLeft(undefined);
      idleTimer = setTimeout(() => {
        let n = props.warningSeconds;
        setLeft(n);
        tick = setInterval(() => {
          n -= 1;
          if (n <= 0) {
            clearInterval(tick);
            setLeft(undefined);
            startOver();
          } else setLeft(n);
        }, 1000);
      }, props.seconds * 1000);
    };
    arm();
    window.addEventListener('pointerdown', arm, true);
    return () => {
      clearTimeout(idleTimer);
      clearInterval(tick);
      window.removeEventListener('pointerdown', arm, true);
    };
  }, [props.active, props.seconds, props.warningSeconds, startOver]);

  if (left === undefined) return null;
  return (
    <div class="idle-overlay" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" data-testid="idle-warning">
      <div class="idle-card">
        <h2 id="idle-title">{t('idle.title')}</h2>
        <p class="idle-count" aria-live="assertive">
          {t('idle.countdown', { count: left })}
        </p>
        <button type="button" class="btn btn-primary btn-wide">
          {t('idle.stay')}
        </button>
      </div>
    </div>
  );
}
