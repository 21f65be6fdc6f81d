import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../context.ts';

/**
 * "Are you still there?": after `seconds` without a touch, a visible countdown; at zero the
 * whole visitor session is reset. Inactive while the terminal holds a payment (its own
 * timeout governs then). "More time" doubles both periods for the rest of the session.
 */
export function IdleGuard(props: { seconds: number; warningSeconds: number; active: boolean }) {
  const { t, startOver, dispatch, state } = useApp();
  const [left, setLeft] = useState<number | undefined>();
  const rearm = useRef<() => void>(() => undefined);
  const stay = useRef<HTMLButtonElement>(null);
  const showing = left !== undefined;
  // The warning takes the focus, so a screen reader or switch user lands on "I'm still here".
  useEffect(() => {
    if (!showing) return;
    const before = document.activeElement as HTMLElement | null;
    stay.current?.focus();
    return () => {
      if (before?.isConnected && before !== document.body) before.focus();
    };
  }, [showing]);

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
    rearm.current = arm;
    // Any touch, and any key for visitors who use a switch or keyboard device; the warning's own
    // buttons act on click instead (re-arming on their pointerdown would remove them mid-tap).
    const touched = (e: Event) => {
      if (e.target instanceof Element && e.target.closest('.idle-card button')) return;
      arm();
    };
    window.addEventListener('pointerdown', touched, true);
    window.addEventListener('keydown', touched, true);
    return () => {
      clearTimeout(idleTimer);
      clearInterval(tick);
      window.removeEventListener('pointerdown', touched, true);
      window.removeEventListener('keydown', touched, true);
    };
  }, [props.active, props.seconds, props.warningSeconds, startOver]);

  if (left === undefined) return null;
  return (
    <div class="overlay idle-overlay" data-testid="idle-warning">
      <div class="overlay-card idle-card" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-count">
        <h2 id="idle-title">{t('idle.title')}</h2>
        <p class="idle-count" id="idle-count" aria-live="assertive" data-testid="idle-count" data-left={left}>
          {t('idle.countdown', { count: left })}
        </p>
        <button type="button" class="btn btn-primary btn-wide" ref={stay} data-testid="idle-stay" onClick={() => rearm.current()}>
          {t('idle.stay')}
        </button>
        {!state.a11y.moreTime && (
          <button type="button" class="btn btn-quiet btn-wide" data-testid="idle-more-time" onClick={() => dispatch({ type: 'a11y', modes: { moreTime: true } })}>
            {/* New timing re-arms the guard (the effect depends on it), which closes the warning. */}
            {t('idle.moreTime')}
          </button>
        )}
      </div>
    </div>
  );
}
