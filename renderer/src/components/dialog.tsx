import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal panel over the current screen. Focus moves into it on open (so spoken guidance
 * and screen readers start there), stays in it (Tab wraps round), Escape closes it when it
 * can be closed, and focus returns to where it was on close.
 */
export function Dialog(props: { id: string; title: string; children: ComponentChildren; testId: string; role?: 'dialog' | 'alertdialog'; class?: string; onClose?: () => void }) {
  const card = useRef<HTMLDivElement>(null);
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    card.current?.querySelector<HTMLElement>('h2')?.focus();
    const onKey = (e: KeyboardEvent) => {
      const el = card.current;
      if (!el) return;
      if (e.key === 'Escape' && onClose.current) {
        e.preventDefault();
        onClose.current();
      } else if (e.key === 'Tab') {
        const items = [...el.querySelectorAll<HTMLElement>(FOCUSABLE)];
        if (items.length === 0) return;
        const first = items[0]!;
        const last = items[items.length - 1]!;
        const inside = el.contains(document.activeElement);
        if (e.shiftKey && (!inside || document.activeElement === first || document.activeElement === el.querySelector('h2'))) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && (!inside || document.activeElement === last)) {
          e.preventDefault();
          first.focus();
        }
      }
    };
    // Focus that wanders out (a click on the dimmed screen) is brought back.
    const onFocus = (e: FocusEvent) => {
      if (card.current && e.target instanceof Node && !card.current.contains(e.target)) card.current.querySelector<HTMLElement>('h2')?.focus();
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('focusin', onFocus);
      if (before?.isConnected) before.focus();
    };
  }, []);
  return (
    <div class="overlay" data-testid={props.testId}>
      <div class={`overlay-card ${props.class ?? ''}`} role={props.role ?? 'dialog'} aria-modal="true" aria-labelledby={`${props.id}-title`} ref={card}>
        <h2 id={`${props.id}-title`} tabIndex={-1}>
          {props.title}
        </h2>
        {props.children}
      </div>
    </div>
  );
}
