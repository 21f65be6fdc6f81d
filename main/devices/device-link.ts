import type { SerialSettings, Transport } from '../../drivers/transport/transport.ts';
import { createMemoryLink } from '../../drivers/transport/memory-link.ts';
import { openSerialTransport } from '../../drivers/transport/serial-transport.ts';
import { createReconnectingTransport, type ReconnectingTransport } from '../../drivers/transport/reconnecting-transport.ts';
import type { DeviceLinkConfig } from '../config.ts';

export interface OpenedLink {
  /** The kiosk's end: the drivers hold it for the kiosk's life, whatever port is behind it. */
  host: Transport;
  /** The device's end, when the device is our embedded simulator. */
  device?: Transport;
  /**
   * Re-points the link at another port or at the embedded simulator, live: drivers see the
   * old port go and the new one come. Resolves with the new simulator end, if any.
   */
  retarget(cfg: DeviceLinkConfig, profile: Omit<SerialSettings, 'path'>): Promise<{ device?: Transport }>;
}

export interface LinkOptions {
  onError: (message: string) => void;
  retryMs?: number;
}

/**
 * Opens the byte link for one device: an in-process pair to the embedded simulator, or a
 * real serial port with the model profile's settings, overridden by the kiosk's config.
 * Either way the drivers get a reconnecting transport: unplugged (or missing at start-up),
 * the device is reported offline and the port is tried again until it is back; and a
 * technician can move it to another port without a restart.
 */
export async function openDeviceLink(name: string, cfg: DeviceLinkConfig, profile: Omit<SerialSettings, 'path'>, opts: LinkOptions): Promise<OpenedLink> {
  let reported = false;
  const opener = (c: DeviceLinkConfig, p: Omit<SerialSettings, 'path'>) => {
    if (c.link === 'simulator') {
      const [host, device] = createMemoryLink({ name: `memory:${name}`, baudRate: c.baudRate ?? 0 });
      return { open: () => Promise.resolve(host), device, label: `memory:${name}` };
    }
    const { link: _link, ...overrides } = c;
    return { open: () => openSerialTransport({ ...p, ...overrides }), device: undefined, label: c.path };
  };
  const first = opener(cfg, profile);
  let target = cfg;
  const host: ReconnectingTransport = createReconnectingTransport(first.open, {
    name: first.label,
    ...(opts.retryMs !== undefined && { retryMs: opts.retryMs }),
    // One line per outage, not one per retry.
    onError: (err) => {
      if (!reported) opts.onError(`${name}: cannot open ${target.link === 'serial' ? `serial port ${target.path}` : 'simulator'}: ${err.message}`);
      reported = true;
    },
  });
  host.onReopen(() => (reported = false));
  await host.ready;
  return {
    host,
    ...(first.device && { device: first.device }),
    async retarget(next, p) {
      const o = opener(next, p);
      target = next;
      reported = false;
      await host.switchTo(o.open, o.label);
      return o.device ? { device: o.device } : {};
    },
  };
}
