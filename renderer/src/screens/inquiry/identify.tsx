import { Icon } from '../../components/icon.tsx';
import { useEffect, useState } from 'preact/hooks';
import type { InquiryKind } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';
import { Busy, Screen } from '../../components/screen.tsx';
import { Entry, Keypad } from '../../components/keypad.tsx';
import { DeviceIllustration } from '../../components/device-illustration.tsx';

/**
 * "Scan your civil ID or passport, or enter your civil number": the reader's live state,
 * the keypad always available, and the inquiry runs as soon as the identity is known.
 */
export function Identify(props: { next: InquiryKind; digits: number }) {
  const { t, state, run, dispatch, fmt } = useApp();
  const [typed, setTyped] = useState('');
  const reader = state.devices.find((d) => d.name === 'idReader');
  const readerReady = reader?.state === 'online';

  useEffect(() => {
    if (!state.identity.present) return;
    void run('inquiry.run', { kind: props.next }).then((result) => result && dispatch({ type: 'replace', screen: { name: 'inquiry', result } }));
    // Runs once per identity change; `run` and `dispatch` are stable.
  }, [state.identity.present, state.identity.masked]);

  async function submit() {
    const view = await run('identity.enter', { nationalId: typed });
    if (view) dispatch({ type: 'identity', identity: view });
  }

  const missing = props.digits - typed.length;
  return (
    <Screen
      title={t(`inquiry.${props.next}`)}
      testId="identify"
      step={props.next === 'trafficFines' ? { journey: 'pay', at: 0 } : undefined}
      actions={
        <>
          <Entry
            id="civil"
            label={t('identify.orType', { digits: fmt.number(props.digits) })}
            value={typed}
            testId="civil-value"
            hint={missing > 0 ? t('visitor.digitsLeft', { count: missing }) : undefined}
          />
          <Keypad value={typed} maxLength={props.digits} onChange={setTyped} />
          {state.busy ? (
            <Busy label={t('inquiry.loading')} />
          ) : (
            <button type="button" class="btn btn-primary btn-wide btn-big" disabled={missing !== 0} aria-describedby={missing ? 'civil-hint' : undefined} onClick={submit} data-testid="identify-continue">
              {t('account.continue')}
            </button>
          )}
        </>
      }
    >
      <div class={`reader ${readerReady ? 'reader-on' : 'reader-off'}`} role="status" data-testid="reader-state" data-state={reader?.state ?? 'unknown'}>
        <span class="reader-icon">
          <Icon name="id" size={48} />
        </span>
        <span>{t(readerReady ? 'identify.scan' : 'identify.readerUnavailable')}</span>
      </div>
      {readerReady && <DeviceIllustration action="id" />}
      {state.identity.present && state.identity.documentExpired && (
        <p class="note warn" data-testid="document-expired">
          {t('identify.expired')}
        </p>
      )}
    </Screen>
  );
}
