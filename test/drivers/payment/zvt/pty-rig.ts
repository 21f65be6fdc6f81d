import { createPtyPair, type PtyPair } from '../../../support/pty-pair.ts';
import { openSerialTransport } from '../../../../drivers/transport/serial-transport.ts';
import type { Transport } from '../../../../drivers/transport/transport.ts';
import { ZvtPaymentTerminal } from '../../../../drivers/payment/zvt/driver.ts';
import type { ZvtConfig } from '../../../../drivers/payment/zvt/config.ts';
import { ZvtTerminalSimulator, type ZvtSimulatorOptions } from '../../../../drivers/payment/zvt-sim/simulator.ts';

export const KWD = 414;

/** Test timeouts: short, but far above what a pty round trip needs. */
export const FAST: ZvtConfig['timeouts'] = { ackMs: 400, charMs: 200, commandAnswerMs: 1000, completionMs: 1500 };

export interface Rig {
  pair: PtyPair;
  host: Transport;
  device: Transport;
  driver: ZvtPaymentTerminal;
}

/** A real pseudo-terminal pair, both ends opened through node-serialport like hardware. */
export async function ptyLink(): Promise<{ pair: PtyPair; host: Transport; device: Transport }> {
  const pair = await createPtyPair('zvt');
  const host = await openSerialTransport({ path: pair.hostPath, baudRate: 9600 });
  const device = await openSerialTransport({ path: pair.devicePath, baudRate: 9600 });
  return { pair, host, device };
}

export async function rig(sim: ZvtTerminalSimulator, config: Partial<ZvtConfig> = {}): Promise<Rig> {
  const { pair, host, device } = await ptyLink();
  sim.attach(device);
  const driver = new ZvtPaymentTerminal(host, { password: '000000', currencyNumeric: KWD, timeouts: FAST, ...config });
  return { pair, host, device, driver };
}

export async function teardown(r: Rig): Promise<void> {
  await r.driver.close();
  await r.device.close().catch(() => undefined);
  await r.pair.close();
}

export const simOptions: ZvtSimulatorOptions = { delayRangeMs: [5, 15], ecrReplyTimeoutMs: 1000, ackTimeoutMs: 400 };
