import { useState } from 'preact/hooks';
import type { TechSettingsResult, TechSiteView } from '../../../../main/contract/api.ts';
import { parseSiteRefusal } from '../../../../main/shared/site-rules.ts';
import { useApp } from '../../context.ts';

/**
 * The gateway's certificates: what is set (subjects and expiry only, never the key) and an
 * import from the technician's USB stick. The kiosk lists the media; the screen never names a path.
 */
export function TechCredentials(props: { site: TechSiteView; onResult: (r: TechSettingsResult) => void }) {
  const { t, bridge } = useApp();
  const [sources, setSources] = useState<{ path: string; files: number }[] | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const c = props.site.credentials;
  // Technical dates, as on the certificate: YYYY-MM-DD.
  const date = (iso: string) => iso.slice(0, 10);

  const look = async () => {
    setError(undefined);
    const r = await bridge.call('tech.credentialMedia', {});
    if (r.ok) setSources(r.value.sources);
  };
  const importFrom = async (source: string) => {
    setBusy(true);
    setError(undefined);
    const r = await bridge.call('tech.importCredentials', { source });
    setBusy(false);
    if (r.ok) {
      setSources(undefined);
      return props.onResult(r.value);
    }
    const why = parseSiteRefusal(r.error.message);
    setError(why ? t(`techSite.importProblem.${why.code}`) : t('tech.error', { code: r.error.code }));
  };

  return (
    <div class="site-row" data-testid="site-credentials">
      <span class="site-label">{t('techSite.field.credentials')}</span>
      <div class="site-value">
        {!c.set && <span data-testid="site-credentials-state">{t('techSite.credentials.notSet')}</span>}
        {c.set && (
          <span data-testid="site-credentials-state">
            {c.cert ? t('techSite.credentials.cert', { subject: c.cert.subject, date: date(c.cert.notAfter) }) : t('techSite.credentials.set')}
            {c.fromFile && ` ${t('techSite.credentials.fromFile')}`}
          </span>
        )}
        {c.ca && <span class="muted">{t('techSite.credentials.ca', { subject: c.ca.subject, date: date(c.ca.notAfter) })}</span>}
        <span class="muted">{t('techSite.credentials.keyNever')}</span>
      </div>
      <button type="button" class="btn btn-quiet site-wide" disabled={busy} data-testid="site-credentials-look" onClick={() => void look()}>
        {t('techSite.credentials.import')}
      </button>
      {sources && (
        <div class="site-editor">
          {sources.length === 0 && <p class="note warn">{t('techSite.credentials.noMedia')}</p>}
          {sources.map((s) => (
            <button type="button" key={s.path} class="btn btn-primary site-source" disabled={busy} data-testid="site-credentials-import" onClick={() => void importFrom(s.path)}>
              {t('techSite.credentials.importFrom', { count: s.files })} <bdi dir="ltr">{s.path}</bdi>
            </button>
          ))}
          {sources.length === 0 && (
            <button type="button" class="btn btn-quiet" onClick={() => void look()}>
              {t('techSite.credentials.lookAgain')}
            </button>
          )}
        </div>
      )}
      {error && (
        <p class="alert site-wide" role="alert" data-testid="site-credentials-error">
          {error}
        </p>
      )}
    </div>
  );
}
