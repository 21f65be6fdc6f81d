import { useEffect, useState } from 'preact/hooks';
import type { TechIdentity } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';
import { Dialog } from '../../components/dialog.tsx';
import { Keypad } from '../../components/keypad.tsx';
import './entry.css';

/** The technician PIN pad, opened by the corner gesture. The PIN is never shown, only its length. */
export function PinPad(props: { onSignedIn: (who: TechIdentity) => void; onClose: () => void }) {
  const { t, bridge } = useApp();
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [lockedFor, setLockedFor] = useState(0);

  useEffect(() => {
    void bridge.call('tech.entry', {}).then((r) => r.ok && r.value.locked && setLockedFor(r.value.retryInSeconds));
  }, [bridge]);
  useEffect(() => {
    if (lockedFor <= 0) return;
    setMessage(t('tech.locked', { count: lockedFor }));
    const timer = setTimeout(() => setLockedFor(lockedFor - 1), 1000);
    return () => clearTimeout(timer);
  }, [lockedFor, t]);

  const submit = async () => {
    setBusy(true);
    const r = await bridge.call('tech.login', { pin });
    setBusy(false);
    setPin('');
    if (r.ok) return props.onSignedIn(r.value);
    if (r.error.code === 'locked') setLockedFor(Number(r.error.message) || 1);
    else if (r.error.code === 'unauthorized') setMessage(t('tech.wrongPin', { count: Number(r.error.message) || 0 }));
    else setMessage(t('tech.error', { code: r.error.code }));
  };

  const locked = lockedFor > 0;
  return (
    <Dialog id="tech-pin" title={t('tech.pinTitle')} testId="tech-pin">
      <p>{t('tech.pinHint')}</p>
      <output class="pin-dots" data-testid="tech-pin-dots" aria-live="polite" aria-label={t('tech.pinEntered', { n: pin.length })}>
        {'•'.repeat(pin.length) || '—'}
      </output>
      {message && (
        <p class="alert" role="alert" data-testid="tech-pin-message">
          {message}
        </p>
      )}
      <Keypad value={pin} maxLength={8} onChange={(v) => !locked && setPin(v)} />
      <div class="tech-actions pin-actions">
        <button type="button" class="btn btn-quiet btn-huge" data-testid="tech-pin-cancel" onClick={props.onClose}>
          {t('tech.cancel')}
        </button>
        <button type="button" class="btn btn-primary btn-huge" data-testid="tech-pin-submit" disabled={busy || locked || pin.length < 6} onClick={() => void submit()}>
          {busy ? t('tech.busy') : t('tech.signIn')}
        </button>
      </div>
    </Dialog>
  );
}
