import type { Handlers, DispatchGuard } from '../bridge/dispatcher.ts';
import type { EventHub } from '../bridge/event-hub.ts';
import type { TechMethod } from '../contract/api.ts';
import type { KioskConfig } from '../config.ts';
import type { Db } from '../store/database.ts';
import type { KioskDevices } from '../devices/devices.ts';
import type { Logger } from '../log/logger.ts';
import type { VisitorSessions } from '../session/visitor-session.ts';
import { openSerialTransport } from '../../drivers/transport/serial-transport.ts';
import { AuditRepo } from '../store/audit-repo.ts';
import { AppStateModel } from '../availability/app-state.ts';
import { evaluateServices } from '../availability/requirements.ts';
import { techHandlers } from '../handlers/tech-handlers.ts';
import { TechnicianAccounts } from './accounts.ts';
import { PinLockout, DEFAULT_LOCKOUT } from './lockout.ts';
import { TechnicianSessions } from './tech-sessions.ts';
import { technicianGuard } from './guard.ts';
import { listPorts, PortWatcher } from './ports.ts';
import { probePort } from './probe.ts';
import { AssignmentsRepo } from './assignments-repo.ts';
import { isDemoMode, syncDemoTechnician } from './demo-mode.ts';
import { isOpen, SettingsHistory, settingsFromConfig } from './settings-history.ts';
import { techSettingsHandlers } from '../handlers/tech-settings-handlers.ts';
import { PROFILES } from '../profiles/profiles.ts';
import { techLogHandlers, type FleetDiagnosticsLink } from '../handlers/tech-log-handlers.ts';
import { buildDiagnostics, type DiagnosticsBundle } from './diagnostics.ts';
import { redact, mayMarkWorked } from './settings-history.ts';
import { techMoneyHandlers } from '../handlers/tech-money-handlers.ts';
import type { MoneyDesk } from '../payment/money-desk.ts';
import type { EndOfDay } from '../payment/end-of-day.ts';
import { recordsUnderIdentity, type SiteStart } from './site-start.ts';
import { diffSite } from './site-settings.ts';
import { techSiteHandlers } from '../handlers/tech-site-handlers.ts';

/** The technician's device assignments applied over the config's (for the composition root). */
export { assignedDevices } from './assignments-repo.ts';

export interface TechnicianDeps {
  config: KioskConfig;
  db: Db;
  devices: KioskDevices;
  visitors: VisitorSessions;
  connectivity: { readonly online: boolean; onChange(fn: (online: boolean) => void): () => void };
  events: EventHub;
  log: Logger;
  /** The log file the viewer and the diagnostics bundle read. */
  logFile: string;
  /** The money path's desk and end of day, on the technician's money screen. */
  money: { desk: MoneyDesk; endOfDay: EndOfDay };
  now: () => Date;
  /** Identity and connection: what the kiosk started with (compose applied them), and where credentials go. */
  site: SiteStart;
  dataDir: string;
  /** Closes the kiosk and starts it again (launcher: exit for systemd; shell: a fresh core). */
  requestRestart?: ((reason: string) => void) | undefined;
}

export interface Technician {
  handlers: Pick<Handlers, TechMethod | 'kiosk.state'>;
  guard: DispatchGuard;
  /** The kiosk application state (available/unavailable/active/maintenance), for the fleet status too. */
  appState: AppStateModel;
  /** Idle timings from the current settings version (applied live). */
  idle(): { seconds: number; warningSeconds: number };
  /** The operations centre put the kiosk out of service (or back): no visitor service while it is. */
  setRemoteOutOfService(on: boolean): void;
  /** The diagnostics bundle (the same builder as the USB stick's), capped at `maxBytes` when given. */
  diagnostics(maxBytes?: number): DiagnosticsBundle;
  /** The fleet starts after the technician: it hands over its link here (undefined when it stops). */
  setFleetLink(link: FleetDiagnosticsLink | undefined): void;
  /** Also waits for the demo technician's account, if it is still being made (before the database closes). */
  close(): Promise<void>;
}

