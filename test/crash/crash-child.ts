/**
 * The kiosk core as a child process for the crash matrix (run with tsx). It recovers, pays the
 * amounts in KHIDMA_CRASH_AMOUNTS, delivers the outbox and prints a JSON summary. With
 * KHIDMA_CRASH_POINT set it SIGKILLs itself at that named point of the LAST payment (or inside
 * the last migration for `migration`): no sleeps, the point is exact.
 */
import { openSerialTransport } from '../../drivers/transport/serial-transport.ts';
import { ZvtPaymentTerminal } from '../../drivers/payment/zvt/driver.ts';
import { migrations } from '../../main/store/migrations/index.ts';
import type { CrashPoint } from '../../main/payment/payment-states.ts';
import { createMoneyCore } from './money-core.ts';

const env = process.env;
const point = env.KHIDMA_CRASH_POINT ?? '';
const amounts = (env.KHIDMA_CRASH_AMOUNTS ?? '').split(',').filter(Boolean).map(Number);
const die = () => process.kill(process.pid, 'SIGKILL');

const transport = await openSerialTransport({ path: env.KHIDMA_CRASH_TERMINAL!, baudRate: 9600 });
const terminal = new ZvtPaymentTerminal(transport, {
  password: '000000',
  currencyNumeric: 414,
  timeouts: { ackMs: 400, charMs: 200, commandAnswerMs: 1000, completionMs: 3000 },
});
let armed = false;
const core = createMoneyCore({
  dbFile: env.KHIDMA_CRASH_DB!,
  terminal,
  gatewayUrl: env.KHIDMA_CRASH_GATEWAY!,
  open: { onMigration: (v) => point === 'migration' && v === migrations.length && die() },
  crashPoint: (p: CrashPoint) => armed && p === point && die(),
  wakeOnApproval: false,
});
await terminal.open();
await core.payments.recover();
await core.drained();
const paid: string[] = [];
for (const [i, amount] of amounts.entries()) {
  armed = i === amounts.length - 1;
  paid.push(await core.pay(amount));
  await core.drained();
}
process.stdout.write(JSON.stringify({ paid, states: paid.map((id) => core.transactions.get(id)?.state) }) + '\n');
core.close();
await terminal.close();
process.exit(0);
