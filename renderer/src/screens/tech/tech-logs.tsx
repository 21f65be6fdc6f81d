import { useEffect, useState } from 'preact/hooks';
import type { FleetLinkState, TechLogEntry } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';
import { OnScreenKeyboard } from '../../components/keyboard.tsx';
import { useTechCall } from './use-tech-call.ts';

type Level = TechLogEntry['level'];
const LEVELS: Level[] = ['debug', 'info', 'warn', 'error'];

/** The log viewer (level filter, search on the on-screen keyboard) and the diagnostics bundle. */
export function TechLogs() {
  const { t, bridge } = useApp();
  const { call, busy, error } = useTechCall();
  const [level, setLevel] = useState<Level>('info');
  const [search, setSearch] = useState('');
  const [typing, setTyping] = useState(false);
  const [lines, setLines] = useState<TechLogEntry[]>([]);
  const [targets, setTargets] = useState<string[] | undefined>();
  const [written, setWritten] = useState<string | undefined>();
  const [fleet, setFleet] = useState<FleetLinkState | undefined>();
  const [sending, setSending] = useState(false);
  // Kept as facts, worded at render time: switching language rewords it.
  const [sent, setSent] = useState<{ ok: true; kb: number; dropped: number } | { ok: false; why: 'offline' | 'notConfigured' | 'failed' } | undefined>();

  useEffect(() => void call('tech.logs', { level, limit: 100, ...(search && { search }) }).then((r) => r && setLines(r)), [call, level, search]);
  useEffect(() => void call('tech.media', {}).then((r) => r && (setTargets(r.targets), setFleet(r.fleet))), [call]);
  // The link to the operations centre comes and goes: the button follows it.
  useEffect(() => bridge.on('tech.fleet', (e) => setFleet(e.link)), [bridge]);

  const write = async (target: string) => {
    const r = await call('tech.diagnostics', { target });
    if (r) setWritten(t('tech.written', { folder: r.folder, n: r.files.length }));
  };

  const send = async () => {
    setSending(true);
    setSent(undefined);
    const r = await bridge.call('tech.sendDiagnostics', {});
    setSending(false);
    if (r.ok) return setSent({ ok: true, kb: Math.max(1, Math.round(r.value.sentBytes / 1024)), dropped: r.value.droppedLogLines });
    const why = r.error.message === 'offline' || r.error.message === 'notConfigured' ? r.error.message : 'failed';
    if (why !== 'failed') setFleet(why);
    setSent({ ok: false, why });
  };

  return (
    <section class="tech-section" aria-labelledby="tech-logs-h">
      <h2 id="tech-logs-h">{t('tech.logs')}</h2>
      <div class="tech-row" role="group" aria-label={t('tech.levelFilter')}>
        <span class="tech-row-label">{t('tech.levelFilter')}</span>
        {LEVELS.map((l) => (
          <button type="button" key={l} class={`btn ${level === l ? 'btn-primary' : 'btn-quiet'}`} aria-pressed={level === l} data-testid={`log-level-${l}`} onClick={() => setLevel(l)}>
            {t(`tech.level.${l}`)}
          </button>
        ))}
      </div>
      <div class="tech-row">
        <button type="button" class={`btn ${typing ? 'btn-primary' : 'btn-quiet'}`} aria-expanded={typing} data-testid="log-search" onClick={() => setTyping(!typing)}>
          {search ? t('tech.searchValue', { q: search }) : t('tech.search')}
        </button>
      </div>
      {typing && <OnScreenKeyboard value={search} onChange={setSearch} maxLength={64} layout="en" />}
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      {lines.length === 0 && !busy && <p class="note">{t('tech.noLogs')}</p>}
      <ol class="tech-list tech-logs" data-testid="log-lines" dir="ltr">
        {lines.map((l, i) => (
          <li key={`${l.t}-${i}`} class={`tech-item ${l.level === 'error' ? 'bad' : ''}`} data-level={l.level}>
            <strong>
              {l.t.slice(11, 19)} {l.level.toUpperCase()} {l.scope}: {l.msg}
            </strong>
            {l.data && <code>{l.data}</code>}
          </li>
        ))}
      </ol>
      <h2>{t('tech.diagnostics')}</h2>
      <p class="muted">{t('tech.diagnosticsHint')}</p>
      {targets?.length === 0 && <p class="note warn">{t('tech.noMedia')}</p>}
      <div class="tech-actions">
        {targets?.map((target) => (
          <button type="button" key={target} class="btn btn-primary" disabled={busy} data-testid="diagnostics-write" onClick={() => void write(target)}>
            {t('tech.writeTo', { target })}
          </button>
        ))}
        {fleet && (
          <button
            type="button"
            class="btn btn-primary"
            disabled={fleet !== 'connected' || sending}
            aria-describedby={fleet === 'connected' ? undefined : 'fleet-why'}
            data-testid="diagnostics-send"
            data-link={fleet}
            onClick={() => void send()}
          >
            {sending ? t('tech.fleetSending') : t('tech.fleetSend.button')}
          </button>
        )}
      </div>
      {fleet && fleet !== 'connected' && (
        <p class="note warn" id="fleet-why" data-testid="diagnostics-send-why">
          {t(`tech.fleetSend.${fleet}`)}
        </p>
      )}
      {written && (
        <p class="note ok" role="status" data-testid="diagnostics-written">
          {written}
        </p>
      )}
      {sent && (
        <p class={`note ${sent.ok ? 'ok' : 'warn'}`} role="status" data-testid="diagnostics-sent" data-ok={sent.ok}>
          {sent.ok ? `${t('tech.fleetSent', { kb: sent.kb })}${sent.dropped > 0 ? ` ${t('tech.fleetTrimmed', { n: sent.dropped })}` : ''}` : t(`tech.fleetSend.${sent.why}`)}
        </p>
      )}
    </section>
  );
}
