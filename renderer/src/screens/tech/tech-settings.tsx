import { useEffect, useState } from 'preact/hooks';
import type { ServiceId, TechSettingsResult, TechSettingsView } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';
import { useTechCall } from './use-tech-call.ts';
import { TechSite } from './tech-site.tsx';

const SERVICES: ServiceId[] = ['payBills', 'payFines', 'donation', 'reprint', 'inquiries', 'complaints', 'ticket'];
const HOURS: (TechSettingsView['openingHours'])[] = [null, { open: '07:00', close: '22:00' }, { open: '08:00', close: '14:00' }, { open: '16:00', close: '02:00' }];

/** Settings by touch (steppers and toggles, no typing), saved as versions; history and rollback. */
export function TechSettings() {
  const { t, state } = useApp();
  const { call, busy, error } = useTechCall();
  const [data, setData] = useState<TechSettingsResult | undefined>();
  const [draft, setDraft] = useState<TechSettingsView | undefined>();
  const [note, setNote] = useState<string | undefined>();
  const load = (r: TechSettingsResult | undefined) => r && (setData(r), setDraft(r.settings));
  useEffect(() => void call('tech.settings', {}).then(load), [call]);
  if (!data || !draft) return null;

  const step = (key: 'idleSeconds' | 'idleWarningSeconds', by: number) => setDraft({ ...draft, [key]: Math.max(key === 'idleSeconds' ? 5 : 3, draft[key] + by) });
  const toggle = (id: ServiceId) => setDraft({ ...draft, enabledServices: draft.enabledServices.includes(id) ? draft.enabledServices.filter((x) => x !== id) : [...draft.enabledServices, id] });
  const save = async () => {
    const r = await call('tech.saveSettings', { idleSeconds: draft.idleSeconds, idleWarningSeconds: draft.idleWarningSeconds, enabledServices: draft.enabledServices, openingHours: draft.openingHours });
    if (!r) return;
    load(r);
    setNote(t('tech.saved', { id: r.versionId }));
  };
  const rollback = async () => {
    const r = await call('tech.rollback', {});
    if (!r) return;
    load(r);
    setNote(t('tech.rolledBack', { id: r.versionId }));
  };
  const stepper = (key: 'idleSeconds' | 'idleWarningSeconds', by: number) => (
    <div class="tech-row">
      <span class="tech-row-label" data-testid={`setting-${key}`}>
        {t(`tech.${key}`, { n: draft[key] })}
      </span>
      <button type="button" class="btn btn-quiet" data-testid={`setting-${key}-less`} onClick={() => step(key, -by)}>
        {t('tech.less')}
      </button>
      <button type="button" class="btn btn-quiet" data-testid={`setting-${key}-more`} onClick={() => step(key, by)}>
        {t('tech.more')}
      </button>
    </div>
  );
  const show = (v: unknown, path: string) =>
    Array.isArray(v) ? v.map((x) => t(`tech.service.${String(x)}`)).join(state.locale === 'ar' ? '، ' : ', ') : v === null ? t(path === 'openingHours' ? 'tech.alwaysOpen' : 'techSite.none') : typeof v === 'object' ? JSON.stringify(v) : String(v);
  // "path: from → to" with each part isolated: a Latin value in an Arabic line (or the reverse) cannot turn the arrow round.
  const change = (c: { path: string; from: unknown; to: unknown }) => {
    const parts: Record<string, string> = { path: c.path, from: show(c.from, c.path), to: show(c.to, c.path) };
    return t('tech.change', { path: '{{path}}', from: '{{from}}', to: '{{to}}' })
      .split(/(\{\{\w+\}\})/)
      .map((piece, i) => (/^\{\{\w+\}\}$/.test(piece) ? <bdi key={i}>{parts[piece.slice(2, -2)]}</bdi> : piece));
  };

  return (
    <section class="tech-section" aria-labelledby="tech-settings-h">
      <h2 id="tech-settings-h">{t('tech.settings')}</h2>
      {stepper('idleSeconds', 10)}
      {stepper('idleWarningSeconds', 5)}
      <div class="tech-row" role="group" aria-label={t('tech.openingHours')}>
        <span class="tech-row-label">{t('tech.openingHours')}</span>
        {HOURS.map((h, i) => {
          const on = JSON.stringify(h) === JSON.stringify(draft.openingHours);
          return (
            <button type="button" key={i} dir="ltr" class={`btn ${on ? 'btn-primary' : 'btn-quiet'}`} aria-pressed={on} data-testid={`setting-hours-${i}`} onClick={() => setDraft({ ...draft, openingHours: h })}>
              {h ? t('tech.hours', h) : t('tech.alwaysOpen')}
            </button>
          );
        })}
      </div>
      <div class="tech-row" role="group" aria-label={t('tech.enabledServices')}>
        <span class="tech-row-label">{t('tech.enabledServices')}</span>
        {SERVICES.map((id) => {
          const on = draft.enabledServices.includes(id);
          return (
            <button type="button" key={id} class={`btn ${on ? 'btn-primary' : 'btn-quiet'}`} aria-pressed={on} data-testid={`setting-service-${id}`} onClick={() => toggle(id)}>
              {t(`tech.service.${id}`)}
            </button>
          );
        })}
      </div>
      <div class="tech-actions">
        <button type="button" class="btn btn-primary btn-huge" disabled={busy} data-testid="settings-save" onClick={() => void save()}>
          {t('tech.save')}
        </button>
        <button type="button" class="btn btn-quiet btn-huge" disabled={busy} data-testid="settings-rollback" onClick={() => void rollback()}>
          {t('tech.rollback')}
        </button>
      </div>
      {note && (
        <p class="note ok" role="status" data-testid="settings-note">
          {note}
        </p>
      )}
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      <TechSite result={data} onResult={load} />
      <h2>{t('tech.history')}</h2>
      <ol class="tech-list" data-testid="settings-history">
        {data.history.map((v) => (
          <li key={v.id} class={`tech-item ${v.worked ? 'ok' : ''}`} data-testid={`settings-version-${v.id}`}>
            <strong>
              {t('tech.version', { id: v.id, by: v.changedBy, at: v.changedAt.slice(0, 16).replace('T', ' ') })}
              {v.worked ? ` · ${t('tech.worked')}` : ''}
            </strong>
            {v.diff.length === 0 && <span class="muted">{t('tech.noChange')}</span>}
            {v.diff.map((c) => (
              <span key={c.path} data-testid="settings-diff">
                {change(c)}
              </span>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
