import { useEffect, useState } from 'preact/hooks';
import { useUi } from './context.ts';
import { api } from './api.ts';
import { when } from './format.ts';

interface AlertRow {
  kiosk: string;
  rule: string;
  severity: string;
  detail: string;
  openedAt: string;
  clearedAt: string | null;
}

/** Open alerts first, then the history (cleared alerts stay listed). */
export function AlertsView(props: { rev: number; open: (kiosk: string) => void }) {
  const { t, code, lang } = useUi();
  const [rows, setRows] = useState<AlertRow[]>([]);
  useEffect(() => {
    void api<AlertRow[]>('/api/alerts').then((r) => r.ok && setRows(r.value));
  }, [props.rev]);
  const sorted = [...rows.filter((r) => !r.clearedAt), ...rows.filter((r) => r.clearedAt)];
  return (
    <section aria-labelledby="alerts-h">
      <h1 id="alerts-h">{t('navAlerts')}</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('severity')}</th>
            <th scope="col">{t('kiosk')}</th>
            <th scope="col">{t('rule')}</th>
            <th scope="col">{t('opened')}</th>
            <th scope="col">{t('cleared')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((a, i) => (
            <tr key={i} class={a.clearedAt ? 'muted' : ''}>
              <td>
                <span class={`badge sev-${a.clearedAt ? 'info' : a.severity}`}>{code(a.severity)}</span>
              </td>
              <td>
                <button type="button" class="link" onClick={() => props.open(a.kiosk)}>
                  {a.kiosk}
                </button>
              </td>
              <td>{code(a.rule)}</td>
              <td>{when(lang, a.openedAt, '')}</td>
              <td>{a.clearedAt ? when(lang, a.clearedAt, '') : t('stillOpen')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function AuditView() {
  const { t, lang } = useUi();
  const [rows, setRows] = useState<{ at: string; user: string; action: string; kiosk: string | null; detail: Record<string, unknown> | null }[]>([]);
  useEffect(() => {
    void api<typeof rows>('/api/audit').then((r) => r.ok && setRows(r.value));
  }, []);
  return (
    <section aria-labelledby="audit-h">
      <h1 id="audit-h">{t('navAudit')}</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('at')}</th>
            <th scope="col">{t('user')}</th>
            <th scope="col">{t('action')}</th>
            <th scope="col">{t('kiosk')}</th>
            <th scope="col">{t('detail')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>{when(lang, r.at, '')}</td>
              <td>
                <bdi>{r.user}</bdi>
              </td>
              <td>
                <bdi>{r.action}</bdi>
              </td>
              <td>{r.kiosk ?? '—'}</td>
              <td>
                <bdi class="mono">{r.detail ? JSON.stringify(r.detail) : ''}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
