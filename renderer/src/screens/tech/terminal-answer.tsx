import type { CurrencyCode, TerminalAnswerView } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';
import { Field } from './tech-field.tsx';

/** The terminal's side of a flagged payment: what it answered when last asked, no card number. */
export function TerminalAnswer(props: { answer: TerminalAnswerView | null; kioskAmountMinor: number; currency: CurrencyCode }) {
  const { t, fmt } = useApp();
  const a = props.answer;
  return (
    <div data-testid="money-terminal-answer" data-kind={a?.kind ?? 'notAsked'}>
      <h3>{t('tech.money.terminalView')}</h3>
      <p>{t(`tech.money.answer.${a?.kind ?? 'notAsked'}`)}</p>
      {a?.kind === 'approved' && (
        <>
          <Field label={t('tech.money.amount')} value={fmt.money({ amountMinor: a.amountMinor, currency: props.currency })} testId="money-terminal-amount" />
          {a.amountMinor !== props.kioskAmountMinor && <p class="alert">{t('tech.money.amountDiffers')}</p>}
          <Field label={t('tech.money.time')} value={a.localTime} ltr />
          <Field label={t('tech.money.trace')} value={`${a.traceNumber} / ${a.receiptNumber}`} ltr />
          <Field label={t('tech.money.terminalId')} value={a.terminalId} ltr />
          <Field label={t('tech.money.authCode')} value={`${a.cardType} ${a.authCode}`} ltr />
        </>
      )}
      {a?.kind === 'notApproved' && a.resultCode !== undefined && <Field label={t('tech.money.resultCode')} value={String(a.resultCode)} ltr />}
      {a?.kind === 'unavailable' && (
        <p class="muted" dir="ltr">
          {a.reason}
        </p>
      )}
    </div>
  );
}
