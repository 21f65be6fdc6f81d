import type { PaymentTerminal } from '../../drivers/payment/terminal.ts';
import type { ReceiptDocument, ReceiptPrinter } from '../../drivers/printer/printer.ts';
import { openDatabase, type Db, type OpenOptions } from '../../main/store/database.ts';
import { migrations } from '../../main/store/migrations/index.ts';
import { TransactionsRepo } from '../../main/store/transactions-repo.ts';
import { OutboxRepo } from '../../main/store/outbox-repo.ts';
import { RecordsRepo } from '../../main/store/records-repo.ts';
import { AuditRepo } from '../../main/store/audit-repo.ts';
import { createGatewayClient } from '../../main/gateway/client.ts';
import { OutboxSender } from '../../main/outbox/outbox-sender.ts';
import { PaymentService, type PaymentServiceDeps } from '../../main/payment/payment-service.ts';
import type { CrashPoint } from '../../main/payment/payment-states.ts';
import { VisitorSessions } from '../../main/session/visitor-session.ts';
import { createTranslator } from '../../main/i18n/translator.ts';
import { PROFILES } from '../../main/profiles/profiles.ts';
import { silentLogger } from '../../main/log/logger.ts';
import type { Events } from '../../main/contract/api.ts';

/** A printer that always prints (the money path, not paper, is under test here); counts jobs. */
export function fakePrinter(): ReceiptPrinter & { printed: ReceiptDocument[] } {
  const printed: ReceiptDocument[] = [];
  return {
    printed,
    checkStatus: async () => ({ device: 'online' as const }),
    print: async (doc) => (printed.push(doc), { ok: true, bytes: 1 }),
    cancelPending: () => undefined,
    status: () => ({ device: 'online' }),
    onStatus: () => () => undefined,
    close: async () => undefined,
  };
}

export interface MoneyCore {
  db: Db;
  transactions: TransactionsRepo;
  outbox: OutboxRepo;
  audit: AuditRepo;
  sender: OutboxSender;
  payments: PaymentService;
  sessions: VisitorSessions;
  printer: ReturnType<typeof fakePrinter>;
  /** Starts a visitor session with one bill of `amountMinor` and pays it; resolves when settled. */
  pay(amountMinor: number): Promise<string>;
  /** Resolves when the outbox has nothing pending (or rejects after `ms`). */
  drained(ms?: number): Promise<void>;
  close(): void;
}

/**
 * The kiosk's money path as compose.ts builds it (store, outbox sender, payment service), over
 * a given terminal and gateway, without UI or devices: for crash, integration and bench runs.
 */
export function createMoneyCore(o: {
  dbFile: string;
  terminal: PaymentTerminal;
  gatewayUrl: string;
  open?: OpenOptions;
  crashPoint?: (p: CrashPoint) => void;
  /** Wake the sender on approval (the kiosk does); crash runs wake it only after the receipt. */
  wakeOnApproval?: boolean;
  emit?: PaymentServiceDeps['emit'];
  reconcile?: PaymentServiceDeps['reconcile'];
  backoff?: { baseMs: number; capMs: number };
  /** Further payment-service dependencies (payment references, the guess limiter …). */
  extra?: Partial<Pick<PaymentServiceDeps, 'nextReference' | 'guesses'>>;
}): MoneyCore {
  const profile = PROFILES.KW;
  const db = openDatabase(o.dbFile, migrations, o.open);
  const transactions = new TransactionsRepo(db);
  const outbox = new OutboxRepo(db);
  const records = new RecordsRepo(db);
  const gateway = createGatewayClient({ baseUrl: o.gatewayUrl, kioskId: 'KW-CRASH-01', timeoutMs: 2000 });
  // The sender reaches the payment service lazily: both are built before either is used.
  const holder: { payments?: PaymentService } = {};
  const sender = new OutboxSender({
    db, outbox, transactions, records, gateway, log: silentLogger, now: () => new Date(),
    backoff: o.backoff ?? { baseMs: 20, capMs: 200 },
    onPostingChanged: (id) => holder.payments?.postingChanged(id),
  });
  const sessions = new VisitorSessions();
  const printer = fakePrinter();
  const payments = new PaymentService({
    db, transactions, outbox, terminal: o.terminal, printer, sessions, profile,
    receipt: {
      t: createTranslator(new URL('../../assets/locales/', import.meta.url)),
      profile, kioskId: 'KW-CRASH-01', location: { ar: 'اختبار', en: 'Test' }, timeZone: profile.timeZone, verifyUrl: `${o.gatewayUrl}/verify/`,
    },
    kioskId: 'KW-CRASH-01',
    log: silentLogger,
    now: () => new Date(),
    emit: (o.emit ?? (() => undefined)) as <E extends keyof Events>(e: E, p: Events[E]) => void,
    onEnqueued: () => (o.wakeOnApproval ?? true) && sender.wake(),
    isOnline: () => false,
    reconcile: o.reconcile ?? { attempts: 3, retryDelayMs: 300 },
    ...(o.crashPoint && { crashPoint: o.crashPoint }),
    ...o.extra,
  });
  holder.payments = payments;
  const core = payments;
  return {
    db, transactions, outbox, audit: new AuditRepo(db), sender, payments: core, sessions, printer,
    async pay(amountMinor) {
      sessions.start('ar');
      const payableId = `p-${amountMinor}-${Date.now()}`;
      sessions.rememberPayable({
        payableId, kind: 'bill', reference: `CR-${amountMinor}-${Date.now()}`,
        entity: { ar: 'جهة', en: 'Entity' }, label: { ar: 'فاتورة', en: 'Bill' }, amount: { amountMinor, currency: 'KWD' },
      });
      const { transactionId } = core.start([payableId]);
      await core.settled();
      sessions.end();
      return transactionId;
    },
    async drained(ms = 15_000) {
      const end = Date.now() + ms;
      sender.wake();
      while (outbox.depth().pending > 0) {
        if (Date.now() > end) throw new Error(`outbox not drained in ${ms} ms`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close() {
      sender.stop();
      db.close();
    },
  };
}
