import type { SerialSettings, Transport } from '../../drivers/transport/transport.ts';
import { createMemoryLink } from '../../drivers/transport/memory-link.ts';
import { openSerialTransport } from '../../drivers/transport/serial-transport.ts';
import type { DeviceLinkConfig } from '../config.ts';

export interface OpenedLink {
  /** The kiosk's end. */
  host: Transport;
  /** The device's end, when the device is our embedded simulator. */
  device?: Transport;
}

/**
 * Opens the byte link for one device: an in-process pair to the embedded simulator, or a
 * real serial port with the model profile's settings, overridden by the kiosk's config.
 */
export async function openDeviceLink(name: string, cfg: DeviceLinkConfig, profile: Omit<SerialSettings, 'path'>): Promise<OpenedLink> {
  if (cfg.link === 'simulator') {
    const [host, device] = createMemoryLink({ name, baudRate: cfg.baudRate ?? 0 });
    return { host, device };
  }
  const { link: _link, ...overrides } = cfg;
  return { host: await openSerialTransport({ ...profile, ...overrides }) };
}

/**
 * Like openDeviceLink, but a port that cannot be opened (device unplugged, wrong path) gives a
 * closed link: the driver then reports the device offline and the rest of the kiosk runs.
 */
export async function openDeviceLinkOrOffline(
  name: string,
  cfg: DeviceLinkConfig,
  profile: Omit<SerialSettings, 'path'>,
  onError: (message: string) => void,
): Promise<OpenedLink> {
  try {
    return await openDeviceLink(name, cfg, profile);
  } catch (err) {
    onError(`${name}: cannot open serial port ${cfg.link === 'serial' ? cfg.path : ''}: ${(err as Error).message}`);
    const [host, device] = createMemoryLink({ name: `${name}-unavailable` });
    await device.close();
    return { host };
  }
}
