import { useApp } from '../context.ts';

/** The multi-step journeys and their steps (labels under visitor.steps.<journey>.<step>). */
export const JOURNEYS = {
  pay: ['details', 'review', 'pay', 'receipt'],
  complaint: ['entity', 'type', 'text', 'mobile', 'done'],
  ticket: ['entity', 'service', 'ticket'],
} as const;
export type Journey = keyof typeof JOURNEYS;

/** "Step 2 of 4: Review", and every step named, the current one marked. */
export function StepIndicator(props: { journey: Journey; at: number }) {
  const { t, fmt } = useApp();
  const steps = JOURNEYS[props.journey];
  const at = Math.max(0, Math.min(props.at, steps.length - 1));
  return (
    <nav class="steps" aria-label={t('visitor.steps.label')} data-testid="steps" data-step={at + 1} data-of={steps.length}>
      <p class="steps-count">{t('visitor.steps.count', { n: fmt.number(at + 1), total: fmt.number(steps.length) })}</p>
      <ol class="steps-list">
        {steps.map((s, i) => (
          <li key={s} class={i < at ? 'step-done' : i === at ? 'step-now' : ''} aria-current={i === at ? 'step' : undefined}>
            <span class="step-dot" aria-hidden="true">
              {fmt.number(i + 1)}
            </span>
            <span class="step-label">{t(`visitor.steps.${props.journey}.${s}`)}</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
