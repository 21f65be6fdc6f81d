import { useState } from 'preact/hooks';
import type { CurrencyCode, TechEndOfDayView } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';
import { useTechCall } from './use-tech-call.ts';
import { Field } from './tech-field.tsx';
import { Busy } from '../../components/screen.tsx';

/** Close the terminal's day now, and the recent comparisons of its totals with the kiosk's journal. */
export function TechEndOfDay(props: { records: TechEndOfDayView[]; currency: CurrencyCode; onChange: () => void }) {
  const { t, fmt, state } = useApp();
  const { call, busy, error } = useTechCall();
  const [note, setNote] = useState<string | undefined>();
  const money = (m: number | null) => (m === null ? '—' : fmt.money({ amountMinor: m, currency: props.currency }));
  const count = (n: number | null) => (n === null ? '—' : fmt.number(n));
  const run = async () => {
    setNote(undefined);
    const r = await call('tech.endOfDay', {});
    if (r) setNote(t(`tech.money.eod.${r.verdict}`));
    props.onChange();
  };
  const print = async (id: number) => {
    setNote(undefined);
    const r = await call('tech.printEndOfDay', { id, locale: state.locale });
    if (r) setNote(t(r.printed ? 'tech.money.eod.printed' : 'tech.money.eod.notPrinted'));
  };
  return (
    <>
      <h2>{t('tech.money.eod.title')}</h2>
      <div class="tech-actions">
        <button type="button" class="btn btn-primary btn-huge" disabled={busy} data-testid="money-eod-run" onClick={() => void run()}>
          {t('tech.money.eod.run')}
        </button>
      </div>
      {busy && <Busy label={t('tech.busy')} />}
      {note && (
        <p class="note ok" role="status" data-testid="money-eod-note">
          {note}
        </p>
      )}
      {error && (
        <p class="alert" role="alert" data-testid="money-eod-error">
          {error}
        </p>
      )}
      {props.records.length === 0 && <p class="muted">{t('tech.money.eod.none')}</p>}
      <ol class="tech-list" data-testid="money-eod-list">
        {props.records.map((e) => (
          <li key={e.id} class={`tech-item ${e.verdict === 'match' ? 'ok' : 'bad'}`} data-testid="money-eod" data-verdict={e.verdict}>
            <strong>
              <bdi dir="ltr">{e.localTime}</bdi> · {t(`tech.money.eod.by.${e.startedBy}`)}
            </strong>
            <span>{t(`tech.money.eod.${e.verdict}`)}</span>
            <div class="money-compare">
              <div>
                <Field label={t('tech.money.eod.terminal')} value={money(e.terminalTotalMinor)} testId="money-eod-terminal-total" />
                <Field label={t('tech.money.eod.payments')} value={count(e.terminalCount)} />
              </div>
              <div>
                <Field label={t('tech.money.eod.kiosk')} value={money(e.kioskTotalMinor)} testId="money-eod-kiosk-total" />
                <Field label={t('tech.money.eod.payments')} value={count(e.kioskCount)} />
              </div>
            </div>
            {e.differenceMinor !== null && e.differenceMinor !== 0 && <Field label={t('tech.money.eod.difference')} value={money(e.differenceMinor)} />}
            {e.flaggedCount > 0 && <span class="muted">{t('tech.money.eod.flagged', { count: e.flaggedCount })}</span>}
            {e.resultCode !== null && !e.ok && <Field label={t('tech.money.resultCode')} value={String(e.resultCode)} ltr />}
            <div class="tech-actions">
              <button type="button" class="btn btn-quiet" disabled={busy} data-testid="money-eod-print" onClick={() => void print(e.id)}>
                {t('tech.money.eod.print')}
              </button>
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
