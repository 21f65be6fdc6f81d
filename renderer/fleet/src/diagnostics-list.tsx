import { useUi } from './context.ts';
import { num, when } from './format.ts';

export interface DiagnosticsItem {
  id: string;
  name: string;
  at: string;
  receivedAt: string;
  trigger: 'technician' | 'console';
  bytes: number;
  gzBytes: number;
  droppedLogLines: number;
}

/** The diagnostics bundles a kiosk sent (supervisors only), newest first, each a download. */
export function DiagnosticsList(props: { kiosk: string; items: DiagnosticsItem[] }) {
  const { t, code, lang } = useUi();
  const kb = (n: number) => `${num(lang, Math.max(1, Math.round(n / 1024)))} KB`;
  return (
    <section aria-labelledby="diag-h">
      <h2 id="diag-h">{t('diagnostics')}</h2>
      {props.items.length === 0 ? (
        <p class="muted">{t('noDiagnostics')}</p>
      ) : (
        <table data-testid="diagnostics">
          <thead>
            <tr>
              <th scope="col">{t('diagReceived')}</th>
              <th scope="col">{t('diagTrigger')}</th>
              <th scope="col">{t('diagSize')}</th>
              <th scope="col">{t('diagFile')}</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((d) => (
              <tr key={d.id}>
                <td>{when(lang, d.receivedAt, '')}</td>
                <td>{code(d.trigger)}</td>
                <td>
                  <bdi dir="ltr">
                    {kb(d.bytes)} ({kb(d.gzBytes)} gzip)
                  </bdi>
                  {d.droppedLogLines > 0 && ` · ${t('diagTrimmed')}: ${num(lang, d.droppedLogLines)}`}
                </td>
                <td>
                  <a href={`/api/kiosks/${encodeURIComponent(props.kiosk)}/diagnostics/${d.id}`} download={`${d.name}.json.gz`}>
                    {t('download')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
