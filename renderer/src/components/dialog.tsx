import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A modal panel over the current screen. Focus moves into it on open (so spoken guidance
 * and screen readers start there) and back to where it was on close.
 */
export function Dialog(props: { id: string; title: string; children: ComponentChildren; testId: string; role?: 'dialog' | 'alertdialog'; class?: string }) {
  const card = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    card.current?.querySelector<HTMLElement>('h2')?.focus();
    return () => before?.isConnected && before.focus();
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
