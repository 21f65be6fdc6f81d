import type { BenchRow } from './bench-types.ts';
import { createMemoryLink } from '../../drivers/transport/memory-link.ts';
import type { Transport } from '../../drivers/transport/transport.ts';
import { ZvtPaymentTerminal } from '../../drivers/payment/zvt/driver.ts';
import { ZvtTerminalSimulator } from '../../drivers/payment/zvt-sim/simulator.ts';
import type { PaymentView } from '../../main/contract/api.ts';
import { tempDir } from '../support/temp-dir.ts';
import { atMost, exactly, now, percentile, report, round } from './kit.ts';
import { paymentCore } from './money-rig.ts';

const N = 1000;
/** Every DECLINE_EVERY-th payment is declined by the terminal (the simulator declines amounts ending in 13). */
const DECLINE_EVERY = 10;
const amountOf = (i: number): number => (i % DECLINE_EVERY === DECLINE_EVERY - 1 ? 1_013 : 1_000) + (i % 50) * 100;

/**
 * What the kiosk adds between the terminal's final frame arriving on the wire and the outcome
 * being durable in SQLite and pushed (payment.updated emitted): for approvals and, separately,
 * for declines (a tenth of the payments). The simulator runs with delayScale 0, so terminal
 * think time is out of the measurement.
 */
export default async function moneyLatencyBench(): Promise<BenchRow[]> {
  const dir = tempDir('bench-latency');
  const [host, device] = createMemoryLink({ name: 'zvt-latency' });
  let lastRx = 0;
  // Stamps every chunk the kiosk receives: the last one before the outcome is the terminal's final frame.
  const stamped: Transport = {
    get name() { return host.name; },
    get isOpen() { return host.isOpen; },
    write: (d) => host.write(d),
    onData: (fn) => host.onData((d) => ((lastRx = now()), fn(d))),
    onClose: (fn) => host.onClose(fn),
    close: () => host.close(),
  };
  const sim = new ZvtTerminalSimulator({ delayScale: 0, cardWaitRepeats: 0 });
  sim.attach(device);
  const terminal = new ZvtPaymentTerminal(stamped, { password: '000000', currencyNumeric: 414 });
  await terminal.open();
  const approved: number[] = [];
  const declined: number[] = [];
  const core = paymentCore({
    dbFile: dir.file('kiosk.sqlite'),
    terminal,
    gatewayUrl: 'http://127.0.0.1:9',
    emit: (event, payload) => {
      if (event !== 'payment.updated') return;
      const view = payload as PaymentView;
      if (view.state === 'approved' && view.receiptState === 'none') approved.push(now() - lastRx);
      if (view.state === 'declined') declined.push(now() - lastRx);
    },
  });
  try {
    for (let i = 0; i < N; i++) await core.pay(amountOf(i));
    const expectDeclined = Math.floor(N / DECLINE_EVERY);
    return [
      report(`final frame → approval durable and pushed, p50 (${approved.length} approvals)`, round(percentile(approved, 50)), 'ms'),
      atMost('final frame → approval durable and pushed, p99', round(percentile(approved, 99)), 'ms', 50),
      report(`final frame → decline durable and pushed, p50 (${declined.length} declines)`, round(percentile(declined, 50)), 'ms'),
      atMost('final frame → decline durable and pushed, p99', round(percentile(declined, 99)), 'ms', 50),
      exactly('payments approved', approved.length, 'payments', N - expectDeclined),
      exactly('payments declined by the terminal', declined.length, 'payments', expectDeclined),
    ];
  } finally {
    core.close();
    await terminal.close();
    await sim.close();
    dir.remove();
  }
}
