import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/store/database.ts';
import { OutboxRepo } from '../../../main/store/outbox-repo.ts';
import { TransactionsRepo } from '../../../main/store/transactions-repo.ts';
import { RecordsRepo } from '../../../main/store/records-repo.ts';
import { OutboxSender } from '../../../main/outbox/outbox-sender.ts';
import { OutboxService } from '../../../main/outbox/outbox-service.ts';
import { createGatewayClient } from '../../../main/gateway/client.ts';
import { startDemoGateway, type DemoGateway } from '../../../main/demo-gateway/server.ts';
import type { WireComplaint, WireTicketRequest } from '../../../main/gateway/wire.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { tempDir } from '../../support/temp-dir.ts';

let dir: ReturnType<typeof tempDir>;
let db: Db;
let gw: DemoGateway;
let outbox: OutboxRepo;
let sender: OutboxSender;
let service: OutboxService;

const complaint = (n: number): WireComplaint => ({
  trackingNumber: `KW-C-${String(n).padStart(6, '0')}`, kioskId: 'KW-TEST-01', entityId: 'mew', typeId: 'billing', kind: 'complaint',
  text: 'The bill is higher than the meter reading.', locale: 'en', submittedAt: new Date().toISOString(),
});
const ticket = (group = 'A'): WireTicketRequest => ({ kioskId: 'KW-TEST-01', serviceId: 'civil-id-renewal', counterGroup: group, issuedAt: new Date().toISOString() });

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeEach(async () => {
  dir = tempDir('outbox-service');
  db = openDatabase(dir.file('k.sqlite'));
  outbox = new OutboxRepo(db);
  const records = new RecordsRepo(db);
  gw = await startDemoGateway({ dbFile: dir.file('gw.sqlite') });
  sender = new OutboxSender({
    db, outbox, transactions: new TransactionsRepo(db), records, log: silentLogger, now: () => new Date(),
    gateway: createGatewayClient({ baseUrl: gw.url, kioskId: 'KW-TEST-01', timeoutMs: 1000 }),
    backoff: { baseMs: 20, capMs: 100 },
    onPostingChanged: () => undefined,
    onSettled: (row) => service.settled(row),
  });
  service = new OutboxService({ db, outbox, records, now: () => new Date(), wake: () => sender.wake() });
});

afterEach(async () => {
  sender.stop();
  await gw.close();
  db.close();
  dir.remove();
});

describe('outbox service: complaints and queue tickets', () => {
  it('a complaint is stored with its outbox row in one transaction, delivered, and the gateway status kept', async () => {
    service.enqueueComplaint(complaint(1));
    expect(service.complaint('KW-C-000001')?.deliveryState).toBe('pending');
    const row = await service.waitForComplaint('KW-C-000001', 3000);
    expect(row?.deliveryState).toBe('delivered');
    expect(row?.gatewayStatus?.status).toBe('received');
    expect(gw.store.records.countComplaints()).toBe(1);
  });

  it('once delivered, the visitor\'s text and mobile number are no longer kept at the kiosk', async () => {
    service.enqueueComplaint({ ...complaint(9), mobile: '96550001234' });
    expect(service.complaint('KW-C-000009')?.complaint.text).toContain('meter reading');
    const row = await service.waitForComplaint('KW-C-000009', 3000);
    expect(row?.deliveryState).toBe('delivered');
    expect(row?.complaint.text).toBeUndefined();
    expect(row?.complaint.mobile).toBeUndefined();
    expect(row?.complaint).toMatchObject({ entityId: 'mew', typeId: 'billing' });
    const raw = JSON.stringify(db.prepare(`SELECT payload_json FROM outbox WHERE kind = 'complaint'`).all());
    expect(raw).not.toContain('meter reading');
    expect(raw).not.toContain('96550001234');
  });

  it('a failed enqueue leaves neither the business row nor the outbox row', () => {
    sender.stop();
    service.enqueueComplaint(complaint(2));
    expect(() => service.enqueueComplaint(complaint(2))).toThrow(/UNIQUE/);
    expect(outbox.depth().pending).toBe(1);
  });

  it('tickets get the centre number per counter group, kept on the business row', async () => {
    const a1 = service.enqueueTicket(ticket('A'));
    const a2 = service.enqueueTicket(ticket('A'));
    const b1 = service.enqueueTicket(ticket('B'));
    await until(() => outbox.depth().pending === 0);
    expect(service.ticket(a1)?.ticket).toMatchObject({ number: 'A001', counterGroup: 'A', waitingAhead: 0 });
    expect(service.ticket(a2)?.ticket).toMatchObject({ number: 'A002', waitingAhead: 1, estimatedWaitMinutes: 4 });
    expect(service.ticket(b1)?.ticket?.number).toBe('B001');
  });

  it('waitForTicket returns the still-queued row when the gateway is down', async () => {
    await gw.stop();
    const id = service.enqueueTicket(ticket());
    const row = await service.waitForTicket(id, 200);
    expect(row?.deliveryState).toBe('pending');
    expect(row?.ticket).toBeNull();
    await gw.start();
    sender.wake();
    expect((await service.waitForTicket(id, 3000))?.ticket?.number).toBe('A001');
  });

  it('kinds are separate FIFO lanes: payments failing do not hold back tickets; a dead ticket does not block the next', async () => {
    gw.setFault((path) => (path === '/v1/payments' ? { mode: 'error500' } : { mode: 'none' }));
    outbox.enqueue({ kind: 'payment', idempotencyKey: 'k-payment-0001', payload: { any: 1 }, now: new Date().toISOString() });
    const bad = service.enqueueTicket({ ...ticket(), counterGroup: 'x'.repeat(40) } as WireTicketRequest);
    const good = service.enqueueTicket(ticket('C'));
    await until(() => service.ticket(good)?.deliveryState === 'delivered');
    expect(service.ticket(bad)?.deliveryState).toBe('dead');
    const dead = outbox.dead();
    expect(dead).toHaveLength(1);
    expect(dead[0]?.lastError).toBeTruthy();
    expect(outbox.headOf('payment')?.attempts).toBeGreaterThan(0);
    expect(outbox.stats()).toMatchObject({ pending: 1, dead: 1 });
  });
});
