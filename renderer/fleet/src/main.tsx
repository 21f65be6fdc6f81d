import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import './fleet.css';
import { api, type KioskSummary, type Operator } from './api.ts';
import { UiContext, type Ui } from './context.ts';
import { CODES, STRINGS, type Lang } from './strings.ts';
import { FleetView } from './fleet-view.tsx';
import { KioskView } from './kiosk-view.tsx';
import { StatsView } from './stats-view.tsx';
import { AlertsView, AuditView } from './log-views.tsx';

const POLL_MS = 2000;
type Route = { view: 'fleet' | 'alerts' | 'stats' | 'audit' } | { view: 'kiosk'; kiosk: string };
const parseRoute = (): Route => {
  const [view, kiosk] = location.hash.replace(/^#\/?/, '').split('/');
  if (view === 'kiosk' && kiosk) return { view, kiosk: decodeURIComponent(kiosk) };
  return { view: view === 'alerts' || view === 'stats' || view === 'audit' ? view : 'fleet' };
};
const initialLang = (): Lang => {
  const q = new URLSearchParams(location.search).get('lang');
  if (q === 'ar' || q === 'en') return q;
  return localStorage.getItem('khidma.fleet.lang') === 'en' ? 'en' : 'ar';
};

function Login(props: { done: (op: Operator) => void; lang: Lang; switchLang: () => void }) {
  const t = STRINGS[props.lang];
  const [error, setError] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const r = await api<Operator>('/api/login', { method: 'POST', body: { name: f.get('name'), password: f.get('password') } });
    if (r.ok) props.done(r.value);
    else setError(t.badCredentials);
  };
  return (
    <main class="login">
      <form onSubmit={(e) => void submit(e)} aria-labelledby="login-h">
        <h1 id="login-h">
          {t.brand} · {t.title}
        </h1>
        <label>
          {t.username}
          <input name="name" autocomplete="username" required />
        </label>
        <label>
          {t.password}
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary">
            {t.login}
          </button>
          <button type="button" lang={props.lang === 'ar' ? 'en' : 'ar'} onClick={props.switchLang}>
            {t.langSwitch}
          </button>
        </div>
      </form>
    </main>
  );
}

function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [op, setOp] = useState<Operator | null | undefined>(undefined);
  const [route, setRoute] = useState<Route>(parseRoute);
  const [kiosks, setKiosks] = useState<KioskSummary[]>([]);
  const [rev, setRev] = useState(0);
  const [connected, setConnected] = useState(true);
  const [now, setNow] = useState(Date.now());
  const byId = useRef(new Map<string, KioskSummary>());
  const revRef = useRef<number | undefined>(undefined);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
    document.title = `${STRINGS[lang].brand} | ${STRINGS[lang].title}`;
    localStorage.setItem('khidma.fleet.lang', lang);
  }, [lang]);
  useEffect(() => {
    const on = () => setRoute(parseRoute());
    addEventListener('hashchange', on);
    void api<Operator>('/api/me').then((r) => setOp(r.ok ? r.value : null));
    return () => removeEventListener('hashchange', on);
  }, []);
  useEffect(() => {
    if (!op) return;
    let stopped = false;
    const poll = async () => {
      const since = revRef.current;
      const r = await api<{ rev: number; full: boolean; kiosks: KioskSummary[]; connected: boolean; now: string }>(`/api/fleet${since === undefined ? '' : `?since=${since}`}`);
      if (stopped) return;
      if (r.ok) {
        if (r.value.full) byId.current = new Map();
        for (const k of r.value.kiosks) byId.current.set(k.k, k);
        if (r.value.full || r.value.kiosks.length > 0) {
          const order = { red: 0, amber: 1, green: 2 };
          setKiosks([...byId.current.values()].sort((a, b) => order[a.h] - order[b.h] || a.co.localeCompare(b.co) || a.ce.localeCompare(b.ce) || a.k.localeCompare(b.k)));
          setRev(r.value.rev);
        }
        revRef.current = r.value.rev;
        setConnected(r.value.connected);
        setNow(Date.parse(r.value.now));
      } else if (r.status === 401) setOp(null);
      setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [op]);

  const switchLang = () => setLang(lang === 'ar' ? 'en' : 'ar');
  if (op === undefined) return null;
  if (op === null) return <Login lang={lang} switchLang={switchLang} done={setOp} />;
  const ui: Ui = { lang, op, t: (k) => STRINGS[lang][k], code: (c) => CODES[lang][c] ?? c };
  const t = ui.t;
  const open = (k: string) => (location.hash = `#/kiosk/${encodeURIComponent(k)}`);
  const nav: [Route['view'], string][] = [
    ['fleet', t('navFleet')],
    ['alerts', t('navAlerts')],
    ['stats', t('navStats')],
    ...(op.role === 'supervisor' ? ([['audit', t('navAudit')]] as [Route['view'], string][]) : []),
  ];
  return (
    <UiContext.Provider value={ui}>
      <header class="top">
        <span class="brand">{t('brand')}</span>
        <nav aria-label={t('title')}>
          <ul>
            {nav.map(([v, label]) => (
              <li key={v}>
                <a href={`#/${v}`} aria-current={route.view === v || (v === 'fleet' && route.view === 'kiosk') ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span class="who">
          <bdi>{op.name}</bdi> · {t(op.role === 'supervisor' ? 'roleSupervisor' : 'roleViewer')}
        </span>
        <button type="button" lang={lang === 'ar' ? 'en' : 'ar'} onClick={switchLang}>
          {t('langSwitch')}
        </button>
        <button type="button" onClick={() => void api('/api/logout', { method: 'POST', body: {} }).then(() => setOp(null))}>
          {t('logout')}
        </button>
      </header>
      {!connected && (
        <p role="alert" class="banner">
          {t('brokerDown')}
        </p>
      )}
      <main>
        {route.view === 'fleet' && <FleetView kiosks={kiosks} now={now} open={open} />}
        {route.view === 'kiosk' && <KioskView kiosk={route.kiosk} now={now} rev={rev} back={() => (location.hash = '#/fleet')} />}
        {route.view === 'alerts' && <AlertsView rev={rev} open={open} />}
        {route.view === 'stats' && <StatsView />}
        {route.view === 'audit' && <AuditView />}
      </main>
    </UiContext.Provider>
  );
}

render(<App />, document.getElementById('app')!);
