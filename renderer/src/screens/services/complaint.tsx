import { useState } from 'preact/hooks';
import type { ComplaintReceipt } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';
import { useCatalogue } from '../../catalogue-context.ts';
import { Busy, FinishButton, Screen } from '../../components/screen.tsx';
import { KeyboardField } from '../../components/keyboard.tsx';
import { Entry, Keypad } from '../../components/keypad.tsx';

type Step = 'entity' | 'type' | 'text' | 'mobile' | 'done';
const STEPS: Step[] = ['entity', 'type', 'text', 'mobile', 'done'];
const MIN_TEXT = 10;

/** Complaints and suggestions (Tawasul style): routed to the entity, with its response time. */
export function Complaint() {
  const { t, state, run, go, bridge, fmt } = useApp();
  const catalogue = useCatalogue();
  const l = state.locale;
  const [step, setStep] = useState<Step>('entity');
  const [entityId, setEntityId] = useState('');
  const [typeId, setTypeId] = useState('');
  const [kind, setKind] = useState<'complaint' | 'suggestion'>('complaint');
  const [text, setText] = useState('');
  const [mobile, setMobile] = useState('');
  const [receipt, setReceipt] = useState<ComplaintReceipt | undefined>();
  const [printed, setPrinted] = useState<boolean | undefined>();
  const entities = (catalogue?.entities ?? []).filter((e) => e.complaintTypes.length > 0);
  const entity = entities.find((e) => e.id === entityId);

  async function submit() {
    const r = await run('complaint.submit', { entityId, typeId, kind, text: text.trim(), ...(mobile && { mobile }) });
    if (r) {
      setReceipt(r);
      setStep('done');
    }
  }

  async function print(trackingNumber: string) {
    setPrinted(undefined);
    const r = await bridge.call('complaint.print', { trackingNumber });
    setPrinted(r.ok && r.value.printed);
  }

  const at = STEPS.indexOf(step);
  if (step === 'done' && receipt) {
    return (
      <Screen
        title={t('complaint.thanks')}
        back={false}
        testId="complaint-done"
        class="end-screen"
        step={{ journey: 'complaint', at }}
        actions={
          <>
            <button type="button" class="btn btn-quiet btn-wide" data-testid="complaint-print" onClick={() => void print(receipt.trackingNumber)}>
              {t('complaint.print')}
            </button>
            <FinishButton />
          </>
        }
      >
        <p>{t('complaint.tracking')}</p>
        <p class="tracking-big" dir="ltr" data-testid="tracking-number">
          {receipt.trackingNumber}
        </p>
        <p data-testid="complaint-due">{t('complaint.due', { date: fmt.date(receipt.dueDate) })}</p>
        {receipt.queued && (
          <p class="note warn" data-testid="complaint-queued" data-online={String(state.online)}>
            {t(state.online ? 'visitor.complaint.sending' : 'complaint.queued')}
          </p>
        )}
        {printed !== undefined && (
          <p class={printed ? 'note ok' : 'note warn'} role="status" data-testid="complaint-printed" data-printed={String(printed)}>
            {t(printed ? 'visitor.complaint.printed' : 'visitor.complaint.printFailed')}
          </p>
        )}
      </Screen>
    );
  }

  const tooShort = text.trim().length < MIN_TEXT;
  const badMobile = mobile.length > 0 && mobile.length < 8;
  const actions =
    step === 'text' ? (
      <>
        <KeyboardField value={text} onChange={setText} label={t('complaint.write')} maxLength={2000} multiline testId="complaint-text" describedBy={tooShort ? 'complaint-text-hint' : undefined} />
        {tooShort && (
          <p class="field-hint" id="complaint-text-hint">
            {t('visitor.complaint.tooShort', { n: fmt.number(MIN_TEXT) })}
          </p>
        )}
        <button type="button" class="btn btn-primary btn-wide btn-big" disabled={tooShort} aria-describedby={tooShort ? 'complaint-text-hint' : undefined} onClick={() => setStep('mobile')} data-testid="complaint-next">
          {t('account.continue')}
        </button>
      </>
    ) : step === 'mobile' ? (
      <>
        <Entry id="complaint-mobile" label={t('complaint.mobile')} value={mobile} testId="complaint-mobile" hint={badMobile ? t('visitor.complaint.mobileShort') : undefined} />
        <Keypad value={mobile} maxLength={15} onChange={setMobile} />
        {state.busy ? (
          <Busy label={t('common.wait')} />
        ) : (
          <button type="button" class="btn btn-primary btn-wide btn-big" disabled={badMobile} aria-describedby={badMobile ? 'complaint-mobile-hint' : undefined} onClick={submit} data-testid="complaint-submit">
            {t(mobile ? 'complaint.submit' : 'complaint.submitWithoutMobile')}
          </button>
        )}
      </>
    ) : step === 'entity' ? (
      <button type="button" class="btn btn-quiet btn-wide" onClick={() => go({ name: 'complaintStatus' })} data-testid="complaint-status-link">
        {t('complaint.checkStatus')}
      </button>
    ) : undefined;

  return (
    <Screen title={t('complaint.title')} testId={`complaint-step-${step}`} step={{ journey: 'complaint', at }} actions={actions}>
      {(step === 'text' || step === 'mobile') && entity && (
        <dl class="summary" data-testid="complaint-choice">
          <dt>{t('visitor.steps.complaint.entity')}</dt>
          <dd>{entity.name[l]}</dd>
          <dt>{t('complaint.kind')}</dt>
          <dd>
            {t(`complaint.${kind}`)} · {entity.complaintTypes.find((ct) => ct.id === typeId)?.name[l]}
          </dd>
        </dl>
      )}
      {step === 'entity' && (
        <>
          <p class="muted">{t('complaint.chooseEntity')}</p>
          <div class="list">
            {entities.map((e) => (
              <button type="button" class="list-item" key={e.id} data-testid={`entity-${e.id}`} onClick={() => (setEntityId(e.id), setStep('type'))}>
                {e.name[l]}
              </button>
            ))}
          </div>
        </>
      )}
      {step === 'type' && entity && (
        <>
          <p class="muted">{entity.name[l]}</p>
          <div class="choice-row" role="radiogroup" aria-label={t('complaint.kind')}>
            {(['complaint', 'suggestion'] as const).map((k) => (
              <button type="button" role="radio" aria-checked={kind === k} class={`chip ${kind === k ? 'chip-on' : ''}`} key={k} onClick={() => setKind(k)}>
                {t(`complaint.${k}`)}
              </button>
            ))}
          </div>
          <div class="list">
            {entity.complaintTypes.map((ct) => (
              <button type="button" class="list-item" key={ct.id} data-testid={`type-${ct.id}`} onClick={() => (setTypeId(ct.id), setStep('text'))}>
                <span>{ct.name[l]}</span>
                <span class="muted">{t('complaint.responseDays', { count: ct.responseDays })}</span>
              </button>
            ))}
          </div>
        </>
      )}
    </Screen>
  );
}
