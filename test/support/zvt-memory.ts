import { createMemoryLink } from '../../drivers/transport/memory-link.ts';
import { ZvtPaymentTerminal } from '../../drivers/payment/zvt/driver.ts';
import { ZvtTerminalSimulator, type ZvtSimulatorOptions } from '../../drivers/payment/zvt-sim/simulator.ts';

/**
 * The ZVT driver and the terminal simulator over an in-process link (as `npm start` wires them),
 * registered and ready: for tests of what the kiosk does with a terminal's answers.
 */
export async function zvtOverMemory(sim: ZvtSimulatorOptions = {}, timeZone = 'Asia/Kuwait'): Promise<{ terminal: ZvtPaymentTerminal; sim: ZvtTerminalSimulator; close(): Promise<void> }> {
  const [host, device] = createMemoryLink({ name: 'zvt' });
  const simulator = new ZvtTerminalSimulator({ delayScale: 0, cardWaitRepeats: 0, ...sim });
  simulator.attach(device);
  const terminal = new ZvtPaymentTerminal(host, { password: '000000', currencyNumeric: 414, timeZone });
  await terminal.open();
  return {
    terminal,
    sim: simulator,
    async close() {
      await terminal.close();
      await simulator.close();
    },
  };
}
