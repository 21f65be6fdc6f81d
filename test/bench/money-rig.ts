import type { PaymentTerminal } from '../../drivers/payment/terminal.ts';
import { openDatabase, type Db } from '../../main/store/database.ts';
import { TransactionsRepo } from '../../main/store/transactions-repo.ts';
import { OutboxRepo } from '../../main/store/outbox-repo.ts';
import type { OutboxSender } from '../../main/outbox/outbox-sender.ts';
import { createMoneyPath } from '../../main/payment/money-path.ts';
import { VisitorSessions } from '../../main/session/visitor-session.ts';
import { createTranslator } from '../../main/i18n/translator.ts';
import { PROFILES } from '../../main/profiles/profiles.ts';
import { createGatewayClient, type GatewayClient } from '../../main/gateway/client.ts';
import { silentLogger } from '../../main/log/logger.ts';
import { createMoneyCore, fakePrinter, type MoneyCore } from '../crash/money-core.ts';
import type { PaymentServiceDeps } from '../../main/payment/payment-service.ts';

/**
 * The ONE place where the money benches (money-commit, money-latency, money-drain) build the money
 * path: store, payment service, outbox sender, gateway client. When the product's single
 * money-path factory (main/payment/money-path.ts) builds them, as it builds the kiosk's.
 */

export const BENCH_KIOSK_ID = 'KW-BENCH-01';

/** The kiosk's SQLite store as the product opens it (WAL, synchronous=FULL, migrations). */
export interface MoneyStore {
  db: Db;
  transactions: TransactionsRepo;
  outbox: OutboxRepo;
  close(): void;
}

export function openMoneyStore(file: string): MoneyStore {
  const db = openDatabase(file);
  return { db, transactions: new TransactionsRepo(db), outbox: new OutboxRepo(db), close: () => db.close() };
}

export function benchGatewayClient(baseUrl: string): GatewayClient {
  return createGatewayClient({ baseUrl, kioskId: BENCH_KIOSK_ID, timeoutMs: 5000 });
}

/** A terminal that is switched off: the drain bench moves postings, never money. */
const NO_TERMINAL: PaymentTerminal = {
  open: async () => undefined,
  authorize: async () => ({ kind: 'aborted', reason: 'bench' }),
  abort: async () => undefined,
  lastTransaction: async () => ({ kind: 'unavailable', reason: 'bench' }),
  reverse: async () => ({ kind: 'aborted', reason: 'bench' }),
  endOfDay: async () => ({ ok: false }),
  status: () => ({ device: 'offline' }),
  onStatus: () => () => undefined,
  close: async () => undefined,
};

/** The product's outbox sender, built by the product's money-path factory over a store and a gateway, `batchSize` postings in flight. */
export function outboxSender(store: MoneyStore, gateway: GatewayClient, batchSize: number): OutboxSender {
  const profile = PROFILES.KW;
  return createMoneyPath({
    db: store.db, gateway, terminal: NO_TERMINAL, printer: fakePrinter(), sessions: new VisitorSessions(), profile,
    receipt: { t: createTranslator(new URL('../../assets/locales/', import.meta.url)), profile, kioskId: BENCH_KIOSK_ID, location: { ar: 'قياس', en: 'Bench' }, timeZone: profile.timeZone, verifyUrl: 'http://127.0.0.1/verify/' },
    kioskId: BENCH_KIOSK_ID, log: silentLogger, now: () => new Date(), emit: () => undefined, isOnline: () => true,
    backoff: { baseMs: 50, capMs: 500 }, batchSize,
  }).sender;
}

/** The whole money path (store, outbox, payment service) over a terminal, for payment benches. */
export function paymentCore(o: { dbFile: string; terminal: PaymentTerminal; gatewayUrl: string; emit: PaymentServiceDeps['emit'] }): MoneyCore {
  return createMoneyCore({ dbFile: o.dbFile, terminal: o.terminal, gatewayUrl: o.gatewayUrl, wakeOnApproval: false, emit: o.emit });
}
