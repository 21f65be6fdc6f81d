import type { BenchRow } from './bench-types.ts';
import { createMemoryLink } from '../../drivers/transport/memory-link.ts';
import type { Transport } from '../../drivers/transport/transport.ts';
import { ZvtPaymentTerminal } from '../../drivers/payment/zvt/driver.ts';
import { ZvtTerminalSimulator } from '../../drivers/payment/zvt-sim/simulator.ts';
import type { PaymentView } from '../../main/contract/api.ts';
import { tempDir } from '../support/temp-dir.ts';
import { createMoneyCore } from '../crash/money-core.ts';
import { percentile, round } from './money-stats.ts';

const N = 1000;

/**
 * Issue 5: what the kiosk adds between the terminal's final frame arriving on the wire and the
 * approval being durable in SQLite and pushed (payment.updated emitted). The simulator runs
 * with delayScale 0, so terminal think time is out of the measurement.
 */
export default async function moneyLatencyBench(): Promise<BenchRow[]> {
  const dir = tempDir('bench-latency');
  const [host, device] = createMemoryLink({ name: 'zvt-latency' });
  let lastRx = 0;
  // Stamps every chunk the kiosk receives: the last one before the approval is the terminal's final frame.
  const stamped: Transport = {
    get name() { return host.name; },
    get isOpen() { return host.isOpen; },
    write: (d) => host.write(d),
    onData: (fn) => host.onData((d) => ((lastRx = performance.now()), fn(d))),
    onClose: (fn) => host.onClose(fn),
    close: () => host.close(),
  };
  const sim = new ZvtTerminalSimulator({ delayScale: 0, cardWaitRepeats: 0 });
  sim.attach(device);
  const terminal = new ZvtPaymentTerminal(stamped, { password: '000000', currencyNumeric: 414 });
  await terminal.open();
  const latencies: number[] = [];
  const core = createMoneyCore({
    dbFile: dir.file('kiosk.sqlite'),
    terminal,
    gatewayUrl: 'http://127.0.0.1:9',
    wakeOnApproval: false,
    emit: (event, payload) => {
      if (event === 'payment.updated' && (payload as PaymentView).state === 'approved' && (payload as PaymentView).receiptState === 'none') latencies.push(performance.now() - lastRx);
    },
  });
  try {
    for (let i = 0; i < N; i++) await core.pay(1_000 + i * 10 + (i % 100 === 13 ? 1 : 0));
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    return [
      { name: `final terminal frame → approval durable and pushed, p50 (${latencies.length} payments)`, value: round(p50), unit: 'ms', goal: 'report', met: null },
      { name: 'final terminal frame → approval durable and pushed, p99', value: round(p99), unit: 'ms', goal: '<= 50 ms', met: p99 <= 50 },
      { name: 'payments approved of those started', value: latencies.length, unit: 'payments', goal: `${N}`, met: latencies.length === N },
    ];
  } finally {
    core.close();
    await terminal.close();
    await sim.close();
    dir.remove();
  }
}
