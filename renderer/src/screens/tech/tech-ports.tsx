import { useEffect, useState } from 'preact/hooks';
import type { DeviceRole, LineSettings, PortInfo, ProbeResult, TechOverview } from '../../../../main/contract/api.ts';
import { useApp } from '../../context.ts';
import { useTechCall } from './use-tech-call.ts';
import { LineSettingsPicker } from './line-settings.tsx';
import { Busy } from '../../components/screen.tsx';

const ROLES: DeviceRole[] = ['printer', 'terminal', 'idReader'];
const DEFAULT_LINE: Record<DeviceRole, LineSettings> = {
  printer: { baudRate: 38400, parity: 'none', stopBits: 1, rtscts: true },
  terminal: { baudRate: 9600, parity: 'none', stopBits: 1, rtscts: false },
  idReader: { baudRate: 9600, parity: 'none', stopBits: 1, rtscts: false },
};

/** Serial ports (hot-plug shows live), probing each, and assigning one to a device. */
export function TechPorts(props: { profiles: TechOverview['profiles'] | undefined }) {
  const { t, bridge } = useApp();
  const [ports, setPorts] = useState<PortInfo[] | undefined>();
  useEffect(() => {
    const load = () => void bridge.call('tech.ports', {}).then((r) => r.ok && setPorts(r.value));
    load();
    const offs = [bridge.on('tech.ports', load), bridge.on('devices.changed', load)];
    return () => offs.forEach((off) => off());
  }, [bridge]);
  return (
    <section class="tech-section" aria-labelledby="tech-ports-h">
      <h2 id="tech-ports-h">{t('tech.ports')}</h2>
      {ports?.length === 0 && <p class="note">{t('tech.noPorts')}</p>}
      <ul class="tech-list" data-testid="tech-ports">
        {ports?.map((p) => <PortRow key={p.path} port={p} profiles={props.profiles} />)}
      </ul>
    </section>
  );
}

function PortRow(props: { port: PortInfo; profiles: TechOverview['profiles'] | undefined }) {
  const { t } = useApp();
  const { call, busy, error } = useTechCall();
  const [probe, setProbe] = useState<ProbeResult | undefined>();
  const [assigning, setAssigning] = useState<DeviceRole | undefined>();
  const [line, setLine] = useState<LineSettings>(DEFAULT_LINE.printer);
  const [applied, setApplied] = useState(false);
  const [profile, setProfile] = useState<string | undefined>();
  const p = props.port;
  const id = p.path.replace(/[^A-Za-z0-9]/g, '-');

  const choose = (role: DeviceRole) => {
    setAssigning(role);
    setApplied(false);
    setLine(DEFAULT_LINE[role]);
    setProfile(props.profiles?.find((x) => x.role === role)?.ids[0]);
  };
  const apply = async () => {
    if (!assigning) return;
    const r = await call('tech.assign', { role: assigning, link: { link: 'serial', path: p.path, line, ...(profile && { profile }) } });
    if (r) setApplied(true);
  };

  return (
    <li class="tech-item" data-testid={`tech-port-${id}`}>
      <strong dir="ltr">{p.path}</strong>
      {(p.manufacturer || p.vendorId) && (
        <span class="muted">{t('tech.portInfo', { manufacturer: p.manufacturer ?? '—', vendor: p.vendorId ?? '—', product: p.productId ?? '—', serial: p.serialNumber ?? '—' })}</span>
      )}
      {p.assignedTo && <span data-testid="tech-port-assigned">{t('tech.assignedTo', { role: t(`tech.device.${p.assignedTo}`) })}</span>}
      {!p.assignedTo && (
        <div class="tech-actions">
          <button type="button" class="btn btn-quiet" disabled={busy} data-testid="tech-probe" onClick={() => void call('tech.probe', { path: p.path }).then((r) => (setProbe(r), r?.proposed && choose(r.proposed)))}>
            {t('tech.probe')}
          </button>
          {ROLES.map((r) => (
            <button type="button" key={r} class={`btn ${assigning === r ? 'btn-primary' : 'btn-quiet'}`} aria-pressed={assigning === r} data-testid={`tech-assign-${r}`} onClick={() => choose(r)}>
              {t('tech.assignAs', { role: t(`tech.device.${r}`) })}
            </button>
          ))}
        </div>
      )}
      {busy && <Busy label={t('tech.probing')} />}
      {probe && (
        <p class="note" data-testid="tech-probe-result" data-proposed={probe.proposed ?? ''}>
          {probe.proposed ? t('tech.proposed', { role: t(`tech.device.${probe.proposed}`) }) : t('tech.noAnswer')}
        </p>
      )}
      {assigning && !p.assignedTo && (
        <>
          <div class="tech-row" role="group" aria-label={t('tech.profileChoice')}>
            <span class="tech-row-label">{t('tech.profileChoice')}</span>
            {props.profiles
              ?.find((x) => x.role === assigning)
              ?.ids.map((id) => (
                <button type="button" key={id} dir="ltr" class={`btn ${profile === id ? 'btn-primary' : 'btn-quiet'}`} aria-pressed={profile === id} data-testid={`profile-${id}`} onClick={() => setProfile(id)}>
                  {id}
                </button>
              ))}
          </div>
          <LineSettingsPicker value={line} onChange={setLine} />
          <button type="button" class="btn btn-primary btn-huge" disabled={busy} data-testid="tech-apply" onClick={() => void apply()}>
            {t('tech.apply')}
          </button>
        </>
      )}
      {applied && (
        <p class="note ok" role="status" data-testid="tech-applied">
          {t('tech.applied')}
        </p>
      )}
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
