import { useState } from 'preact/hooks';
import type { ComplaintStatusView } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';
import { Busy, FinishButton, Screen } from '../../components/screen.tsx';
import { Entry, Keypad } from '../../components/keypad.tsx';

const MIN_DIGITS = 6;

/** Status of a complaint by its tracking number (digits, as printed). */
export function ComplaintStatus() {
  const { t, state, run, fmt } = useApp();
  const [tracking, setTracking] = useState('');
  const [status, setStatus] = useState<ComplaintStatusView | undefined>();
  const l = state.locale;
  const short = tracking.length < MIN_DIGITS;
  return (
    <Screen
      title={t('complaint.checkStatus')}
      testId="complaint-status"
      actions={
        status ? (
          <FinishButton />
        ) : (
          <>
            <Entry id="tracking" label={t('complaint.tracking')} value={tracking} testId="tracking-input" hint={short ? t('visitor.tooShort', { count: MIN_DIGITS, n: fmt.number(MIN_DIGITS) }) : undefined} />
            <Keypad value={tracking} maxLength={20} onChange={setTracking} />
            {state.busy ? (
              <Busy label={t('common.wait')} />
            ) : (
              <button type="button" class="btn btn-primary btn-wide btn-big" disabled={short} aria-describedby={short ? 'tracking-hint' : undefined} onClick={async () => setStatus(await run('complaint.status', { trackingNumber: tracking }))}>
                {t('account.continue')}
              </button>
            )}
          </>
        )
      }
    >
      <p class="muted">{t('help.complaintStatus')}</p>
      {status && (
        <dl class="summary" data-testid="complaint-status-result" data-status={status.status}>
          <dt>{t('complaint.tracking')}</dt>
          <dd>
            <bdi>{status.trackingNumber}</bdi>
          </dd>
          <dt>{t('inquiry.status')}</dt>
          <dd>{t(`complaint.status_${status.status}`)}</dd>
          <dt>{t('complaint.dueDate')}</dt>
          <dd data-testid="status-due">{fmt.date(status.dueDate)}</dd>
          {status.reply && (
            <>
              <dt>{t('complaint.reply')}</dt>
              <dd>{status.reply[l]}</dd>
            </>
          )}
        </dl>
      )}
    </Screen>
  );
}
