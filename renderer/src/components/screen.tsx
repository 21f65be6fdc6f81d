import type { ComponentChildren } from 'preact';
import { useApp } from '../context.ts';
import { TopBar } from './top-bar.tsx';
import { StepIndicator, type Journey } from './steps.tsx';

export interface ScreenProps {
  title: string;
  /** Test id of the heading. */
  titleTestId?: string;
  children?: ComponentChildren;
  /** What the visitor does next: kept in the lower, reachable part of the screen (keypads, keyboards, primary buttons). */
  actions?: ComponentChildren;
  back?: boolean;
  testId?: string;
  /** A multi-step journey and the step this screen is. */
  step?: { journey: Journey; at: number };
  /** Extra classes on <main> (end screens, the paying screen). */
  class?: string;
  /** While the terminal holds a payment: nothing that leaves the screen. */
  paying?: boolean;
  /** This screen's own message for an error key (else errors.<key>). */
  errors?: Record<string, string>;
  /** Attributes for tests and styles on <main>. */
  data?: Record<string, string>;
}

/**
 * The frame every visitor screen shares, the same chrome in the same place: one top bar, the
 * step and the heading, the content (scrolling inside its own box if long), and at the bottom
 * the error and the actions, so the primary action is always low and large.
 */
export function Screen(props: ScreenProps) {
  const { t, state } = useApp();
  const data = Object.fromEntries(Object.entries(props.data ?? {}).map(([k, v]) => [`data-${k}`, v]));
  return (
    <main class={`screen ${props.class ?? ''}`} data-testid={props.testId} {...data}>
      <TopBar back={props.back ?? true} paying={props.paying} />
      <div class="screen-head">
        {props.step && <StepIndicator journey={props.step.journey} at={props.step.at} />}
        <h1 id="screen-title" data-testid={props.titleTestId}>{props.title}</h1>
      </div>
      {/* Focusable, so keyboard and switch users can scroll it when it overflows (WCAG 2.1.1). */}
      <div class="screen-body" tabIndex={0} role="region" aria-labelledby="screen-title">
        {props.children}
      </div>
      <div class="screen-actions" data-testid="screen-actions">
        {state.error && (
          <p class="alert" role="alert" data-testid="error">
            {t(props.errors?.[state.error] ?? `errors.${state.error}`)}
          </p>
        )}
        {props.actions}
      </div>
    </main>
  );
}

/** Progress on a device or core wait: a spinner and what is happening. */
export function Busy(props: { label: string; testId?: string }) {
  return (
    <p class="progress" role="status" data-testid={props.testId ?? 'busy'}>
      <span class="spinner" aria-hidden="true" /> {props.label}
    </p>
  );
}

/** The last screen of a journey: "Finish" ends the visitor session, as on the result screen. */
export function FinishButton() {
  const { t, startOver } = useApp();
  return (
    <button type="button" class="btn btn-primary btn-wide btn-big" data-testid="finish" onClick={startOver}>
      {t('result.done')}
    </button>
  );
}
