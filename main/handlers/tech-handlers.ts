import type { Handlers } from '../bridge/dispatcher.ts';
import type { DeviceAssignment, DeviceRole, TechAssignLink, TechMethod, TechMoneyMethod } from '../contract/api.ts';
import { KioskError } from '../contract/result.ts';
import type { DeviceLinkConfig } from '../config.ts';
import type { KioskDevices } from '../devices/devices.ts';
import type { AppStateModel } from '../availability/app-state.ts';
import type { AuditRepo } from '../store/audit-repo.ts';
import type { TechnicianAccounts } from '../technician/accounts.ts';
import type { PinLockout } from '../technician/lockout.ts';
import type { TechnicianSessions } from '../technician/tech-sessions.ts';
import type { ListPorts } from '../technician/ports.ts';
import type { AssignmentsRepo } from '../technician/assignments-repo.ts';
import type { ProbeResult } from '../contract/api.ts';
import type { TechSiteMethod } from '../contract/tech-site-api.ts';
import { PRINTER_PROFILES } from '../../drivers/printer/index.ts';
import { READER_PROFILES } from '../../drivers/idreader/index.ts';
import { printerTest, readerTest, terminalTest, type DeviceTestDeps } from '../technician/device-tests.ts';

export interface TechHandlerDeps {
  accounts: Pick<TechnicianAccounts, 'verify'>;
  lockout: PinLockout;
  sessions: TechnicianSessions;
  appState: AppStateModel;
  devices: KioskDevices;
  assignments: AssignmentsRepo;
  audit: AuditRepo;
  listPorts: ListPorts;
  probe: (path: string, baudRate?: number) => Promise<ProbeResult>;
  /** True while a visitor's payment is with the terminal: no technician may take over then. */
  paymentInFlight: () => boolean;
  /** Ends any visitor session (a technician never sees a visitor's data). */
  endVisitorSession: () => void;
  /** Starts watching for USB hot-plug while a technician is in. */
  watchPorts: () => void;
  kioskId: string;
  /** The money path's end of day (the terminal test runs the real one, compared and recorded). */
  endOfDay: DeviceTestDeps['endOfDay'];
  now: () => Date;
}

const PROFILES: { role: DeviceRole; ids: string[] }[] = [
  { role: 'printer', ids: Object.keys(PRINTER_PROFILES) },
  { role: 'terminal', ids: ['zvt'] },
  { role: 'idReader', ids: Object.keys(READER_PROFILES) },
];

function toLinkConfig(link: TechAssignLink): DeviceLinkConfig {
  if (link.link === 'simulator') return { link: 'simulator' };
  return { link: 'serial', path: link.path, baudRate: link.line.baudRate, parity: link.line.parity, stopBits: link.line.stopBits, rtscts: link.line.rtscts };
}

