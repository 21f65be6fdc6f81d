import { z } from 'zod';
import type { DeviceName, DeviceSummary } from './types.ts';
import { techMoneyMethodParams, type TechMoneyMethodResults } from './tech-money-api.ts';
import { techSiteParams, type TechSiteResults, type TechSiteView } from './tech-site-api.ts';

export type * from './tech-money-api.ts';
export type { TechSiteView, TechCertView } from './tech-site-api.ts';

/**
 * Technician mode's part of the contract (issue 12). Every `tech.*` method but the two that
 * log in is refused by the dispatcher's guard unless the calling connection holds a
 * technician session. Types only cross to the renderer.
 */
const role = z.enum(['printer', 'terminal', 'idReader']);
const serialPath = z.string().min(1).max(200).regex(/^[A-Za-z0-9_./:\\-]+$/, 'a device path such as /dev/ttyUSB0');
export const lineSettings = z
  .object({
    baudRate: z.number().int().positive().max(4_000_000),
    parity: z.enum(['none', 'even', 'odd']),
    stopBits: z.union([z.literal(1), z.literal(2)]),
    rtscts: z.boolean(),
  })
  .strict();

export const techMethodParams = {
  /** Public: whether entry is locked (the PIN pad shows the wait). */
  'tech.entry': z.object({}).strict(),
  /** Public: a PIN typed on the keypad; binds a technician session to this connection. */
  'tech.login': z.object({ pin: z.string().regex(/^\d{1,12}$/, 'digits only') }).strict(),
  'tech.logout': z.object({}).strict(),
  'tech.overview': z.object({}).strict(),
  'tech.ports': z.object({}).strict(),
  'tech.probe': z.object({ path: serialPath, baudRate: z.number().int().positive().max(4_000_000).optional() }).strict(),
  'tech.assign': z
    .object({
      role,
      link: z.discriminatedUnion('link', [
        z.object({ link: z.literal('simulator') }).strict(),
        z.object({ link: z.literal('serial'), path: serialPath, profile: z.string().max(64).optional(), line: lineSettings }).strict(),
      ]),
    })
    .strict(),
  'tech.printerTest': z.object({ kind: z.enum(['page', 'status']) }).strict(),
  'tech.terminalTest': z.object({ kind: z.enum(['register', 'status', 'diagnosis', 'endOfDay']), locale: z.enum(['ar', 'en']).optional() }).strict(),
  'tech.readerTest': z.object({ waitMs: z.number().int().min(100).max(60_000).default(15_000) }).strict(),
  'tech.settings': z.object({}).strict(),
  /** Secrets are not among what a screen may set (they are never sent to one, either). */
  'tech.saveSettings': z
    .object({
      idleSeconds: z.number().int().min(5).max(3600),
      idleWarningSeconds: z.number().int().min(3).max(120),
      enabledServices: z.array(z.enum(['payBills', 'payFines', 'donation', 'reprint', 'inquiries', 'complaints', 'ticket'])).max(7),
      openingHours: z.object({ open: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/), close: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/) }).strict().nullable(),
    })
    .strict(),
  'tech.rollback': z.object({}).strict(),
  ...techSiteParams,
  'tech.logs': z.object({ level: z.enum(['debug', 'info', 'warn', 'error']), search: z.string().max(64).optional(), limit: z.number().int().min(1).max(500).default(100) }).strict(),
  'tech.media': z.object({}).strict(),
  /** Must be one of the folders `tech.media` listed. */
  'tech.diagnostics': z.object({ target: z.string().min(1).max(300) }).strict(),
  /** The same bundle to the operations centre over the fleet link (only while it is connected). */
  'tech.sendDiagnostics': z.object({}).strict(),
  ...techMoneyMethodParams,
} as const;

export type TechMethod = keyof typeof techMethodParams;
export type DeviceRole = z.infer<typeof role>;
export type LineSettings = z.infer<typeof lineSettings>;
export type TechAssignLink = z.infer<(typeof techMethodParams)['tech.assign']>['link'];

export type TechRole = 'technician' | 'supervisor';
export interface TechIdentity {
  name: string;
  role: TechRole;
}
export interface TechEntryState {
  locked: boolean;
  retryInSeconds: number;
  attemptsLeft: number;
}