/** A settings version counts as working once the kiosk has been servable under it this long. */
const WORKED_AFTER_MS = 60_000;

/** Technician mode and the kiosk application state, wired from the composition root in one call. */
export async function openTechnician(d: TechnicianDeps): Promise<Technician> {
  const accounts = new TechnicianAccounts(d.db);
  // A first demo start hashes the demo PIN (scrypt, ~50 ms) while the kiosk opens: a sign-in, and
  // closing, wait for it. (Leaving demo mode removes the account at once, before the first await.)
  const demoSynced = syncDemoTechnician(accounts, isDemoMode(d.config)).catch((err) => d.log.warn('technician', 'demo technician not created', { error: String(err) }));
  const lockout = new PinLockout(d.db, { ...DEFAULT_LOCKOUT, baseMs: d.config.technician.lockoutBaseSeconds * 1000 });
  const audit = new AuditRepo(d.db);
  const ports = listPorts(d.config.technician.extraPorts);
  const watcher = new PortWatcher(ports, (list) => d.events.emit('tech.ports', { ports: list }));
  const sessions: TechnicianSessions = new TechnicianSessions({
    idleMs: d.config.technician.idleSeconds * 1000,
    onEnd: (account, reason) => {
      watcher.stop();
      audit.append({ at: d.now().toISOString(), actor: account.name, action: 'tech.logout', detail: { reason } });
      d.log.info('technician', 'technician session ended', { reason });
      appState.refresh();
      d.events.emit('tech.ended', { reason });
    },
    now: d.now,
  });
  const settings = new SettingsHistory(d.db, settingsFromConfig(d.config), d.site.file);
  const restartPending = () => diffSite(d.site.file, d.site.applied, settings.current().site).length > 0;
  const timeZone = PROFILES[d.config.profile].timeZone;
  let remoteOut = false;
  const services = () => {
    const s = settings.current();
    if (remoteOut) return evaluateServices(d.devices.summary(), d.connectivity.online, false).map((x) => ({ ...x, available: false, reason: 'remote' as const }));
    const closed = !isOpen(s.openingHours, d.now(), timeZone);
    // A service switched off in the settings is unavailable like one whose device is down.
    return evaluateServices(d.devices.summary(), d.connectivity.online, closed).map((x) =>
      x.available && !s.enabledServices.includes(x.id) ? { ...x, available: false, reason: 'internal' as const } : x,
    );
  };
  const appState: AppStateModel = new AppStateModel({
    technicianIn: () => sessions.active,
    visitorIn: () => d.visitors.current !== undefined,
    services,
    now: d.now,
  });
  let workedTimer: NodeJS.Timeout | undefined;
  const watchWorked = () => {
    clearTimeout(workedTimer);
    const st = appState.current.state;
    if (st !== 'available' && st !== 'active') return;
    const version = settings.currentId();
    const worked = () => mayMarkWorked({ servable: appState.current.state !== 'unavailable', restartPending: restartPending(), online: d.connectivity.online, siteChanged: settings.siteChangedSinceWorked() });
    workedTimer = setTimeout(() => version === settings.currentId() && worked() && settings.markWorked(), WORKED_AFTER_MS);
    workedTimer.unref?.();
  };
  appState.onChange((v) => (d.events.emit('kiosk.state', v), watchWorked()));
  watchWorked();
  // Opening hours begin and end with no other event: look every half minute.
  const clock = setInterval(() => appState.refresh(), 30_000);
  clock.unref?.();
  const offs = [d.devices.onChange(() => appState.refresh()), d.connectivity.onChange(() => (appState.refresh(), watchWorked()))];

  const assignments = new AssignmentsRepo(d.db);
  // The printer model a technician chose survives restarts, like the port.
  const printerProfile = assignments.profile('printer');
  if (printerProfile && !d.devices.setPrinterProfile(printerProfile)) d.log.warn('technician', 'unknown printer profile in assignments', { profile: printerProfile });
  const readerProfile = assignments.profile('idReader');
  if (readerProfile && !d.devices.setReaderProfile(readerProfile)) d.log.warn('technician', 'unknown ID reader profile in assignments', { profile: readerProfile });
  // Read only: the money path's own table says whether a payment is with the terminal.
  const paymentInFlight = () => d.db.prepare(`SELECT 1 FROM transactions WHERE state IN ('created', 'authorizing') LIMIT 1`).get() !== undefined;
  const handlers = techHandlers({
    accounts: { verify: async (pin) => (await demoSynced, accounts.verify(pin)) },
    lockout,
    sessions,
    appState,
    devices: d.devices,
    assignments,
    audit,
    listPorts: ports,
    probe: (path, baudRate) =>
      probePort(path, { open: (baud) => openSerialTransport({ path, baudRate: baud }), terminalPassword: d.config.paymentTerminal.password, ...(baudRate !== undefined && { baudRate }) }),
    paymentInFlight,
    // As the idle reset does: the visitor's session and their queued print jobs go.
    endVisitorSession: () => (d.visitors.end(), d.devices.printer.cancelPending()),
    watchPorts: () => watcher.start(),
    kioskId: d.config.kioskId,
    endOfDay: d.money.endOfDay,
    now: d.now,
  });
  const { siteView, ...siteHandlers } = techSiteHandlers({
    history: settings,
    start: d.site,
    audit,
    actor: () => sessions.account?.name ?? 'unknown',
    now: d.now,
    log: d.log,
    dataDir: d.dataDir,
    mediaRoots: d.config.technician.mediaRoots,
    // Postings not yet delivered and payments not yet settled were made under this identity.
    undelivered: () => recordsUnderIdentity(d.db),
    paymentInFlight,
    requestRestart: d.requestRestart,
  });
  const settingsHandlers = techSettingsHandlers({
    history: settings,
    audit,
    actor: () => sessions.account?.name ?? 'unknown',
    applied: () => (appState.refresh(), watchWorked()),
    site: siteView,
    now: d.now,
  });
  const diagnosticsInput = () => ({
    db: d.db,
    config: d.config,
    logFile: d.logFile,
    devices: { summary: d.devices.summary(), links: d.devices.links() },
    state: appState.current,
    settings: { current: redact(settings.current()), history: settings.history() },
  });
  let fleetLink: FleetDiagnosticsLink | undefined;
  const logHandlers = techLogHandlers({
    logFile: d.logFile,
    mediaRoots: d.config.technician.mediaRoots,
    diagnostics: diagnosticsInput,
    fleet: () => fleetLink,
    audit,
    actor: () => sessions.account?.name ?? 'unknown',
    now: d.now,
  });
  const moneyHandlers = techMoneyHandlers({
    ...d.money,
    audit,
    // The guard lets tech.* through only while a session is held.
    who: () => sessions.account ?? { name: 'unknown', role: 'technician' },
    currency: PROFILES[d.config.profile].currency,
    timeZone,
    now: d.now,
  });
  return {
    handlers: { ...handlers, ...settingsHandlers, ...siteHandlers, ...logHandlers, ...moneyHandlers, 'kiosk.state': () => appState.refresh() },
    idle: () => ({ seconds: settings.current().idleSeconds, warningSeconds: settings.current().idleWarningSeconds }),
    guard: technicianGuard(sessions, appState),
    appState,
    setRemoteOutOfService(on: boolean) {
      remoteOut = on;
      appState.refresh();
    },
    diagnostics: (maxBytes) => buildDiagnostics({ ...diagnosticsInput(), now: d.now() }, maxBytes === undefined ? {} : { maxBytes }),
    setFleetLink(link) {
      fleetLink = link;
    },
    async close() {
      clearInterval(clock);
      clearTimeout(workedTimer);
      sessions.end('exit');
      watcher.stop();
      offs.forEach((off) => off());
      await demoSynced;
    },
  };
}
