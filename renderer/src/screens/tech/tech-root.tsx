import { useEffect, useState } from 'preact/hooks';
import type { TechIdentity, TechOverview } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';
import { TechOverviewPanel } from './tech-overview.tsx';
import { TechDevices } from './tech-devices.tsx';
import { TechPorts } from './tech-ports.tsx';
import { TechSettings } from './tech-settings.tsx';
import { TechLogs } from './tech-logs.tsx';
import { TechMoney } from './tech-money.tsx';
import './tech.css';

type Tab = 'overview' | 'devices' | 'money' | 'ports' | 'settings' | 'logs';

/** Technician mode: the kiosk's state, its devices and ports, by touch alone. */
export function TechRoot(props: { who: TechIdentity; onExit: () => void }) {
  const { t, bridge, state, dispatch } = useApp();
  const [tab, setTab] = useState<Tab>('overview');
  const [overview, setOverview] = useState<TechOverview | undefined>();

  useEffect(() => {
    const load = () => void bridge.call('tech.overview', {}).then((r) => r.ok && setOverview(r.value));
    load();
    const offs = [bridge.on('devices.changed', load), bridge.on('kiosk.state', load)];
    return () => offs.forEach((off) => off());
  }, [bridge]);

  const other = state.locale === 'ar' ? 'en' : 'ar';
  return (
    <main class="screen tech" data-testid="tech-root">
      {/* The shared screen frame: header and tabs stay put, the tab scrolls (and sits low in low-reach mode). */}
      <div class="screen-head">
        <header class="tech-head">
          <div>
            <h1 id="tech-title">{t('tech.title')}</h1>
            <p class="muted" data-testid="tech-who">
              {t('tech.signedInAs', { name: props.who.name, role: t(`tech.role.${props.who.role}`) })}
            </p>
          </div>
          <div class="tech-actions">
            <button type="button" class="btn btn-quiet" lang={other} data-testid="tech-language" onClick={() => dispatch({ type: 'locale', locale: other })}>
              {t('tech.language')}
            </button>
            <button type="button" class="btn btn-primary" data-testid="tech-exit" onClick={props.onExit}>
              {t('tech.exit')}
            </button>
          </div>
        </header>
        <nav class="tech-tabs" aria-label={t('tech.title')}>
          {(['overview', 'devices', 'money', 'ports', 'settings', 'logs'] as const).map((id) => (
            <button type="button" key={id} class={`btn ${tab === id ? 'btn-primary' : 'btn-quiet'}`} aria-pressed={tab === id} data-testid={`tech-tab-${id}`} onClick={() => setTab(id)}>
              {t(`tech.tabs.${id}`)}
            </button>
          ))}
        </nav>
      </div>
      <div class="screen-body" tabIndex={0} role="region" aria-labelledby="tech-title">
        {tab === 'overview' && overview && <TechOverviewPanel overview={overview} />}
        {tab === 'devices' && overview && <TechDevices overview={overview} />}
        {tab === 'money' && <TechMoney />}
        {tab === 'ports' && <TechPorts profiles={overview?.profiles} />}
        {tab === 'settings' && <TechSettings />}
        {tab === 'logs' && <TechLogs />}
      </div>
    </main>
  );
}
