import { join, resolve } from 'node:path';
import type { KioskConfig } from './config.ts';
import { createDispatcher, type Dispatcher } from './bridge/dispatcher.ts';
import { EventHub } from './bridge/event-hub.ts';
import { openDatabase, type Db } from './store/database.ts';
import { TransactionsRepo } from './store/transactions-repo.ts';
import { OutboxRepo } from './store/outbox-repo.ts';
import { RecordsRepo } from './store/records-repo.ts';
import { DeviceEventsRepo } from './store/device-events-repo.ts';
import { SettingsRepo } from './store/settings-repo.ts';
import { CatalogueStore } from './catalogue/catalogue-store.ts';
import { CatalogueUpdater } from './catalogue/catalogue-updater.ts';
import { nextPaymentReference } from './numbering/local-numbers.ts';
import { IdentityService } from './session/identity-service.ts';
import { OutboxService } from './outbox/outbox-service.ts';
import { readSyncStatus, type SyncStatus } from './connectivity/sync-status.ts';
import { openGateway } from './gateway/open-gateway.ts';
import { kioskInfo } from './handlers/kiosk-info.ts';
import type { DemoGateway } from './demo-gateway/server.ts';
import { OutboxSender } from './outbox/outbox-sender.ts';
import { PaymentService } from './payment/payment-service.ts';
import { VisitorSessions } from './session/visitor-session.ts';
import { createHandlers } from './handlers/handlers.ts';
import { createTranslator } from './i18n/translator.ts';
import { PROFILES } from './profiles/profiles.ts';
import { createLogger, type Logger } from './log/logger.ts';
import { openDevices, type KioskDevices } from './devices/devices.ts';

export interface Kiosk {
  readonly config: KioskConfig;
  readonly dispatcher: Dispatcher;
  readonly events: EventHub;
  readonly db: Db;
  readonly transactions: TransactionsRepo;
  readonly outbox: OutboxRepo;
  /** Complaints and queue tickets: enqueue here, delivered by the outbox. */
  readonly outboxService: OutboxService;
  /** Outbox depth, oldest age, last successful sync: for the fleet status. */
  syncStatus(): SyncStatus;
  readonly sessions: VisitorSessions;
  readonly payments: PaymentService;
  readonly devices: KioskDevices;
  /** Present when the gateway is the embedded demo one. */
  readonly demoGateway: DemoGateway | undefined;
  readonly log: Logger;
  close(): Promise<void>;
}

export interface ComposeOptions {
  now?: () => Date;
  log?: Logger;
}

const ASSETS = new URL('../assets/', import.meta.url);

/** The composition root: builds every service from the typed config, dependencies passed in. */
export async function createKiosk(config: KioskConfig, opts: ComposeOptions = {}): Promise<Kiosk> {
  const dataDir = resolve(config.dataDir);
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? createLogger({ file: join(dataDir, 'logs', 'kiosk.log'), level: config.log.level, console: config.log.console });
  const profile = PROFILES[config.profile];
  const events = new EventHub();

  const db = openDatabase(join(dataDir, 'kiosk.sqlite'));
  const transactions = new TransactionsRepo(db);
  const outbox = new OutboxRepo(db);
  const records = new RecordsRepo(db);
  const settings = new SettingsRepo(db);

  const { gateway, gatewayUrl, connectivity, demoGateway } = await openGateway(config, dataDir, log);

  const devices = await openDevices(config.devices, { log, profile, terminalPassword: config.paymentTerminal.password });
  const sessions = new VisitorSessions();
  const identity = new IdentityService({ sessions, profile: profile.id, reader: devices.idReader, emit: (e, p) => events.emit(e, p), log });
  const catalogue = new CatalogueStore({ bundledDir: new URL('catalogue/', ASSETS), cacheFile: join(dataDir, 'catalogue-cache.json'), profile: profile.id });
  const t = createTranslator(new URL('locales/', ASSETS));
  // Callbacks reach `payments` lazily: both are built before either is used.
  const sender = new OutboxSender({
    db,
    outbox,
    transactions,
    records,
    gateway,
    log,
    now,
    backoff: config.outbox,
    onPostingChanged: (id) => payments.postingChanged(id),
    onSettled: (row) => outboxService.settled(row),
  });
  const outboxService = new OutboxService({ db, outbox, records, now, wake: () => sender.wake() });

  const payments = new PaymentService({
    db,
    transactions,
    outbox,
    terminal: devices.terminal,
    printer: devices.printer,
    sessions,
    profile,
    receipt: {
      t,
      profile,
      kioskId: config.kioskId,
      location: config.location,
      timeZone: profile.timeZone,
      verifyUrl: `${gatewayUrl}/verify/`,
    },
    kioskId: config.kioskId,
    log,
    now,
    emit: (e, p) => events.emit(e, p),
    onEnqueued: () => sender.wake(),
    isOnline: () => connectivity.online,
    nextReference: () => nextPaymentReference(settings, config.kioskNumber, now()),
  });
  devices.terminal.onLateMessage?.((m) => payments.recordLateTerminalMessage(m));
  const catalogueUpdater = new CatalogueUpdater({ store: catalogue, gateway, profile: profile.id, log });
  catalogue.onChange(() => events.emit('catalogue.changed', { version: catalogue.version }));
  connectivity.onChange((online) => {
    events.emit('connectivity', { online });
    if (!online) return;
    sender.wake();
    void catalogueUpdater.refresh();
  });
  const deviceEvents = new DeviceEventsRepo(db);
  devices.onChange(() => (deviceEvents.recordChanges(devices.summary(), now().toISOString()), events.emit('devices.changed', { devices: devices.summary() })));

  const info = kioskInfo(config, profile);
  const dispatcher = createDispatcher(
    createHandlers({
      info: () => info,
      isOnline: () => connectivity.online,
      devices: () => devices.summary(),
      sessions,
      endSession: () => (sessions.end(), devices.printer.cancelPending()),
      identity,
      payments,
      visitor: { sessions, identity, gateway, profile, donationMaxMinor: info.donations.maxMinor },
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
      },
    }),
    log,
  );

  // Start-up order matters: resolve interrupted payments before anything new can start.
  await payments.recover();
  connectivity.start();
  sender.wake();
  void catalogueUpdater.refresh();
  log.info('kiosk', 'started', { kioskId: config.kioskId, profile: profile.id, gateway: config.gateway.mode });

  return {
    config,
    dispatcher,
    events,
    db,
    transactions,
    outbox,
    outboxService,
    syncStatus: () => readSyncStatus({ outbox, online: connectivity.online, lastReachableAt: connectivity.lastReachableAt, now: now() }),
    sessions,
    payments,
    devices,
    demoGateway,
    log,
    async close() {
      connectivity.stop();
      sender.stop();
      await payments.settled();
      sessions.end();
      identity.close();
      await devices.close();
      await demoGateway?.close();
      db.close();
    },
  };
}
