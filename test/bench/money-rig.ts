import type { PaymentTerminal } from '../../drivers/payment/terminal.ts';
import { openDatabase, type Db } from '../../main/store/database.ts';
import { TransactionsRepo } from '../../main/store/transactions-repo.ts';
import { OutboxRepo } from '../../main/store/outbox-repo.ts';
import { OutboxSender } from '../../main/outbox/outbox-sender.ts';
import { createGatewayClient, type GatewayClient } from '../../main/gateway/client.ts';
import { silentLogger } from '../../main/log/logger.ts';
import { createMoneyCore, type MoneyCore } from '../crash/money-core.ts';
import type { PaymentServiceDeps } from '../../main/payment/payment-service.ts';

/**
 * The ONE place where the money benches (money-commit, money-latency, money-drain) build the money
 * path: store, payment service, outbox sender, gateway client. When the product's single
 * money-path factory lands (issue 11), only this file changes to call it.
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

/** The product's outbox sender over a store and a gateway, `batchSize` postings in flight. */
export function outboxSender(store: MoneyStore, gateway: GatewayClient, batchSize: number): OutboxSender {
  return new OutboxSender({
    db: store.db, outbox: store.outbox, transactions: store.transactions, gateway, log: silentLogger,
    now: () => new Date(), backoff: { baseMs: 50, capMs: 500 }, batchSize, onPostingChanged: () => undefined,
  });
}

/** The whole money path (store, outbox, payment service) over a terminal, for payment benches. */
export function paymentCore(o: { dbFile: string; terminal: PaymentTerminal; gatewayUrl: string; emit: PaymentServiceDeps['emit'] }): MoneyCore {
  return createMoneyCore({ dbFile: o.dbFile, terminal: o.terminal, gatewayUrl: o.gatewayUrl, wakeOnApproval: false, emit: o.emit });
}
