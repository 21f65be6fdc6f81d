import type { SerialSettings, Transport } from '../../drivers/transport/transport.ts';
import { createMemoryLink } from '../../drivers/transport/memory-link.ts';
import { openSerialTransport } from '../../drivers/transport/serial-transport.ts';
import { createReconnectingTransport } from '../../drivers/transport/reconnecting-transport.ts';
import type { DeviceLinkConfig } from '../config.ts';

export interface OpenedLink {
  /** The kiosk's end. */
  host: Transport;
  /** The device's end, when the device is our embedded simulator. */
  device?: Transport;
}

/**
 * Opens the byte link for one device: an in-process pair to the embedded simulator, or a
 * real serial port with the model profile's settings, overridden by the kiosk's config. A
 * serial port is reconnecting: unplugged (or missing at start-up), the device is reported
 * offline and the port is tried again until it is back; the kiosk keeps running meanwhile.
 */
export async function openDeviceLink(
  name: string,
  cfg: DeviceLinkConfig,
  profile: Omit<SerialSettings, 'path'>,
  opts: { onError: (message: string) => void; retryMs?: number },
): Promise<OpenedLink> {
  if (cfg.link === 'simulator') {
    const [host, device] = createMemoryLink({ name, baudRate: cfg.baudRate ?? 0 });
    return { host, device };
  }
  const { link: _link, ...overrides } = cfg;
  let reported = false;
  const host = createReconnectingTransport(() => openSerialTransport({ ...profile, ...overrides }), {
    name: cfg.path,
    ...(opts.retryMs !== undefined && { retryMs: opts.retryMs }),
    // One line per outage, not one per retry.
    onError: (err) => {
      if (!reported) opts.onError(`${name}: cannot open serial port ${cfg.path}: ${err.message}`);
      reported = true;
    },
  });
  host.onReopen(() => (reported = false));
  await host.ready;
  return { host };
}
