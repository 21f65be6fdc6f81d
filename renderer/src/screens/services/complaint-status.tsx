import { useState } from 'preact/hooks';
import type { ComplaintStatusView } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';
import { Busy, Screen } from '../../components/screen.tsx';
import { Keypad } from '../../components/keypad.tsx';

/** Status of a complaint by its tracking number (digits, as printed). */
export function ComplaintStatus() {
  const { t, state, run, fmt } = useApp();
  const [tracking, setTracking] = useState('');
  const [status, setStatus] = useState<ComplaintStatusView | undefined>();
  const l = state.locale;
  return (
    <Screen title={t('complaint.checkStatus')} testId="complaint-status">
      <output class="entry" dir="ltr" data-testid="tracking-input">
        {tracking || '\u00a0'}
      </output>
      <Keypad value={tracking} maxLength={20} onChange={setTracking} />
      {state.busy ? (
        <Busy label={t('common.wait')} />
      ) : (
        <button type="button" class="btn btn-primary btn-wide" disabled={tracking.length < 6} onClick={async () => setStatus(await run('complaint.status', { trackingNumber: tracking }))}>
          {t('account.continue')}
        </button>
      )}
      {status && (
        <dl class="summary" data-testid="complaint-status-result" data-status={status.status}>
          <dt>{t('inquiry.status')}</dt>
          <dd>{t(`complaint.status_${status.status}`)}</dd>
          <dt>{t('complaint.dueDate')}</dt>
          <dd>{fmt.date(status.dueDate)}</dd>
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
