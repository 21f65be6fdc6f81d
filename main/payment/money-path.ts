import { TransactionsRepo } from '../store/transactions-repo.ts';
import { OutboxRepo } from '../store/outbox-repo.ts';
import { RecordsRepo } from '../store/records-repo.ts';
import { AuditRepo } from '../store/audit-repo.ts';
import { AlertsRepo } from '../store/alerts-repo.ts';
import type { GatewayClient } from '../gateway/client.ts';
import { OutboxSender } from '../outbox/outbox-sender.ts';
import { OutboxService } from '../outbox/outbox-service.ts';
import { PaymentService, type PaymentServiceDeps } from './payment-service.ts';
import { MoneyDesk } from './money-desk.ts';
import { recordLateTerminalMessage } from './payment-records.ts';

/** What the payment service needs from outside the money path, plus the sender's own settings. */
export type MoneyPathDeps = Pick<
  PaymentServiceDeps,
  'db' | 'terminal' | 'printer' | 'sessions' | 'profile' | 'receipt' | 'kioskId' | 'log' | 'now' | 'emit' | 'isOnline' | 'nextReference' | 'guesses' | 'reconcile' | 'postingGraceMs' | 'crashPoint'
> & {
  gateway: GatewayClient;
  backoff: { baseMs: number; capMs: number };
  batchSize?: number;
  random?: () => number;
  /** Wake the sender on approval (the kiosk does); crash runs deliver only after the receipt. */
  wakeOnApproval?: boolean;
};

export interface MoneyPath {
  transactions: TransactionsRepo;
  outbox: OutboxRepo;
  records: RecordsRepo;
  audit: AuditRepo;
  alerts: AlertsRepo;
  sender: OutboxSender;
  /** Complaints and queue tickets: enqueue here, delivered by the outbox. */
  outboxService: OutboxService;
  payments: PaymentService;
  /** The technician's money methods. */
  desk: MoneyDesk;
  /** Stops delivering and waits for the running payment; the caller closes the database. */
  close(): Promise<void>;
}

/**
 * The one place the money path is wired: journal, outbox, sender, payment service,
 * reconciliation and the technician's desk. The kiosk (compose.ts) and every test and bench
 * of the money path build it here, so what is tested is what ships.
 */
export function createMoneyPath(d: MoneyPathDeps): MoneyPath {
  const { db, log, now } = d;
  const transactions = new TransactionsRepo(db, (message) => log.error('payment', 'refused state transition', { message }));
  const outbox = new OutboxRepo(db);
  const records = new RecordsRepo(db);
  const audit = new AuditRepo(db);
  const alerts = new AlertsRepo(db);
  // The sender reaches the payment service lazily: both are built before either is used.
  const sender = new OutboxSender({
    db, outbox, transactions, records, alerts, gateway: d.gateway, log, now, backoff: d.backoff,
    ...(d.batchSize !== undefined && { batchSize: d.batchSize }),
    ...(d.random && { random: d.random }),
    onPostingChanged: (id) => payments.postingChanged(id),
    onSettled: (row, state) => {
      outboxService.settled(row);
      // A dead posting is a charged visitor whose entity has not accepted the payment: an alert, not a log line.
      if (state === 'dead') alerts.raise({ at: now().toISOString(), kind: `${row.kind}.deadLetter`, severity: row.kind === 'payment' ? 'critical' : 'warning', subject: String(row.id), detail: { kind: row.kind, reason: outbox.get(row.id)?.lastError ?? null } });
    },
  });
  const outboxService = new OutboxService({ db, outbox, records, now, wake: () => sender.wake() });
  const payments = new PaymentService({
    db, transactions, outbox, terminal: d.terminal, printer: d.printer, sessions: d.sessions, profile: d.profile,
    receipt: d.receipt, kioskId: d.kioskId, log, now, emit: d.emit, isOnline: d.isOnline, alerts,
    onEnqueued: () => (d.wakeOnApproval ?? true) && sender.wake(),
    ...(d.nextReference && { nextReference: d.nextReference }),
    ...(d.guesses && { guesses: d.guesses }),
    ...(d.reconcile && { reconcile: d.reconcile }),
    ...(d.postingGraceMs !== undefined && { postingGraceMs: d.postingGraceMs }),
    ...(d.crashPoint && { crashPoint: d.crashPoint }),
  });
  const desk = new MoneyDesk({ db, transactions, outbox, audit, alerts, payments, now, wake: () => sender.wake(), requeue: (id) => sender.requeue(id) });

  const offLate = d.terminal.onLateMessage?.((m) => recordLateTerminalMessage(m, audit, log, now().toISOString()));
  // Back after a drop or a restart: a payment that only lacked the terminal's answer is asked again.
  const offStatus = d.terminal.onStatus((s) => {
    if (s.device === 'online') void payments.retryAfterTerminalReturn().catch((err) => log.error('payment', 'reconciliation on return failed', { error: String(err) }));
  });

  return {
    transactions, outbox, records, audit, alerts, sender, outboxService, payments, desk,
    async close() {
      offLate?.();
      offStatus();
      sender.stop();
      await payments.settled();
    },
  };
}
