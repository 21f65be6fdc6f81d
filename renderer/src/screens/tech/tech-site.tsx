import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { TechSettingsResult, TechSiteView } from '../../../../main/contract/api.ts';
import { LOCATION_MAX, SITE_PROFILES, URL_MAX, parseSiteRefusal, siteProblems, type SiteField } from '../../../../main/shared/site-rules.ts';
import { useApp } from '../../context.ts';
import { Dialog } from '../../components/dialog.tsx';
import { FieldError, NumberEditor, PasswordEditor, TextEditor } from './site-editors.tsx';
import { TechCredentials } from './tech-credentials.tsx';
import './tech-site.css';
import { Busy } from '../../components/screen.tsx';

type Values = TechSiteView['values'];
type Editing = Exclude<SiteField, 'profile' | 'credentials'>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Identity and connection: kiosk ID and number, location, country, gateway and its
 * certificates, fleet broker, terminal password. They apply at restart, which the screen says
 * plainly, with "Restart now" while a restart is pending. Typed on the kiosk's keyboard and
 * keypad; checked here with the core's own rules, and again by the core.
 */
export function TechSite(props: { result: TechSettingsResult; onResult: (r: TechSettingsResult) => void }) {
  const { t, bridge } = useApp();
  const site = props.result.site;
  const [draft, setDraft] = useState<Values>(site.values);
  const [editing, setEditing] = useState<Editing | undefined>();
  const [shown, setShown] = useState<ReadonlySet<SiteField>>(new Set());
  const [refusal, setRefusal] = useState<{ field: SiteField | undefined; text: string } | undefined>();
  // Kept as a key, so it follows a change of language.
  const [note, setNote] = useState<{ key: string; id: number } | undefined>();
  const [busy, setBusy] = useState(false);
  const [restart, setRestart] = useState<'ask' | 'restarting' | undefined>();
  const [restartError, setRestartError] = useState<string | undefined>();

  // A new version (saved here, rolled back, credentials imported) updates the fields the
  // technician has not touched; what they typed and did not save yet stays.
  const saved = useRef(site.values);
  useEffect(() => {
    const before = saved.current;
    saved.current = site.values;
    setDraft((d) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, same(v, before[k as keyof Values]) ? site.values[k as keyof Values] : v])) as unknown as Values);
  }, [site.values]);

  const rules = { ...site.rules, credentialsSet: site.credentials.set };
  const problems = siteProblems(draft, rules);
  const problemText = (code: string, detail?: string) => t(`techSite.problem.${code}`, { detail: detail ?? '' });
  const errorOf = (field: SiteField) => {
    if (refusal?.field === field) return refusal.text;
    const p = problems.find((x) => x.field === field);
    return p && shown.has(field) ? problemText(p.code) : undefined;
  };
  const set = (patch: Partial<Values>) => (setDraft({ ...draft, ...patch }), setRefusal(undefined), setNote(undefined));
  const toggle = (field: Editing) => {
    if (editing) setShown(new Set([...shown, editing]));
    setEditing(editing === field ? undefined : field);
  };
  const done = () => toggle(editing!);
  const unchanged = same(draft, site.values);

  const save = async () => {
    if (problems.length > 0) {
      setShown(new Set(problems.map((p) => p.field)));
      const first = problems.find((p) => p.field !== 'profile')?.field;
      setEditing(first as Editing | undefined);
      return;
    }
    setBusy(true);
    const r = await bridge.call('tech.saveSite', draft);
    setBusy(false);
    if (r.ok) {
      setEditing(undefined);
      setRefusal(undefined);
      setNote({ key: 'techSite.saved', id: r.value.versionId });
      return props.onResult(r.value);
    }
    const why = parseSiteRefusal(r.error.message);
    setRefusal(why ? { field: why.field, text: problemText(why.code, why.detail) } : { field: undefined, text: t('tech.error', { code: r.error.code }) });
    if (why && why.field !== 'profile' && why.field !== 'credentials') setEditing(why.field);
  };
  const savePassword = async (password: string) => {
    setBusy(true);
    const r = await bridge.call('tech.terminalPassword', { password });
    setBusy(false);
    if (!r.ok) return (setEditing(undefined), setRefusal({ field: 'terminalPassword', text: t('tech.error', { code: r.error.code }) }), false);
    setEditing(undefined);
    setNote({ key: 'techSite.password.saved', id: r.value.versionId });
    props.onResult(r.value);
    return true;
  };
  const restartNow = async () => {
    setRestartError(undefined);
    const r = await bridge.call('tech.restart', {});
    if (r.ok) return setRestart('restarting');
    const why = parseSiteRefusal(r.error.message);
    setRestartError(why ? problemText(why.code, why.detail) : r.error.code === 'conflict' ? t('techSite.restartPayment') : t('tech.error', { code: r.error.code }));
  };

  const row = (field: SiteField, label: string, value: ComponentChildren, opts: { ltr?: boolean; editor?: () => ComponentChildren; changed?: boolean } = {}) => {
    const error = errorOf(field);
    const key = field as Editing;
    return (
      <div class={`site-row ${error ? 'site-bad' : ''}`} data-testid={`site-${field}`}>
        <span class="site-label">{label}</span>
        <span class="site-value" dir={opts.ltr ? 'ltr' : undefined} data-testid={`site-${field}-value`}>
          {value}
          {opts.changed && <span class="site-changed">{t('techSite.changed')}</span>}
        </span>
        {opts.editor && (
          <button type="button" class={`btn ${editing === key ? 'btn-primary' : 'btn-quiet'} site-change`} aria-expanded={editing === key} data-testid={`site-${field}-change`} onClick={() => toggle(key)}>
            {t('techSite.change')}
          </button>
        )}
        {error && editing !== key && <FieldError id={field} text={error} />}
        {editing === key && opts.editor?.()}
      </div>
    );
  };
  const text = (field: Editing, label: string, value: string, before: string, onChange: (v: string) => void, max: number, language: 'ar' | 'en', empty: string) =>
    row(field, label, value || <span class="muted">{empty}</span>, {
      ltr: language === 'en' && field !== 'locationEn',
      changed: value !== before,
      editor: () => <TextEditor id={field} label={t('techSite.editLabel', { field: label })} value={value} onChange={onChange} maxLength={max} language={language} error={errorOf(field)} onDone={done} />,
    });

  return (
    <section class="tech-section site" aria-labelledby="tech-site-h" data-testid="tech-site">
      <h2 id="tech-site-h">{t('techSite.title')}</h2>
      <p class="muted">{t('techSite.appliesAtRestart')}</p>
      {site.problem && (
        <p class="alert" role="alert" data-testid="site-problem">
          {t('techSite.notApplied', { problem: site.problem })}
        </p>
      )}
      {site.restartPending && (
        <div class="note warn site-pending" role="status" data-testid="site-restart-pending">
          <strong>{t(site.canRestart ? 'techSite.pending' : 'techSite.pendingNoRestart')}</strong>
          {site.canRestart && (
            <button type="button" class="btn btn-primary btn-huge" data-testid="site-restart" onClick={() => setRestart('ask')}>
              {t('techSite.restartNow')}
            </button>
          )}
        </div>
      )}
      <div class="site-list">
        {text('kioskId', t('techSite.field.kioskId'), draft.kioskId, site.values.kioskId, (v) => set({ kioskId: v }), 32, 'en', t('techSite.none'))}
        {row('kioskNumber', t('techSite.field.kioskNumber'), draft.kioskNumber ? String(draft.kioskNumber) : '—', {
          changed: draft.kioskNumber !== site.values.kioskNumber,
          editor: () => <NumberEditor id="kioskNumber" label={t('techSite.editLabel', { field: t('techSite.field.kioskNumber') })} value={draft.kioskNumber} onChange={(n) => set({ kioskNumber: n })} maxDigits={3} error={errorOf('kioskNumber')} onDone={done} />,
        })}
        {text('locationAr', t('techSite.field.locationAr'), draft.location.ar, site.values.location.ar, (v) => set({ location: { ...draft.location, ar: v } }), LOCATION_MAX, 'ar', t('techSite.none'))}
        {text('locationEn', t('techSite.field.locationEn'), draft.location.en, site.values.location.en, (v) => set({ location: { ...draft.location, en: v } }), LOCATION_MAX, 'en', t('techSite.none'))}
        {row(
          'profile',
          t('techSite.field.profile'),
          <span class="site-profiles" role="group" aria-label={t('techSite.field.profile')}>
            {SITE_PROFILES.map((p) => (
              <button type="button" key={p} class={`btn ${draft.profile === p ? 'btn-primary' : 'btn-quiet'}`} aria-pressed={draft.profile === p} data-testid={`site-profile-${p}`} onClick={() => set({ profile: p })}>
                {t(`techSite.profiles.${p}`)}
              </button>
            ))}
          </span>,
          { changed: draft.profile !== site.values.profile },
        )}
        {text('gatewayUrl', t('techSite.field.gatewayUrl'), draft.gatewayUrl, site.values.gatewayUrl, (v) => set({ gatewayUrl: v }), URL_MAX, 'en', t(site.rules.gatewayOptional ? 'techSite.embedded' : 'techSite.none'))}
        <TechCredentials site={site} onResult={(r) => (setNote({ key: 'techSite.credentials.imported', id: r.versionId }), props.onResult(r))} />
        {text('fleetUrl', t('techSite.field.fleetUrl'), draft.fleetUrl, site.values.fleetUrl, (v) => set({ fleetUrl: v }), URL_MAX, 'en', t('techSite.noBroker'))}
        {text('fleetCentre', t('techSite.field.fleetCentre'), draft.fleetCentre, site.values.fleetCentre, (v) => set({ fleetCentre: v }), 64, 'en', t('techSite.none'))}
        <div data-testid="setting-secret">
          {row('terminalPassword', t('techSite.field.terminalPassword'), t(site.terminalPassword.set ? 'techSite.secretSet' : 'techSite.secretUnset'), {
            editor: () => <PasswordEditor busy={busy} onSave={savePassword} onCancel={() => setEditing(undefined)} />,
          })}
        </div>
      </div>
      {refusal && !refusal.field && (
        <p class="alert" role="alert" data-testid="site-refusal">
          {refusal.text}
        </p>
      )}
      <button type="button" class="btn btn-primary btn-huge" disabled={busy || unchanged} data-testid="site-save" onClick={() => void save()}>
        {t('techSite.save')}
      </button>
      {note && (
        <p class="note ok" role="status" data-testid="site-note">
          {t(note.key, { id: note.id })}
        </p>
      )}
      {restart && (
        <Dialog id="site-restart" title={t(restart === 'ask' ? 'techSite.restartTitle' : 'techSite.restarting')} testId="site-restart-dialog" {...(restart === 'ask' && { onClose: () => setRestart(undefined) })}>
          {restart === 'ask' ? (
            <>
              <p>{t('techSite.restartBody')}</p>
              {restartError && (
                <p class="alert" role="alert" data-testid="site-restart-error">
                  {restartError}
                </p>
              )}
              <div class="tech-actions">
                <button type="button" class="btn btn-quiet btn-huge" data-testid="site-restart-cancel" onClick={() => setRestart(undefined)}>
                  {t('tech.cancel')}
                </button>
                <button type="button" class="btn btn-primary btn-huge" data-testid="site-restart-confirm" onClick={() => void restartNow()}>
                  {t('techSite.restartConfirm')}
                </button>
              </div>
            </>
          ) : (
            <Busy label={t('techSite.restartingBody')} testId="site-restarting" />
          )}
        </Dialog>
      )}
    </section>
  );
}
