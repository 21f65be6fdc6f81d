import type { KioskConfig } from './config.ts';
import type { Dispatcher } from './bridge/dispatcher.ts';
import type { EventHub } from './bridge/event-hub.ts';
import type { Db } from './store/database.ts';
import type { TransactionsRepo } from './store/transactions-repo.ts';
import type { OutboxRepo } from './store/outbox-repo.ts';
import type { AlertsRepo } from './store/alerts-repo.ts';
import type { OutboxService } from './outbox/outbox-service.ts';
import type { SyncStatus } from './connectivity/sync-status.ts';
import type { DemoGateway } from './demo-gateway/server.ts';
import type { PaymentService } from './payment/payment-service.ts';
import type { MoneyDesk } from './payment/money-desk.ts';
import type { MoneyUpkeep } from './payment/money-upkeep.ts';
import type { VisitorSessions } from './session/visitor-session.ts';
import type { Logger } from './log/logger.ts';
import type { DeviceDeps, KioskDevices } from './devices/devices.ts';
import type { KioskFleet } from './fleet/start-fleet.ts';
import type { Technician } from './technician/technician.ts';

/** The composed kiosk (main/compose.ts builds it): what the shells, the fleet and the tests hold. */
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
  /** The technician's money methods (flagged payments, dead letters, lanes). */
  readonly desk: MoneyDesk;
  /** What a person must act on (fleet and technician read these). */
  readonly alerts: AlertsRepo;
  /** Guess limit, end of day (scheduled, and on demand for technicians), retention. */
  readonly upkeep: MoneyUpkeep;
  readonly devices: KioskDevices;
  /** Present when the gateway is the embedded demo one. */
  readonly demoGateway: DemoGateway | undefined;
  readonly log: Logger;
  /** Present when the config has a `fleet` section. */
  readonly fleet?: KioskFleet | undefined;
  readonly technician: Technician;
  close(): Promise<void>;
}

export interface ComposeOptions {
  now?: () => Date;
  log?: Logger;
  /** Device options beyond the config (tests: a faster embedded terminal simulator). */
  devices?: Pick<DeviceDeps, 'terminalSimulator' | 'serialRetryMs'>;
  /**
   * A technician asked for a restart (settings that apply at start-up): the owner of the process
   * closes the kiosk and starts it again. Absent: the kiosk cannot restart itself.
   */
  requestRestart?: (reason: string) => void;
}
