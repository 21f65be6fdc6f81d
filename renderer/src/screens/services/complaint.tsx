import { useState } from 'preact/hooks';
import type { ComplaintReceipt } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';
import { useCatalogue } from '../../catalogue-context.ts';
import { Busy, Screen } from '../../components/screen.tsx';
import { OnScreenKeyboard } from '../../components/keyboard.tsx';
import { Keypad } from '../../components/keypad.tsx';

type Step = 'entity' | 'type' | 'text' | 'mobile' | 'done';

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
  const entities = (catalogue?.entities ?? []).filter((e) => e.complaintTypes.length > 0);
  const entity = entities.find((e) => e.id === entityId);

  async function submit() {
    const r = await run('complaint.submit', { entityId, typeId, kind, text: text.trim(), ...(mobile && { mobile }) });
    if (r) {
      setReceipt(r);
      setStep('done');
    }
  }

  if (step === 'done' && receipt) {
    return (
      <Screen title={t('complaint.thanks')} back={false} testId="complaint-done">
        <p>{t('complaint.tracking')}</p>
        <p class="entry" dir="ltr" data-testid="tracking-number">
          {receipt.trackingNumber}
        </p>
        <p>{t('complaint.due', { date: fmt.date(receipt.dueDate) })}</p>
        {receipt.queued && (
          <p class="note warn" data-testid="complaint-queued">
            {t('complaint.queued')}
          </p>
        )}
        <button type="button" class="btn btn-quiet btn-wide" onClick={() => void bridge.call('complaint.print', { trackingNumber: receipt.trackingNumber })}>
          {t('complaint.print')}
        </button>
      </Screen>
    );
  }

  return (
    <Screen title={t('complaint.title')} testId={`complaint-step-${step}`}>
      {step === 'entity' && (
        <>
          <button type="button" class="btn btn-quiet btn-wide" onClick={() => go({ name: 'complaintStatus' })} data-testid="complaint-status-link">
            {t('complaint.checkStatus')}
          </button>
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
      {step === 'text' && (
        <>
          <label class="muted" for="complaint-text">
            {t('complaint.write')}
          </label>
          <output id="complaint-text" class="textarea" data-testid="complaint-text" dir="auto">
            {text || '\u00a0'}
          </output>
          <OnScreenKeyboard value={text} onChange={setText} maxLength={2000} />
          <button type="button" class="btn btn-primary btn-wide" disabled={text.trim().length < 10} onClick={() => setStep('mobile')} data-testid="complaint-next">
            {t('account.continue')}
          </button>
        </>
      )}
      {step === 'mobile' && (
        <>
          <p class="muted">{t('complaint.mobile')}</p>
          <output class="entry" dir="ltr" data-testid="complaint-mobile">
            {mobile || '\u00a0'}
          </output>
          <Keypad value={mobile} maxLength={15} onChange={setMobile} />
          {state.busy ? (
            <Busy label={t('common.wait')} />
          ) : (
            <button type="button" class="btn btn-primary btn-wide" disabled={mobile.length > 0 && mobile.length < 8} onClick={submit} data-testid="complaint-submit">
              {t(mobile ? 'complaint.submit' : 'complaint.submitWithoutMobile')}
            </button>
          )}
        </>
      )}
    </Screen>
  );
}