export type KioskAppState = 'available' | 'unavailable' | 'active' | 'maintenance';
export type UnavailableReason = 'hardware' | 'consumables' | 'backend' | 'internal' | 'hours' | 'remote';
export interface ServiceStatus {
  id: 'payBills' | 'payFines' | 'donation' | 'reprint' | 'inquiries' | 'complaints' | 'ticket';
  available: boolean;
  reason?: UnavailableReason;
  /** Which requirement failed, and how (for the technician). */
  failed: { requirement: DeviceName | 'network'; state: string; reason: UnavailableReason }[];
}
export interface KioskStateView {
  state: KioskAppState;
  reason?: UnavailableReason;
  since: string;
  services: ServiceStatus[];
}

export interface PortInfo {
  path: string;
  manufacturer?: string;
  vendorId?: string;
  productId?: string;
  serialNumber?: string;
  /** The role this port is assigned to, if any. */
  assignedTo?: DeviceRole;
}

export interface DeviceAssignment {
  role: DeviceRole;
  link: 'simulator' | 'serial';
  path?: string;
  profile: string;
  line?: LineSettings;
  status: DeviceSummary;
}

export interface TechOverview {
  technician: TechIdentity;
  kiosk: KioskStateView;
  devices: DeviceAssignment[];
  profiles: { role: DeviceRole; ids: string[] }[];
}

export interface ProbeResult {
  path: string;
  /** The role whose identification the port answered, if any. */
  proposed?: DeviceRole;
  profile?: string;
  tried: { role: DeviceRole; answered: boolean; detail: string }[];
}

export interface TechTestResult {
  ok: boolean;
  /** Short machine-readable outcome, e.g. "printed", "paperOut", "registered". */
  code: string;
  status?: DeviceSummary;
  /** Lines for the screen: never a card number, civil number or name. */
  lines?: string[];
  /** The simulator's paper for this job (data: URL), when the printer is simulated. */
  png?: string;
}

export interface TechReaderResult {
  read: boolean;
  code: string;
  document?: { format: string; issuingState: string; documentType: string; number: string; expiry: string; checks: string; name: string };
}

export type ServiceId = ServiceStatus['id'];
export interface TechSettingsView {
  idleSeconds: number;
  idleWarningSeconds: number;
  enabledServices: ServiceId[];
  openingHours: { open: string; close: string } | null;
  /** Secrets: only whether they are set. */
  terminalPassword: { set: boolean };
}
export interface TechSettingsVersion {
  id: number;
  changedBy: string;
  changedAt: string;
  worked: boolean;
  diff: { path: string; from: unknown; to: unknown }[];
}
export interface TechSettingsResult {
  settings: TechSettingsView;
  versionId: number;
  history: TechSettingsVersion[];
  /** Identity and connection (applied at restart). */
  site: TechSiteView;
}

export interface TechLogEntry {
  t: string;
  level: 'debug' | 'info' | 'warn' | 'error';
  scope: string;
  msg: string;
  data: string;
}

/** The operations centre's link, as the diagnostics screen offers it. */
export type FleetLinkState = 'connected' | 'offline' | 'notConfigured';

export interface TechMethodResults extends TechMoneyMethodResults, TechSiteResults {
  'tech.entry': TechEntryState;
  'tech.login': TechIdentity;
  'tech.logout': null;
  'tech.overview': TechOverview;
  'tech.ports': PortInfo[];
  'tech.probe': ProbeResult;
  'tech.assign': DeviceAssignment;
  'tech.printerTest': TechTestResult;
  'tech.terminalTest': TechTestResult;
  'tech.readerTest': TechReaderResult;
  'tech.settings': TechSettingsResult;
  'tech.saveSettings': TechSettingsResult;
  'tech.rollback': TechSettingsResult;
  'tech.logs': TechLogEntry[];
  'tech.media': { targets: string[]; fleet: FleetLinkState };
  'tech.diagnostics': { folder: string; files: string[]; bytes: number };
  'tech.sendDiagnostics': { id: string; bytes: number; sentBytes: number; droppedLogLines: number };
}

export interface TechEvents {
  /** The technician session ended (exit, idle timeout, connection lost): leave technician screens. */
  'tech.ended': { reason: 'exit' | 'idle' | 'disconnect' };
  /** The kiosk application state or a service's availability changed. */
  'kiosk.state': KioskStateView;
  /** Serial ports appeared or went (USB hot-plug). Only paths and USB ids, never personal data. */
  'tech.ports': { ports: PortInfo[] };
  /** The fleet link came up or went down. */
  'tech.fleet': { link: FleetLinkState };
}
