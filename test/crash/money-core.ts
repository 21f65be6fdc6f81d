import type { PaymentTerminal } from '../../drivers/payment/terminal.ts';
import type { ReceiptDocument, ReceiptPrinter } from '../../drivers/printer/printer.ts';
import { openDatabase, type Db, type OpenOptions } from '../../main/store/database.ts';
import { migrations } from '../../main/store/migrations/index.ts';
import { createGatewayClient } from '../../main/gateway/client.ts';
import { createMoneyPath, type MoneyPath, type MoneyPathDeps } from '../../main/payment/money-path.ts';
import type { CrashPoint } from '../../main/payment/payment-states.ts';
import type { PaymentServiceDeps } from '../../main/payment/payment-service.ts';
import { VisitorSessions } from '../../main/session/visitor-session.ts';
import { createTranslator } from '../../main/i18n/translator.ts';
import { PROFILES } from '../../main/profiles/profiles.ts';
import { silentLogger, type Logger } from '../../main/log/logger.ts';

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

export interface MoneyCore extends Omit<MoneyPath, 'close'> {
  db: Db;
  sessions: VisitorSessions;
  printer: ReturnType<typeof fakePrinter>;
  /** Starts a visitor session with one bill of `amountMinor` and pays it; resolves when settled. */
  pay(amountMinor: number): Promise<string>;
  /** Resolves when the outbox has nothing pending (or rejects after `ms`). */
  drained(ms?: number): Promise<void>;
  close(): void;
}

/**
 * The kiosk's money path built by the product's own factory (main/payment/money-path.ts, the
 * one compose.ts uses) over a given terminal and gateway, without UI or devices: for crash,
 * integration and bench runs. Only the test conveniences (pay, drained) are added here.
 */
export function createMoneyCore(o: {
  dbFile: string;
  terminal: PaymentTerminal;
  gatewayUrl: string;
  open?: OpenOptions;
  crashPoint?: (p: CrashPoint) => void;
  /** Wake the sender on approval (the kiosk does); crash runs wake it only after the receipt. */
  wakeOnApproval?: boolean;
  emit?: MoneyPathDeps['emit'];
  reconcile?: MoneyPathDeps['reconcile'];
  backoff?: { baseMs: number; capMs: number };
  now?: () => Date;
  log?: Logger;
  isOnline?: () => boolean;
  batchSize?: number;
  /** Further payment-service dependencies (payment references, the guess limiter …). */
  extra?: Partial<Pick<PaymentServiceDeps, 'nextReference' | 'guesses'>>;
}): MoneyCore {
  const profile = PROFILES.KW;
  const db = openDatabase(o.dbFile, migrations, o.open);
  const gateway = createGatewayClient({ baseUrl: o.gatewayUrl, kioskId: 'KW-CRASH-01', timeoutMs: 2000 });
  const sessions = new VisitorSessions();
  const printer = fakePrinter();
  const now = o.now ?? (() => new Date());
  const money = createMoneyPath({
    db, gateway, terminal: o.terminal, printer, sessions, profile,
    receipt: {
      t: createTranslator(new URL('../../assets/locales/', import.meta.url)),
      profile, kioskId: 'KW-CRASH-01', location: { ar: 'اختبار', en: 'Test' }, timeZone: profile.timeZone, verifyUrl: `${o.gatewayUrl}/verify/`,
    },
    kioskId: 'KW-CRASH-01',
    log: o.log ?? silentLogger,
    now,
    emit: o.emit ?? (() => undefined),
    isOnline: o.isOnline ?? (() => false),
    backoff: o.backoff ?? { baseMs: 20, capMs: 200 },
    reconcile: o.reconcile ?? { attempts: 3, retryDelayMs: 300 },
    wakeOnApproval: o.wakeOnApproval ?? true,
    ...(o.batchSize !== undefined && { batchSize: o.batchSize }),
    ...(o.crashPoint && { crashPoint: o.crashPoint }),
    ...o.extra,
  });
  let n = 0;
  return {
    ...money,
    db, sessions, printer,
    async pay(amountMinor) {
      sessions.start('ar');
      const payableId = `p-${amountMinor}-${Date.now()}-${++n}`;
      sessions.rememberPayable({
        payableId, kind: 'bill', reference: `CR-${amountMinor}-${Date.now()}-${n}`,
        entity: { ar: 'جهة', en: 'Entity' }, label: { ar: 'فاتورة', en: 'Bill' }, amount: { amountMinor, currency: 'KWD' },
      });
      const { transactionId } = money.payments.start([payableId]);
      await money.payments.settled();
      sessions.end();
      return transactionId;
    },
    async drained(ms = 15_000) {
      const end = Date.now() + ms;
      money.sender.wake();
      while (money.outbox.depth().pending > 0) {
        if (Date.now() > end) throw new Error(`outbox not drained in ${ms} ms`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close() {
      void money.close();
      db.close();
    },
  };
}
