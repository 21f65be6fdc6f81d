import { useState } from 'preact/hooks';
import type { Fine, InquiryResult } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';
import { FinishButton, Screen } from '../../components/screen.tsx';
import { Money } from '../../components/money.tsx';
import { PaidHereNote } from '../../components/paid-here.tsx';

function FinesList(props: { fines: Fine[]; title: string }) {
  const { t, state, go, fmt } = useApp();
  // Fines the kiosk's journal already holds are listed with their note and cannot be chosen.
  const open = props.fines.filter((f) => !f.payable.paidHere);
  const [selected, setSelected] = useState(() => new Set(open.map((f) => f.payableId)));
  const l = state.locale;
  const chosen = props.fines.filter((f) => selected.has(f.payableId));
  const total = { amountMinor: chosen.reduce((s, f) => s + f.amount.amountMinor, 0), currency: props.fines[0]!.amount.currency };
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  return (
    <Screen
      title={props.title}
      testId="inquiry-result"
      step={{ journey: 'pay', at: 0 }}
      actions={
        <>
          <button type="button" class="btn btn-quiet btn-wide" onClick={() => setSelected(new Set(selected.size === open.length ? [] : open.map((f) => f.payableId)))}>
            {t(selected.size === open.length ? 'fines.none' : 'fines.all')}
          </button>
          <button
            type="button"
            class="btn btn-primary btn-wide btn-big"
            disabled={chosen.length === 0}
            aria-describedby={chosen.length === 0 ? 'fines-hint' : undefined}
            data-testid="pay-fines"
            onClick={() =>
              go({
                name: 'paySummary',
                payables: chosen.map((f) => f.payable),
              })
            }
          >
            {t('fines.pay', { count: chosen.length })} <Money value={total} />
          </button>
          {chosen.length === 0 && (
            <p class="field-hint" id="fines-hint">
              {t('visitor.chooseFine')}
            </p>
          )}
        </>
      }
    >
      <p>{t('fines.count', { count: props.fines.length })}</p>
      <ul class="items" data-testid="fines">
        {props.fines.map((f) => (
          <li key={f.payableId}>
            {f.payable.paidHere ? (
              <div class="item">
                <span class="item-label">{f.violation[l]}</span>
                <span class="item-amount">
                  <Money value={f.amount} />
                </span>
                <PaidHereNote payable={f.payable} />
              </div>
            ) : (
            <button type="button" role="checkbox" aria-checked={selected.has(f.payableId)} class={`item item-pick ${selected.has(f.payableId) ? 'item-on' : ''}`} onClick={() => toggle(f.payableId)}>
              <span class="check" aria-hidden="true">
                {selected.has(f.payableId) ? '☑' : '☐'}
              </span>
              <span class="item-label">{f.violation[l]}</span>
              <span class="item-detail">
                {fmt.date(f.issuedAt)} · {f.place[l]} · <bdi>{f.plate}</bdi>
              </span>
              <span class="item-amount">
                <Money value={f.amount} />
              </span>
            </button>
            )}
          </li>
        ))}
      </ul>
    </Screen>
  );
}

/** The answer to an inquiry, with clear empty states. */
export function InquiryResultScreen(props: { result: InquiryResult }) {
  const { t, state, fmt } = useApp();
  const r = props.result;
  const l = state.locale;
  if (r.kind === 'trafficFines' && r.fines.length > 0) return <FinesList fines={r.fines} title={t(`inquiry.${r.kind}`)} />;
  return (
    <Screen title={t(`inquiry.${r.kind}`)} testId="inquiry-result" class="end-screen" actions={<FinishButton />}>
      {r.kind === 'trafficFines' && (
        <p class="note ok" data-testid="no-fines">
          {t('fines.none_due')}
        </p>
      )}
      {r.kind !== 'trafficFines' && (
        <dl class="summary" data-testid="status-result" data-status={r.status}>
          <dt>{t('inquiry.status')}</dt>
          <dd>{t(`status_${r.kind}.${r.status}`)}</dd>
          {r.kind === 'residency' && r.expiryDate && (
            <>
              <dt>{t('inquiry.expiryDate')}</dt>
              <dd>{fmt.date(r.expiryDate)}</dd>
            </>
          )}
          {r.kind === 'residency' && r.residencyKind && (
            <>
              <dt>{t('inquiry.residencyKind')}</dt>
              <dd>{r.residencyKind[l]}</dd>
            </>
          )}
          {r.kind !== 'residency' && r.updatedAt && (
            <>
              <dt>{t('inquiry.updatedAt')}</dt>
              <dd>{fmt.date(r.updatedAt)}</dd>
            </>
          )}
          {r.kind !== 'residency' && r.collectionPoint && (
            <>
              <dt>{t('inquiry.collectionPoint')}</dt>
              <dd>{r.collectionPoint[l]}</dd>
            </>
          )}
        </dl>
      )}
    </Screen>
  );
}
