import { existsSync } from 'node:fs';
import type { PortInfo } from '../contract/api.ts';

export type ListPorts = () => Promise<PortInfo[]>;

/**
 * Serial ports the technician may choose from: what the OS reports (USB adapters with their
 * ids), plus configured extra paths that exist (pseudo-terminals of a lab set-up are not
 * enumerated by the OS). Only paths and USB ids: nothing personal.
 */
export function listPorts(extraPaths: readonly string[] = []): ListPorts {
  return async () => {
    // Loaded when a technician first lists ports, not at the kiosk's start.
    const { SerialPort } = await import('serialport');
    const found = await SerialPort.list().catch(() => []);
    const ports: PortInfo[] = found.map((p) => ({
      path: p.path,
      ...(p.manufacturer && { manufacturer: p.manufacturer }),
      ...(p.vendorId && { vendorId: p.vendorId }),
      ...(p.productId && { productId: p.productId }),
      ...(p.serialNumber && { serialNumber: p.serialNumber }),
    }));
    for (const path of extraPaths) if (existsSync(path) && !ports.some((p) => p.path === path)) ports.push({ path });
    return ports.sort((a, b) => a.path.localeCompare(b.path));
  };
}

/**
 * Polls the port list while a technician is in (USB hot-plug shows within `everyMs`) and
 * reports only real changes.
 */
export class PortWatcher {
  #timer: NodeJS.Timeout | undefined;
  #last = '';

  constructor(
    private readonly list: ListPorts,
    private readonly onChange: (ports: PortInfo[]) => void,
    private readonly everyMs = 1500,
  ) {}

  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => void this.poll(), this.everyMs);
    this.#timer.unref?.();
    void this.poll();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#last = '';
  }

  async poll(): Promise<PortInfo[]> {
    const ports = await this.list();
    const key = JSON.stringify(ports.map((p) => [p.path, p.vendorId, p.productId, p.serialNumber]));
    if (key !== this.#last) {
      this.#last = key;
      this.onChange(ports);
    }
    return ports;
  }
}
