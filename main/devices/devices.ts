import type { PaymentTerminal } from '../../drivers/payment/terminal.ts';
import type { ReceiptPrinter } from '../../drivers/printer/printer.ts';
import type { DocumentReader } from '../../drivers/idreader/reader.ts';
import type { DeviceStatus } from '../../drivers/status.ts';
import type { Transport } from '../../drivers/transport/transport.ts';
import { createEscPosPrinter, EPSON_TM_T88_80MM, EscPosSimulator, PRINTER_PROFILES } from '../../drivers/printer/index.ts';
import { createZvtTerminal, createZvtSimulator, type ZvtSimulatorOptions, type ZvtTerminalSimulator } from '../../drivers/payment/zvt/index.ts';
import { MrzReaderDriver, MrzReaderSimulator, READER_PROFILES, type ReaderProfile } from '../../drivers/idreader/index.ts';
import type { DeviceName, DeviceSummary } from '../contract/api.ts';
import type { DeviceLinkConfig, KioskConfig } from '../config.ts';
import type { CountryProfile } from '../profiles/profiles.ts';
import type { Logger } from '../log/logger.ts';
import { openDeviceLink } from './device-link.ts';
import { join } from 'node:path';

export type DeviceRole = 'printer' | 'terminal' | 'idReader';

export interface KioskDevices {
  printer: ReceiptPrinter;
  terminal: PaymentTerminal;
  idReader: DocumentReader;
  /** The embedded simulators, for devices configured as `simulator` (demo, technician tests). */
  simulators: { printer?: EscPosSimulator; terminal?: ZvtTerminalSimulator; idReader?: MrzReaderSimulator };
  summary(): DeviceSummary[];
  /** Where each device is connected now (config at start-up, then the technician's assignments). */
  links(): Record<DeviceRole, DeviceLinkConfig>;
  /** Moves a device to another port (or the simulator) while the kiosk runs; drivers reopen. */
  reassign(role: DeviceRole, cfg: DeviceLinkConfig): Promise<void>;
  /** The printer model profile in use, and a change of it (from the next job on). */
  printerProfile(): string;
  setPrinterProfile(id: string): boolean;
  /** The ID reader model profile (framing), and a change of it: live, the driver re-frames from the next byte. */
  readerProfile(): string;
  setReaderProfile(id: string): boolean;
  onChange(fn: () => void): () => void;
  close(): Promise<void>;
}

export interface DeviceDeps {
  log: Logger;
  profile: CountryProfile;
  /** Payment terminal password (ZVT); from the acquirer's set-up. */
  terminalPassword?: string;
  /** How often a terminal that failed registration is tried again. */
  terminalRetryMs?: number;
  /** How often a lost or missing serial port is tried again. */
  serialRetryMs?: number;
  /** Where embedded simulators keep their state (the terminal's journal and counters survive restarts). */
  stateDir?: string;
  /** Options of the embedded terminal simulator (tests speed it up). */
  terminalSimulator?: ZvtSimulatorOptions;
  /** Background printer status polls (a printer that misses three in a row is offline). */
  printerPollMs?: number;
}

const summarize = (name: DeviceName, s: DeviceStatus): DeviceSummary => ({
  name,
  state: s.device,
  ...(s.supply && { supply: s.supply }),
  ...(s.detail && { detail: s.detail }),
});

