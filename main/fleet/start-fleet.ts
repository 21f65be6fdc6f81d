import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Kiosk } from '../compose.ts';
import { AuditRepo } from '../store/audit-repo.ts';
import { SettingsRepo } from '../store/settings-repo.ts';
import { PROFILES } from '../profiles/profiles.ts';
import { ComposedKioskSource } from './kiosk-source.ts';
import { FleetReporter } from './reporter.ts';
import { startLocalStatusEndpoint, type LocalStatusEndpoint } from './local-endpoint.ts';
import type { FleetConfig } from './fleet-config.ts';

export interface KioskFleet {
  readonly reporter: FleetReporter | undefined;
  readonly source: ComposedKioskSource;
  readonly localStatus: LocalStatusEndpoint | undefined;
  /** Planned shutdown: the kiosk's own death is published before it disconnects. */
  stop(): Promise<void>;
}

const SEEN_KEY = 'fleet.commands.seen';

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** Wires the fleet reporter and the local status endpoint onto a composed kiosk (no-op without config). */
export async function startFleet(kiosk: Kiosk, fleet: FleetConfig | undefined, now: () => Date = () => new Date()): Promise<KioskFleet | undefined> {
  if (!fleet) return undefined;
  const settings = new SettingsRepo(kiosk.db);
  const audit = new AuditRepo(kiosk.db);
  const source = new ComposedKioskSource(kiosk);
  const read = (f: string | undefined) => (f ? readFileSync(resolve(f)) : undefined);
  const publicKey = read(fleet.commandPublicKeyFile)?.toString('utf8');
  const ca = read(fleet.caFile);
  const cert = read(fleet.certFile);
  const key = read(fleet.keyFile);
  const reporter = fleet.url
    ? new FleetReporter({
        url: fleet.url,
        address: { country: fleet.country, centre: fleet.centre, kiosk: kiosk.config.kioskId },
        source,
        bdSeq: {
          next() {
            const n = (settings.get<number>('fleet.bdSeq') ?? 0) + 1;
            settings.set('fleet.bdSeq', n, now().toISOString());
            return n;
          },
        },
        ...(fleet.username && { username: fleet.username }),
        ...(fleet.password && { password: fleet.password }),
        tls: { ...(ca && { ca }), ...(cert && { cert }), ...(key && { key }) },
        keepaliveS: fleet.keepaliveS,
        heartbeatMs: fleet.heartbeatMs,
        statusIntervalMs: fleet.statusIntervalMs,
        protocolVersion: fleet.protocolVersion,
        timeZone: PROFILES[kiosk.config.profile].timeZone,
        version: packageVersion(),
        dataDir: resolve(kiosk.config.dataDir),
        ...(publicKey && {
          commands: {
            publicKeyPem: publicKey,
            seen: (id: string) => (settings.get<string[]>(SEEN_KEY) ?? []).includes(id),
            audit: (e: { action: string; commandId: string; operator: string; outcome: string; detail?: Record<string, number> }) => {
              const at = now().toISOString();
              audit.append({ at, actor: `fleet:${e.operator}`, action: `fleet.command.${e.action}`, detail: { commandId: e.commandId, outcome: e.outcome, ...e.detail } });
              if (e.outcome === 'accepted') settings.set(SEEN_KEY, [...(settings.get<string[]>(SEEN_KEY) ?? []), e.commandId].slice(-1000), at);
            },
          },
        }),
        // The technician's diagnostics screen follows the link.
        onLink: (up) => kiosk.events.emit('tech.fleet', { link: up ? 'connected' : 'offline' }),
        now,
        log: kiosk.log,
      })
    : undefined;
  if (reporter) kiosk.technician.setFleetLink({ get connected() { return reporter.connected; }, send: () => reporter.sendDiagnostics('technician') });
  reporter?.start();
  const localStatus = fleet.localStatus
    ? await startLocalStatusEndpoint({
        port: fleet.localStatus.port,
        token: fleet.localStatus.token,
        status: () => reporter?.status() ?? { v: 1, kiosk: kiosk.config.kioskId, online: false, ...source.snapshot() },
      })
    : undefined;
  return {
    reporter,
    source,
    localStatus,
    async stop() {
      kiosk.technician.setFleetLink(undefined);
      await reporter?.stop();
      await localStatus?.close();
      source.close();
    },
  };
}
