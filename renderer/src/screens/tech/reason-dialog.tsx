import { useState } from 'preact/hooks';
import { Dialog } from '../../components/dialog.tsx';
import { KeyboardField } from '../../components/keyboard.tsx';
import { useApp } from '../../context.ts';

const MIN_REASON = 5;

/** Asks why, on the kiosk's own keyboard, before money is moved by hand; the core audits the answer. */
export function ReasonDialog(props: { title: string; body: string; busy: boolean; error: string | undefined; onCancel: () => void; onConfirm: (reason: string) => void }) {
  const { t } = useApp();
  const [reason, setReason] = useState('');
  const short = reason.trim().length < MIN_REASON;
  return (
    <Dialog id="money-reason" title={props.title} testId="money-reason" onClose={props.onCancel}>
      <p>{props.body}</p>
      <KeyboardField value={reason} onChange={setReason} label={t('tech.money.reason')} maxLength={200} testId="money-reason-text" describedBy="money-reason-hint" />
      <p id="money-reason-hint" class="muted">
        {t('tech.money.reasonHint', { count: MIN_REASON })}
      </p>
      {props.error && (
        <p class="alert" role="alert" data-testid="money-reason-error">
          {props.error}
        </p>
      )}
      <div class="tech-actions">
        <button type="button" class="btn btn-quiet btn-huge" data-testid="money-reason-cancel" onClick={props.onCancel}>
          {t('tech.cancel')}
        </button>
        <button type="button" class="btn btn-primary btn-huge" disabled={short || props.busy} data-testid="money-reason-confirm" onClick={() => props.onConfirm(reason.trim())}>
          {t('tech.money.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