/** Opens the three devices with their drivers, and the simulators where configured. */
export async function openDevices(config: KioskConfig['devices'], deps: DeviceDeps): Promise<KioskDevices> {
  const printerProfile = EPSON_TM_T88_80MM;
  const unavailable = (message: string) => deps.log.error('devices', message);
  const linkOpts = { onError: unavailable, ...(deps.serialRetryMs !== undefined && { retryMs: deps.serialRetryMs }) };
  const printerLink = await openDeviceLink('printer', config.printer, printerProfile.serial, linkOpts);
  const terminalLink = await openDeviceLink('terminal', config.terminal, { baudRate: 9600 }, linkOpts);
  let readerProfile: ReaderProfile = READER_PROFILES['generic-crlf'];
  const readerLink = await openDeviceLink('idReader', config.idReader, { baudRate: 9600 }, linkOpts);

  const simulators: KioskDevices['simulators'] = {};
  if (printerLink.device) simulators.printer = new EscPosSimulator(printerLink.device, printerProfile);
  if (terminalLink.device) {
    simulators.terminal = createZvtSimulator(terminalLink.device, {
      password: deps.terminalPassword ?? '000000',
      timeZone: deps.profile.timeZone,
      ...(deps.stateDir && { journalFile: join(deps.stateDir, 'terminal-simulator.json') }),
      ...deps.terminalSimulator,
    });
  }
  if (readerLink.device) simulators.idReader = new MrzReaderSimulator(readerLink.device, { profile: readerProfile });

  const printer = createEscPosPrinter(printerLink.host, printerProfile, { pollIntervalMs: deps.printerPollMs ?? 10_000, missesBeforeOffline: 3 });
  const terminal = createZvtTerminal(terminalLink.host, { password: deps.terminalPassword ?? '000000', currencyNumeric: deps.profile.currencyNumeric, timeZone: deps.profile.timeZone });
  const idReader = new MrzReaderDriver(readerLink.host, { profile: readerProfile });

  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((fn) => fn());
  const unsubscribe = [printer.onStatus(changed), terminal.onStatus(changed), idReader.onStatus(changed)];

  // A device that is absent at start-up must not stop the kiosk: it is reported, not fatal.
  await printer.checkStatus().catch((err) => deps.log.warn('devices', 'printer status failed', { error: String(err) }));
  const register = () => terminal.open().catch((err) => deps.log.warn('devices', 'terminal registration failed', { error: String(err) }));
  await register();
  // The port came back after a drop, or the terminal forgot its registration (restarted on a link
  // that stayed open): register again at once, so an interrupted payment is reconciled in seconds.
  // (A moment's pause first: the terminal is still finishing the exchange that told us.)
  let soon: NodeJS.Timeout | undefined;
  unsubscribe.push(
    terminal.onStatus((s) => {
      if (terminal.state !== 'failed' || (s.detail !== 'linkReopened' && s.detail !== 'notRegistered')) return;
      clearTimeout(soon);
      soon = setTimeout(() => {
        if (terminal.state === 'failed' && terminalLink.host.isOpen) void register();
      }, 250);
    }),
  );
  // A terminal switched on after the kiosk, or that refused registration, is tried again.
  const retry = setInterval(() => {
    if ((terminal.state === 'failed' || terminal.state === 'linkLost') && terminalLink.host.isOpen) void register();
  }, deps.terminalRetryMs ?? 15_000);
  retry.unref();

  const current: Record<DeviceRole, DeviceLinkConfig> = { printer: config.printer, terminal: config.terminal, idReader: config.idReader };
  const linkOf = { printer: printerLink, terminal: terminalLink, idReader: readerLink };
  const lineDefaults = { printer: printerProfile.serial, terminal: { baudRate: 9600 }, idReader: { baudRate: 9600 } };
  const attachSimulator = (role: DeviceRole, device: Transport) => {
    if (role === 'printer') simulators.printer = new EscPosSimulator(device, printer.profile);
    else if (role === 'terminal') simulators.terminal = createZvtSimulator(device, { password: deps.terminalPassword ?? '000000' });
    else simulators.idReader = new MrzReaderSimulator(device, { profile: readerProfile });
  };
  const dropSimulator = async (role: DeviceRole) => {
    if (role === 'printer') simulators.printer?.close();
    else if (role === 'terminal') await simulators.terminal?.close?.();
    delete simulators[role];
  };

  return {
    printer,
    terminal,
    idReader,
    simulators,
    links: () => ({ ...current }),
    printerProfile: () => printer.profile.id,
    setPrinterProfile(id) {
      const profile = PRINTER_PROFILES[id];
      if (!profile) return false;
      printer.reconfigure({ profile, ...(current.printer.link === 'serial' && current.printer.baudRate !== undefined && { baudRate: current.printer.baudRate }) });
      changed();
      return true;
    },
    readerProfile: () => idReader.profile.id,
    setReaderProfile(id) {
      const profile = (READER_PROFILES as Record<string, ReaderProfile>)[id];
      if (!profile) return false;
      readerProfile = profile;
      idReader.setProfile(profile);
      // The embedded simulator plays the chosen model too.
      if (readerLink.device) simulators.idReader = new MrzReaderSimulator(readerLink.device, { profile });
      changed();
      return true;
    },
    async reassign(role, cfg) {
      const link = linkOf[role];
      const { device } = await link.retarget(cfg, lineDefaults[role]);
      await dropSimulator(role);
      await link.device?.close();
      delete link.device;
      if (device) {
        link.device = device;
        attachSimulator(role, device);
      }
      current[role] = cfg;
      // The job timeout follows the line's real speed, not the model's factory setting.
      if (role === 'printer') printer.reconfigure({ ...(cfg.link === 'serial' && cfg.baudRate !== undefined && { baudRate: cfg.baudRate }) });
      deps.log.info('devices', 'device re-assigned', { role, link: cfg.link, ...(cfg.link === 'serial' && { path: cfg.path }) });
      if (role === 'printer') await printer.checkStatus().catch(() => undefined);
      changed();
    },
    summary: () => [summarize('printer', printer.status()), summarize('terminal', terminal.status()), summarize('idReader', idReader.status())],
    onChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    async close() {
      clearInterval(retry);
      clearTimeout(soon);
      unsubscribe.forEach((off) => off());
      await Promise.allSettled([printer.close(), terminal.close(), idReader.close()]);
      simulators.printer?.close();
      await simulators.terminal?.close?.();
      for (const link of [printerLink, terminalLink, readerLink]) await Promise.allSettled([link.host.close(), link.device?.close()]);
    },
  };
}
