import { useMemo, useState } from 'preact/hooks';
import { useUi } from './context.ts';
import type { KioskSummary } from './api.ts';
import { ago } from './format.ts';

interface Filters {
  offline: boolean;
  paper: boolean;
  backlog: boolean;
  backlogOver: number;
  maintenance: boolean;
  flagged: boolean;
  stale: boolean;
  text: string;
}
const NONE: Filters = { offline: false, paper: false, backlog: false, backlogOver: 10, maintenance: false, flagged: false, stale: false, text: '' };

function matches(k: KioskSummary, f: Filters): boolean {
  if (f.offline && k.on) return false;
  if (f.paper && !(k.paper === 'low' || k.paper === 'out' || k.paper === 'jammed')) return false;
  if (f.backlog && !((k.ob ?? 0) > f.backlogOver)) return false;
  if (f.maintenance && k.app !== 'maintenance') return false;
  if (f.flagged && !((k.fl ?? 0) > 0)) return false;
  if (f.stale && !k.al.includes('staleHeartbeat')) return false;
  if (f.text && !k.k.toLowerCase().includes(f.text.toLowerCase())) return false;
  return true;
}

/** Above this many healthy kiosks a centre folds them into one line (opened on demand): problems stay in sight. */
const FOLD_HEALTHY_OVER = 12;

function Tile(props: { k: KioskSummary; now: number; open: (kiosk: string) => void }) {
  const { t, code, lang } = useUi();
  const k = props.k;
  return (
    <li>
      <button type="button" class={`tile h-${k.h}`} onClick={() => props.open(k.k)}>
        <span class="tile-id">{k.k}</span>
        <span class="tile-state">
          <span class="dot" aria-hidden="true" />
          {t(k.h)} · {code(k.app)}
        </span>
        <span class="tile-alerts">{k.al.map((a) => code(a)).join('، ') || '\u00a0'}</span>
        <span class="tile-seen">
          {t('lastSeen')}: {ago(lang, k.seen, props.now, t('never'))}
        </span>
      </button>
    </li>
  );
}

function CentreTiles(props: { list: KioskSummary[]; now: number; open: (kiosk: string) => void; expandAll: boolean }) {
  const { t } = useUi();
  const [opened, setOpened] = useState(false);
  const problems = props.list.filter((k) => k.h !== 'green');
  const healthy = props.list.filter((k) => k.h === 'green');
  const fold = !props.expandAll && healthy.length > FOLD_HEALTHY_OVER;
  const tiles = (list: KioskSummary[]) => list.map((k) => <Tile key={k.k} k={k} now={props.now} open={props.open} />);
  return (
    <>
      <ul class="tiles">{tiles(fold ? problems : props.list)}</ul>
      {fold && (
        <details class="healthy" onToggle={(e) => setOpened((e.target as HTMLDetailsElement).open)}>
          <summary>
            {healthy.length} {t('healthyKiosks')}
          </summary>
          {opened && <ul class="tiles">{tiles(healthy)}</ul>}
        </details>
      )}
    </>
  );
}

/** Kiosks grouped by country and centre, worst first (the server sorts), with the operators' filters. */
export function FleetView(props: { kiosks: KioskSummary[]; now: number; open: (kiosk: string) => void }) {
  const { t } = useUi();
  const [f, setF] = useState<Filters>(NONE);
  const filtering = f.offline || f.paper || f.backlog || f.maintenance || f.flagged || f.stale || f.text !== '';
  const shown = useMemo(() => props.kiosks.filter((k) => matches(k, f)), [props.kiosks, f]);
  const groups = useMemo(() => {
    const g = new Map<string, Map<string, KioskSummary[]>>();
    for (const k of shown) {
      const c = g.get(k.co) ?? new Map<string, KioskSummary[]>();
      g.set(k.co, c);
      const list = c.get(k.ce) ?? [];
      c.set(k.ce, list);
      list.push(k);
    }
    return g;
  }, [shown]);
  const counts = { red: 0, amber: 0, green: 0, offline: 0 };
  for (const k of props.kiosks) {
    counts[k.h]++;
    if (!k.on) counts.offline++;
  }
  const toggle = (key: keyof Filters) => setF({ ...f, [key]: !f[key] });
  const chip = (key: 'offline' | 'paper' | 'backlog' | 'maintenance' | 'flagged' | 'stale', label: string) => (
    <button type="button" class="chip" aria-pressed={f[key]} onClick={() => toggle(key)}>
      {label}
    </button>
  );

  return (
    <section aria-labelledby="fleet-h">
      <h1 id="fleet-h">{t('title')}</h1>
      <ul class="counters" aria-label={t('total')}>
        <li class="counter">
          <span class="n">{props.kiosks.length}</span> {t('total')}
        </li>
        <li class="counter h-red">
          <span class="n">{counts.red}</span> {t('red')}
        </li>
        <li class="counter h-amber">
          <span class="n">{counts.amber}</span> {t('amber')}
        </li>
        <li class="counter h-green">
          <span class="n">{counts.green}</span> {t('green')}
        </li>
        <li class="counter">
          <span class="n">{counts.offline}</span> {t('offline')}
        </li>
      </ul>
      <div class="filters" role="group" aria-label={t('filters')}>
        {chip('offline', t('fOffline'))}
        {chip('paper', t('fPaper'))}
        <span class="chip-combo">
          {chip('backlog', t('fBacklog'))}
          <input type="number" min={0} class="small-number" aria-label={t('fBacklog')} value={f.backlogOver} onInput={(e) => setF({ ...f, backlogOver: Number((e.target as HTMLInputElement).value) || 0 })} />
        </span>
        {chip('maintenance', t('fMaintenance'))}
        {chip('flagged', t('fFlagged'))}
        {chip('stale', t('fStale'))}
        <input type="search" class="search" placeholder={t('search')} aria-label={t('search')} value={f.text} onInput={(e) => setF({ ...f, text: (e.target as HTMLInputElement).value })} />
      </div>
      {shown.length === 0 && <p class="empty">{t('noMatch')}</p>}
      {[...groups].map(([country, centres]) => (
        <section class="country" key={country} aria-labelledby={`c-${country}`}>
          <h2 id={`c-${country}`}>{['KW', 'BH', 'QA'].includes(country) ? t(country as 'KW') : country}</h2>
          {[...centres].map(([centre, list]) => (
            <section class="centre" key={centre} aria-labelledby={`ce-${country}-${centre}`}>
              <h3 id={`ce-${country}-${centre}`}>
                {centre} <span class="muted">({list.length} {t('kiosks')})</span>
              </h3>
              <CentreTiles list={list} now={props.now} open={props.open} expandAll={filtering} />
            </section>
          ))}
        </section>
      ))}
    </section>
  );
}
