import { useEffect, useState } from 'preact/hooks';
import { useUi } from './context.ts';
import { api, type KioskSummary } from './api.ts';
import { ago, bytes, num, when } from './format.ts';
import { DiagnosticsList, type DiagnosticsItem } from './diagnostics-list.tsx';

interface Device {
  name: string;
  state: string;
  supply?: string;
  detail?: string;
}
interface Detail extends KioskSummary {
  status: {
    bdSeq: number;
    app: { state: string; reason?: string };
    devices: Device[];
    outbox: { depth: number; oldestAgeMs: number | null; deadLetters: number } | null;
    flaggedPayments: number | null;
    version: string | null;
    uptimeS: number | null;
    disk: { freeBytes: number } | null;
  } | null;
  openAlerts: { rule: string; severity: string; detail: string; since: string }[];
  events: { at: string; kind: string; code: string; severity: string }[];
  devices: { at: string; device: string; state: string; supply: string | null; detail: string | null }[];
  alerts: { rule: string; severity: string; detail: string; openedAt: string; clearedAt: string | null }[];
  commands: { id: string; action: string; operator: string; issuedAt: string; result: string | null; reason: string | null }[];
  /** Null for a viewer: diagnostics are for supervisors. */
  diagnostics: DiagnosticsItem[] | null;
}

/** One kiosk: its status, devices, open alerts and their history, events and remote commands. */
export function KioskView(props: { kiosk: string; now: number; back: () => void; rev: number }) {
  const { t, code, lang, op } = useUi();
  const [d, setD] = useState<Detail | null>(null);
  const [note, setNote] = useState('');
  useEffect(() => {
    void api<Detail>(`/api/kiosks/${encodeURIComponent(props.kiosk)}`).then((r) => r.ok && setD(r.value));
  }, [props.kiosk, props.rev]);
  const send = async (action: 'outOfService' | 'inService' | 'diagnostics') => {
    const r = await api(`/api/kiosks/${encodeURIComponent(props.kiosk)}/commands`, { method: 'POST', body: { action } });
    setNote(r.ok ? t('cmdSent') : `${t('cmdFailed')} (${r.error})`);
  };
  if (!d) return <p>{t('loading')}</p>;
  const s = d.status?.app && d.on ? d.status : null;
  return (
    <section aria-labelledby="kiosk-h">
      <button type="button" class="link" onClick={props.back}>
        {t('back')}
      </button>
      <h1 id="kiosk-h">
        <span class={`badge h-${d.h}`}>{t(d.h)}</span> {d.k} <span class="muted">{d.co} / {d.ce}</span>
      </h1>
      <dl class="facts">
        <div>
          <dt>{t('appState')}</dt>
          <dd>
            {code(d.app)}
            {d.why && ` (${code(d.why)})`}
          </dd>
        </div>
        <div>
          <dt>{t('lastSeen')}</dt>
          <dd>{ago(lang, d.seen, props.now, t('never'))}</dd>
        </div>
        <div>
          <dt>{t('outbox')}</dt>
          <dd>
            {s?.outbox ? num(lang, s.outbox.depth) : '—'}
            {s?.outbox?.oldestAgeMs ? ` · ${t('oldest')}: ${num(lang, Math.round(s.outbox.oldestAgeMs / 60000))} min` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('deadLetters')}</dt>
          <dd>{s?.outbox ? num(lang, s.outbox.deadLetters) : '—'}</dd>
        </div>
        <div>
          <dt>{t('flagged')}</dt>
          <dd>{s?.flaggedPayments !== null && s?.flaggedPayments !== undefined ? num(lang, s.flaggedPayments) : '—'}</dd>
        </div>
        <div>
          <dt>{t('version')}</dt>
          <dd>{d.status?.version ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('uptime')}</dt>
          <dd>{s?.uptimeS !== null && s?.uptimeS !== undefined ? `${num(lang, Math.round(s.uptimeS / 60))} min` : '—'}</dd>
        </div>
        <div>
          <dt>{t('disk')}</dt>
          <dd>{s?.disk ? bytes(lang, s.disk.freeBytes) : '—'}</dd>
        </div>
      </dl>

      <div class="two-col">
        <section aria-labelledby="dev-h">
          <h2 id="dev-h">{t('devices')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('device')}</th>
                <th scope="col">{t('state')}</th>
                <th scope="col">{t('supply')}</th>
                <th scope="col">{t('detail')}</th>
              </tr>
            </thead>
            <tbody>
              {(s?.devices ?? []).map((x) => (
                <tr key={x.name}>
                  <td>{code(x.name)}</td>
                  <td>{code(x.state)}</td>
                  <td>{x.supply ? code(x.supply) : '—'}</td>
                  <td>{x.detail ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('openAlerts')}</h2>
          {d.openAlerts.length === 0 ? (
            <p class="muted">{t('none')}</p>
          ) : (
            <ul class="plain">
              {d.openAlerts.map((a) => (
                <li key={a.rule}>
                  <span class={`badge sev-${a.severity}`}>{code(a.severity)}</span> {code(a.rule)} · {t('since')} {when(lang, a.since, '')}
                </li>
              ))}
            </ul>
          )}
          {op.role === 'supervisor' && (
            <section aria-labelledby="cmd-h" class="commands">
              <h2 id="cmd-h">{t('commands')}</h2>
              <div class="actions">
                <button type="button" class="danger" onClick={() => void send('outOfService')}>
                  {t('cmdOutOfService')}
                </button>
                <button type="button" onClick={() => void send('inService')}>
                  {t('cmdInService')}
                </button>
                <button type="button" onClick={() => void send('diagnostics')}>
                  {t('cmdDiagnostics')}
                </button>
              </div>
              <p role="status">{note}</p>
              <ul class="plain">
                {d.commands.map((c) => (
                  <li key={c.id}>
                    {when(lang, c.issuedAt, '')} · {code(c.action === 'outOfService' ? 'outOfServiceCmd' : c.action)} · {c.operator} · {c.result ? code(c.result) : '…'}
                    {c.reason && ` (${c.reason})`}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </section>
        <section aria-labelledby="hist-h">
          <h2 id="hist-h">{t('alertHistory')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('rule')}</th>
                <th scope="col">{t('opened')}</th>
                <th scope="col">{t('cleared')}</th>
              </tr>
            </thead>
            <tbody>
              {d.alerts.map((a, i) => (
                <tr key={i}>
                  <td>{code(a.rule)}</td>
                  <td>{when(lang, a.openedAt, '')}</td>
                  <td>{a.clearedAt ? when(lang, a.clearedAt, '') : t('stillOpen')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('events')}</h2>
          {d.events.length === 0 && <p class="muted">{t('none')}</p>}
          <ul class="plain small">
            {d.events.slice(0, 15).map((e, i) => (
              <li key={i}>
                {when(lang, e.at, '')} · {code(e.severity)} · <bdi>{e.code}</bdi>
              </li>
            ))}
          </ul>
          <h2>{t('deviceHistory')}</h2>
          <ul class="plain small">
            {d.devices.slice(0, 15).map((e, i) => (
              <li key={i}>
                {when(lang, e.at, '')} · {code(e.device)}: {code(e.state)}
                {e.supply && ` / ${code(e.supply)}`}
              </li>
            ))}
          </ul>
          {d.diagnostics && <DiagnosticsList kiosk={d.k} items={d.diagnostics} />}
        </section>
      </div>
    </section>
  );
}