/** The technician's part of the handler map; the dispatcher's guard has already checked the session. */
export function techHandlers(d: TechHandlerDeps): Pick<Handlers, Exclude<TechMethod, TechMoneyMethod | TechSiteMethod | 'tech.settings' | 'tech.saveSettings' | 'tech.rollback' | 'tech.logs' | 'tech.media' | 'tech.diagnostics' | 'tech.sendDiagnostics'>> {
  const actor = () => d.sessions.account?.name ?? 'unknown';
  const audit = (action: string, detail?: Record<string, unknown>, who = actor()) => d.audit.append({ at: d.now().toISOString(), actor: who, action, ...(detail && { detail }) });
  const summary = (name: DeviceRole) => d.devices.summary().find((s) => s.name === name) ?? { name, state: 'noDevice' };
  const testDeps: DeviceTestDeps = { devices: d.devices, kioskId: d.kioskId, now: d.now, summary, endOfDay: d.endOfDay };
  const assignment = (role: DeviceRole): DeviceAssignment => {
    const link = d.devices.links()[role];
    return {
      role,
      link: link.link,
      profile: role === 'printer' ? d.devices.printerProfile() : role === 'idReader' ? d.devices.readerProfile() : PROFILES.find((p) => p.role === role)!.ids[0]!,
      status: summary(role),
      ...(link.link === 'serial' && {
        path: link.path,
        line: { baudRate: link.baudRate ?? 9600, parity: link.parity ?? 'none', stopBits: link.stopBits ?? 1, rtscts: link.rtscts ?? false },
      }),
    };
  };
  // One PIN check at a time: two racing attempts must not both slip under the lockout.
  let loginChain: Promise<unknown> = Promise.resolve();

  const login = async (pin: string, conn: string) => {
    const nowMs = d.now().getTime();
    const st = d.lockout.state(nowMs);
    if (st.locked) throw new KioskError('locked', String(Math.ceil(st.retryInMs / 1000)));
    const account = await d.accounts.verify(pin);
    if (!account) {
      const after = d.lockout.failed(d.now().getTime());
      audit('tech.pinRejected', { attemptsLeft: after.attemptsLeft, locked: after.locked }, 'kiosk');
      if (after.locked) throw new KioskError('locked', String(Math.ceil(after.retryInMs / 1000)));
      throw new KioskError('unauthorized', String(after.attemptsLeft));
    }
    d.lockout.succeeded();
    if (d.paymentInFlight()) throw new KioskError('conflict', 'a payment is in progress');
    d.endVisitorSession();
    d.sessions.begin(conn, account);
    audit('tech.login', { role: account.role });
    d.watchPorts();
    return { name: account.name, role: account.role };
  };

  return {
    'tech.entry': () => {
      const st = d.lockout.state(d.now().getTime());
      return { locked: st.locked, retryInSeconds: Math.ceil(st.retryInMs / 1000), attemptsLeft: st.attemptsLeft };
    },
    'tech.login': ({ pin }, { connection }) => {
      const conn = connection.id === 'core' ? undefined : connection.id;
      if (!conn) throw new KioskError('unauthorized', 'technician entry needs a connection');
      const run = loginChain.then(() => login(pin, conn));
      loginChain = run.catch(() => undefined);
      return run;
    },
    'tech.logout': () => {
      d.sessions.end('exit');
      return null;
    },
    'tech.overview': () => {
      const account = d.sessions.account!;
      return {
        technician: { name: account.name, role: account.role },
        kiosk: d.appState.current,
        devices: (['printer', 'terminal', 'idReader'] as const).map(assignment),
        profiles: PROFILES,
      };
    },
    'tech.ports': async () => {
      const links = d.devices.links();
      return (await d.listPorts()).map((p) => {
        const role = (Object.keys(links) as DeviceRole[]).find((r) => { const l = links[r]; return l.link === 'serial' && l.path === p.path; });
        return role ? { ...p, assignedTo: role } : p;
      });
    },
    'tech.probe': async ({ path, baudRate }) => {
      const links = d.devices.links();
      const holder = (Object.keys(links) as DeviceRole[]).find((r) => { const l = links[r]; return l.link === 'serial' && l.path === path; });
      if (holder) throw new KioskError('conflict', `${path} is in use by the ${holder}`);
      const r = await d.probe(path, baudRate);
      audit('tech.probe', { path, proposed: r.proposed ?? null });
      return r;
    },
    'tech.assign': async ({ role, link }) => {
      const cfg = toLinkConfig(link);
      const links = d.devices.links();
      if (cfg.link === 'serial') {
        const other = (Object.keys(links) as DeviceRole[]).find((r) => { const l = links[r]; return r !== role && l.link === 'serial' && l.path === cfg.path; });
        if (other) throw new KioskError('conflict', `${cfg.path} is in use by the ${other}`);
      }
      const profile = link.link === 'serial' ? link.profile : undefined;
      if (profile !== undefined && !PROFILES.find((p) => p.role === role)!.ids.includes(profile)) throw new KioskError('invalidRequest', `no ${role} profile ${profile}`);
      const before = links[role];
      const profileBefore = role === 'printer' ? d.devices.printerProfile() : role === 'idReader' ? d.devices.readerProfile() : undefined;
      await d.devices.reassign(role, cfg);
      if (role === 'printer' && profile) d.devices.setPrinterProfile(profile);
      if (role === 'idReader' && profile) d.devices.setReaderProfile(profile);
      d.assignments.set(role, cfg, actor(), d.now().toISOString(), profile);
      audit('tech.assign', { role, from: before, to: cfg, ...(profile && { profile: { from: profileBefore, to: profile } }) });
      d.appState.refresh();
      return assignment(role);
    },
    'tech.printerTest': async ({ kind }) => {
      const r = await printerTest(testDeps, kind);
      audit('tech.printerTest', { kind, ok: r.ok, code: r.code });
      return r;
    },
    'tech.terminalTest': async ({ kind, locale }) => {
      const r = await terminalTest(testDeps, kind, locale);
      audit('tech.terminalTest', { kind, ok: r.ok, code: r.code });
      d.appState.refresh();
      return r;
    },
    'tech.readerTest': async ({ waitMs }) => {
      const r = await readerTest(testDeps, waitMs);
      audit('tech.readerTest', { ok: r.read, code: r.code });
      return r;
    },
  };
}
