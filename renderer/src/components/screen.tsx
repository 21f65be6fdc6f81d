import type { ComponentChildren } from 'preact';
import { useApp } from '../context.ts';
import { TopBar } from './top-bar.tsx';

/** The frame every visitor screen shares: top bar, heading, body, error and busy states. */
export function Screen(props: { title: string; children: ComponentChildren; back?: boolean; testId?: string }) {
  const { t, state } = useApp();
  return (
    <main class="screen" data-testid={props.testId}>
      <TopBar back={props.back ?? true} />
      <h1>{props.title}</h1>
      {props.children}
      {state.error && (
        <p class="alert" role="alert" data-testid="error">
          {t(`errors.${state.error}`)}
        </p>
      )}
    </main>
  );
}

export function Busy(props: { label: string }) {
  return (
    <p class="progress" role="status" data-testid="busy">
      <span class="spinner" aria-hidden="true" /> {props.label}
    </p>
  );
}
