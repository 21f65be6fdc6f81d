import { join, resolve } from 'node:path';
import type { KioskConfig } from './config.ts';
import type { ComposeOptions, Kiosk } from './kiosk.ts';
import { createDispatcher } from './bridge/dispatcher.ts';
import { EventHub } from './bridge/event-hub.ts';
import { openDatabase } from './store/database.ts';
import { secureDataDir } from './store/data-dir.ts';
import { DeviceEventsRepo } from './store/device-events-repo.ts';
import { SettingsRepo } from './store/settings-repo.ts';
import { GatewayFlagsRepo } from './store/gateway-flags-repo.ts';
import { CatalogueStore } from './catalogue/catalogue-store.ts';
import { CatalogueUpdater } from './catalogue/catalogue-updater.ts';
import { nextPaymentReference } from './numbering/local-numbers.ts';
import { IdentityService } from './session/identity-service.ts';
import { readSyncStatus } from './connectivity/sync-status.ts';
import { openGateway } from './gateway/open-gateway.ts';
import { KioskRegistration } from './gateway/kiosk-registration.ts';
import { kioskInfo } from './handlers/kiosk-info.ts';
import { createMoneyPath } from './payment/money-path.ts';
import { VisitorSessions } from './session/visitor-session.ts';
import { createHandlers } from './handlers/handlers.ts';
import { createTranslator } from './i18n/translator.ts';
import { PROFILES } from './profiles/profiles.ts';
import { createKioskLogger, kioskLogFile } from './log/kiosk-log.ts';
import { openDevices } from './devices/devices.ts';
import { createMoneyUpkeep } from './payment/money-upkeep.ts';
import { assignedDevices, openTechnician } from './technician/technician.ts';
import { startWithSiteSettings } from './technician/site-start.ts';

export type { Kiosk, ComposeOptions } from './kiosk.ts';

const ASSETS = new URL('../assets/', import.meta.url);

