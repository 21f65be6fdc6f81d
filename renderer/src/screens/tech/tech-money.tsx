import { useCallback, useEffect, useState } from 'preact/hooks';
import type { TechDeadLetter, TechFlaggedPayment, TechMoneyView } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';
import { useTechCall } from './use-tech-call.ts';
import { ReasonDialog } from './reason-dialog.tsx';
import { TerminalAnswer } from './terminal-answer.tsx';
import { TechEndOfDay } from './tech-end-of-day.tsx';
import { Field } from './tech-field.tsx';

type Pending = { kind: 'resolve'; payment: TechFlaggedPayment; outcome: 'approved' | 'aborted' } | { kind: 'requeue'; letter: TechDeadLetter };

/** Lanes age while the screen is open: looked at again every few seconds. */
const REFRESH_MS = 5000;

/**
 * The money desk: what is waiting to be sent, what could not be sent, payments the kiosk could
 * not settle alone (the kiosk's view beside the terminal's), and the end-of-day comparison.
 * Every action asks for a reason where money is moved by hand, and the core audits it.
 */
export function TechMoney() {
  const { t, bridge, fmt } = useApp();
  const { call, busy, error } = useTechCall();
  const [view, setView] = useState<TechMoneyView | undefined>();
  const [pending, setPending] = useState<Pending | undefined>();
  const [note, setNote] = useState<string | undefined>();
  const reload = useCallback(() => void bridge.call('tech.money', {}).then((r) => r.ok && setView(r.value)), [bridge]);
  useEffect(() => {
    reload();
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  if (!view) return null;

  const money = (amountMinor: number, currency = view.currency) => ({ amountMinor, currency });
  const retry = async (p: TechFlaggedPayment) => {
    setNote(undefined);
    const r = await call('tech.retryFlagged', { transactionId: p.transactionId });
    if (r) setNote(t(`tech.money.retried.${r.state === 'flagged' ? 'still' : 'settled'}`, { state: t(`tech.money.state.${r.state}`) }));
    reload();
  };
  const confirm = async (reason: string) => {
    if (!pending) return;
    const r = pending.kind === 'resolve' ? await call('tech.resolveFlagged', { transactionId: pending.payment.transactionId, outcome: pending.outcome, reason }) : await call('tech.requeue', { rowId: pending.letter.rowId, reason });
    if (r === undefined) return; // refused: the dialog stays with the message
    setNote(t(pending.kind === 'resolve' ? `tech.money.resolved.${pending.outcome}` : 'tech.money.requeued'));
    setPending(undefined);
    reload();
  };

  return (
    <section class="tech-section tech-money" aria-labelledby="tech-money-h">
      <h2 id="tech-money-h">{t('tech.money.lanes')}</h2>
      <ul class="tech-list" data-testid="money-lanes">
        {view.lanes.length === 0 && <li class="tech-item ok">{t('tech.money.noLanes')}</li>}
        {view.lanes.map((l) => (
          <li key={l.kind} class={`tech-item ${l.dead > 0 ? 'bad' : 'ok'}`} data-testid={`money-lane-${l.kind}`} data-pending={l.pending} data-dead={l.dead}>
            <strong>{t(`tech.money.kind.${l.kind}`)}</strong>
            <span>
              {t('tech.money.waiting', { count: l.pending })} · {t('tech.money.deadCount', { count: l.dead })}
            </span>
            {l.oldestAgeMs !== null && <span class="muted">{t('tech.money.oldest', { count: Math.max(1, Math.round(l.oldestAgeMs / 60_000)) })}</span>}
          </li>
        ))}
      </ul>

      {note && (
        <p class="note ok" role="status" data-testid="money-note">
          {note}
        </p>
      )}
      {error && !pending && (
        <p class="alert" role="alert" data-testid="money-error">
          {error}
        </p>
      )}

      <h2>{t('tech.money.flagged')}</h2>
      {view.flagged.length === 0 && <p class="muted" data-testid="money-no-flagged">{t('tech.money.noFlagged')}</p>}
      {view.flagged.map((p) => {
        const answer = p.terminalAnswer;
        const canCharge = answer?.kind === 'approved' && answer.amountMinor === p.amountMinor && !p.answerTaken;
        return (
          <article key={p.transactionId} class="tech-card money-flagged" data-testid="money-flagged" data-transaction={p.transactionId}>
            <div class="money-compare">
              <div>
                <h3>{t('tech.money.kioskView')}</h3>
                <p dir="ltr" class="money-ref">{p.reference ?? '—'}</p>
                <Field label={t('tech.money.amount')} value={fmt.money(money(p.amountMinor, p.currency))} testId="money-kiosk-amount" />
                <Field label={t('tech.money.time')} value={p.localTime} ltr />
                <p class="muted">{p.items.map((i) => t(`tech.money.item.${i.kind}`)).join(' · ')}</p>
              </div>
              <TerminalAnswer answer={answer} kioskAmountMinor={p.amountMinor} currency={p.currency} />
            </div>
            <p data-testid="money-flag-reason" data-code={p.reasonCode}>
              {t(`tech.money.reasonCode.${p.reasonCode}`)}
            </p>
            {p.reason && (
              <p class="muted money-detail" dir="ltr">
                {p.reason}
              </p>
            )}
            <div class="tech-actions">
              <button type="button" class="btn btn-quiet" disabled={busy} data-testid="money-retry" onClick={() => void retry(p)}>
                {t('tech.money.retry')}
              </button>
              {view.canResolve && (
                <>
                  <button type="button" class="btn btn-primary" disabled={busy || !canCharge} data-testid="money-resolve-approved" onClick={() => setPending({ kind: 'resolve', payment: p, outcome: 'approved' })}>
                    {t('tech.money.resolveApproved')}
                  </button>
                  <button type="button" class="btn btn-quiet" disabled={busy} data-testid="money-resolve-aborted" onClick={() => setPending({ kind: 'resolve', payment: p, outcome: 'aborted' })}>
                    {t('tech.money.resolveAborted')}
                  </button>
                </>
              )}
            </div>
            {!view.canResolve && <p class="muted">{t('tech.money.supervisorOnly')}</p>}
            {p.answerTaken && <p class="alert" data-testid="money-answer-taken">{t('tech.money.answerTaken')}</p>}
            {view.canResolve && !canCharge && !p.answerTaken && <p class="muted">{t('tech.money.chargeNeedsApproval')}</p>}
          </article>
        );
      })}

      <h2>{t('tech.money.deadLetters')}</h2>
      {view.deadLetters.length === 0 && <p class="muted" data-testid="money-no-dead">{t('tech.money.noDead')}</p>}
      {view.deadLetters.map((x) => (
        <article key={x.rowId} class="tech-card" data-testid="money-dead" data-row={x.rowId}>
          <strong>{t(`tech.money.kind.${x.kind}`)}</strong>
          <Field label={t('tech.money.since')} value={x.localTime} ltr />
          <p>{t('tech.money.attempts', { count: x.attempts })}</p>
          {x.reason && (
            <p class="muted" dir="ltr" data-testid="money-dead-reason">
              {x.reason}
            </p>
          )}
          <div class="tech-actions">
            <button type="button" class="btn btn-primary" disabled={busy} data-testid="money-requeue" onClick={() => setPending({ kind: 'requeue', letter: x })}>
              {t('tech.money.requeue')}
            </button>
          </div>
        </article>
      ))}

      <TechEndOfDay records={view.endOfDay} currency={view.currency} onChange={reload} />

      {pending && (
        <ReasonDialog
          title={pending.kind === 'resolve' ? t(`tech.money.resolveTitle.${pending.outcome}`) : t('tech.money.requeueTitle')}
          body={pending.kind === 'resolve' ? t(`tech.money.resolveBody.${pending.outcome}`) : t('tech.money.requeueBody')}
          busy={busy}
          error={error}
          onCancel={() => setPending(undefined)}
          onConfirm={(reason) => void confirm(reason)}
        />
      )}
    </section>
  );
}
