import { useState } from 'preact/hooks';
import type { DeviceAssignment, DeviceRole, TechOverview, TechReaderResult, TechTestResult } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';
import { useTechCall } from './use-tech-call.ts';
import { Busy } from '../../components/screen.tsx';

type TestKey = 'page' | 'status' | 'register' | 'terminalStatus' | 'diagnosis' | 'endOfDay' | 'read';
const TESTS: Record<DeviceRole, TestKey[]> = {
  printer: ['page', 'status'],
  terminal: ['register', 'terminalStatus', 'diagnosis', 'endOfDay'],
  idReader: ['read'],
};

/** One card per device: where it is connected, how it is, and its tests. */
export function TechDevices(props: { overview: TechOverview }) {
  return (
    <section class="tech-section">
      {props.overview.devices.map((d) => (
        <DeviceCard key={d.role} device={d} />
      ))}
    </section>
  );
}

function DeviceCard(props: { device: DeviceAssignment }) {
  const { t, state } = useApp();
  const { call, busy, error } = useTechCall();
  const [result, setResult] = useState<TechTestResult | TechReaderResult | undefined>();
  const [waiting, setWaiting] = useState(false);
  const d = props.device;

  const run = async (k: TestKey) => {
    setResult(undefined);
    if (k === 'page' || k === 'status') setResult(await call('tech.printerTest', { kind: k }));
    else if (k === 'read') {
      setWaiting(true);
      setResult(await call('tech.readerTest', { waitMs: 15_000 }));
      setWaiting(false);
    } else setResult(await call('tech.terminalTest', { kind: k === 'terminalStatus' ? 'status' : k, locale: state.locale }));
  };

  return (
    <article class="tech-card" data-testid={`tech-device-${d.role}`} aria-labelledby={`tech-dev-${d.role}`}>
      <h2 id={`tech-dev-${d.role}`}>{t(`tech.device.${d.role}`)}</h2>
      <p data-testid={`tech-device-${d.role}-state`} data-state={d.status.state}>
        {t('tech.deviceState', { state: d.status.detail ? `${d.status.state} (${d.status.detail})` : d.status.state })}
        {d.status.supply ? ` · ${t('tech.supply', { supply: d.status.supply })}` : ''}
      </p>
      <p data-testid={`tech-device-${d.role}-link`}>
        {d.link === 'simulator' ? t('tech.simulator') : t('tech.port', { path: d.path })}
        {d.line && ` · ${t('tech.line', { baud: d.line.baudRate, parity: t(`tech.parityValue.${d.line.parity}`), stop: d.line.stopBits, flow: t(d.line.rtscts ? 'tech.on' : 'tech.off') })}`}
      </p>
      <p class="muted">{t('tech.profile', { profile: d.profile })}</p>
      <div class="tech-actions" role="group" aria-label={t('tech.tests')}>
        {TESTS[d.role].map((k) => (
          <button type="button" key={k} class="btn btn-quiet" disabled={busy} data-testid={`tech-test-${d.role}-${k}`} onClick={() => void run(k)}>
            {t(`tech.test.${k}`)}
          </button>
        ))}
      </div>
      {waiting && <Busy label={t('tech.readerWait')} />}
      {busy && !waiting && <Busy label={t('tech.busy')} />}
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      {result && <TestResult result={result} role={d.role} />}
    </article>
  );
}

function TestResult(props: { result: TechTestResult | TechReaderResult; role: DeviceRole }) {
  const { t } = useApp();
  const r = props.result;
  const ok = 'ok' in r ? r.ok : r.read;
  return (
    <div class={`note ${ok ? 'ok' : 'warn'}`} role="status" data-testid={`tech-result-${props.role}`} data-code={r.code}>
      <p>{t('tech.result', { code: t(`tech.testCode.${r.code}`, { defaultValue: r.code }) })}</p>
      {'lines' in r && r.lines?.map((l) => <p key={l}>{l}</p>)}
      {'document' in r && r.document && (
        <p data-testid="tech-reader-document">
          {t('tech.document', { format: r.document.format, state: r.document.issuingState, type: r.document.documentType, number: r.document.number, expiry: r.document.expiry, checks: r.document.checks, name: r.document.name })}
        </p>
      )}
      {'png' in r && r.png && <img class="tech-paper" src={r.png} alt={t('tech.paperPreview')} data-testid="tech-paper" />}
    </div>
  );
}