/** The composition root: builds every service from the typed config, dependencies passed in. */
export async function createKiosk(fileConfig: KioskConfig, opts: ComposeOptions = {}): Promise<Kiosk> {
  const dataDir = resolve(fileConfig.dataDir);
  const now = opts.now ?? (() => new Date());
  const logFile = kioskLogFile(dataDir);
  const log = opts.log ?? createKioskLogger(fileConfig);
  const events = new EventHub();

  const db = openDatabase(join(dataDir, 'kiosk.sqlite'));
  // Identity and connection a technician set (settings history) over the file's: they apply here, at start.
  const site = startWithSiteSettings(db, fileConfig, log);
  const config = site.config;
  const profile = PROFILES[config.profile];
  const settings = new SettingsRepo(db);

  const { gateway, gatewayUrl, connectivity, demoGateway } = await openGateway(config, dataDir, log);
  secureDataDir(dataDir); // owner-only, including what older builds and the demo gateway wrote

  const devices = await openDevices(assignedDevices(db, config.devices), { log, profile, terminalPassword: config.paymentTerminal.password, stateDir: dataDir, ...opts.devices });
  const sessions = new VisitorSessions();
  const identity = new IdentityService({ sessions, profile: profile.id, reader: devices.idReader, emit: (e, p) => events.emit(e, p), log });
  const catalogue = new CatalogueStore({ bundledDir: new URL('catalogue/', ASSETS), cacheFile: join(dataDir, 'catalogue-cache.json'), profile: profile.id });
  const t = createTranslator(new URL('locales/', ASSETS));
  const upkeep = createMoneyUpkeep({ db, config, profile, terminal: devices.terminal, printer: devices.printer, t, log, now, terminalInUse: () => money.payments.busy() });
  const money = createMoneyPath({
    db,
    gateway,
    terminal: devices.terminal,
    printer: devices.printer,
    sessions,
    profile,
    receipt: { t, profile, kioskId: config.kioskId, location: config.location, timeZone: profile.timeZone, verifyUrl: `${gatewayUrl}/verify/` },
    kioskId: config.kioskId,
    log,
    now,
    // Payment events go only to the connection whose visitor session started the payment.
    emit: (e, p) => events.emit(e, p, 'transactionId' in p ? { sessionId: money.payments.ownerOf(p.transactionId) ?? 'nobody' } : undefined),
    isOnline: () => connectivity.online,
    backoff: config.outbox,
    nextReference: () => nextPaymentReference(settings, config.kioskNumber, now(), profile.timeZone),
    guesses: upkeep.guesses,
  });
  const { transactions, outbox, outboxService, payments } = money;
  const catalogueUpdater = new CatalogueUpdater({ store: catalogue, gateway, profile: profile.id, log });
  catalogue.onChange(() => events.emit('catalogue.changed', { version: catalogue.version }));
  connectivity.onChange((online) => {
    events.emit('connectivity', { online });
    if (!online) return;
    money.sender.wake();
    void catalogueUpdater.refresh();
  });
  const deviceEvents = new DeviceEventsRepo(db);
  devices.onChange(() => (deviceEvents.recordChanges(devices.summary(), now().toISOString()), events.emit('devices.changed', { devices: devices.summary() })));

  const info = kioskInfo(config, profile);
  const registration = new KioskRegistration({ gateway, kiosk: { kioskId: config.kioskId, kioskNumber: config.kioskNumber, location: config.location }, log });
  const technician = await openTechnician({ config, db, devices, visitors: sessions, connectivity, events, log, logFile, money: { desk: money.desk, endOfDay: upkeep.endOfDay }, now, site, dataDir, requestRestart: opts.requestRestart });
  const dispatcher = createDispatcher(
    createHandlers({
      info: () => ({ ...info, idle: technician.idle() }),
      paymentsRefused: () => registration.refusal,
      isOnline: () => connectivity.online,
      devices: () => devices.summary(),
      sessions,
      endSession: () => (sessions.end(), devices.printer.cancelPending()),
      identity,
      payments,
      visitor: { sessions, identity, gateway, profile, holds: (items) => payments.holds(items), donationMaxMinor: info.donations.maxMinor },
      services: {
        catalogue: () => ({ version: catalogue.version, catalogue: catalogue.catalogue }),
        sessions,
        outbox: outboxService,
        settings,
        gateway,
        printer: devices.printer,
        receipts: { t, country: profile.name, kioskId: config.kioskId, location: config.location, timeZone: profile.timeZone },
        kioskId: config.kioskId,
        kioskNumber: config.kioskNumber,
        isOnline: () => connectivity.online,
        now,
        answerWaitMs: 3000,
        guesses: upkeep.guesses,
      },
      technician: technician.handlers,
    }),
    log,
    technician.guard,
  );

  // Start-up order matters: resolve interrupted payments before anything new can start.
  await payments.recover();
  upkeep.start();
  connectivity.start();
  registration.start(connectivity);
  money.sender.wake();
  void catalogueUpdater.refresh();
  log.info('kiosk', 'started', { kioskId: config.kioskId, profile: profile.id, gateway: config.gateway.mode });

  const kiosk: Kiosk = {
    config,
    dispatcher,
    events,
    db,
    transactions,
    outbox,
    outboxService,
    syncStatus: () => readSyncStatus({ outbox, online: connectivity.online, lastReachableAt: connectivity.lastReachableAt, now: now(), flags: new GatewayFlagsRepo(db) }),
    sessions,
    payments,
    desk: money.desk,
    alerts: money.alerts,
    upkeep,
    devices,
    demoGateway,
    log,
    technician,
    async close() {
      await kiosk.fleet?.stop();
      await technician.close();
      connectivity.stop();
      upkeep.stop();
      // Requests in flight finish (a payment being journaled, a receipt printing) before the database closes.
      await dispatcher.idle();
      await money.close();
      sessions.end();
      identity.close();
      await devices.close();
      await demoGateway?.close();
      db.close();
    },
  };
  // Loaded only when configured: the MQTT client is a large part of the core's start-up time.
  const fleet = config.fleet && (await import('./fleet/start-fleet.ts')).startFleet(kiosk, config.fleet, now);
  return Object.assign(kiosk, { fleet: await fleet });
}
