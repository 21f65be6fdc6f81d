import mqtt, { type MqttClient } from 'mqtt';
import { randomUUID, createPrivateKey, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import type { Db } from '../store/database.ts';
import type { Logger } from '../log/logger.ts';
import { signCommand } from '../fleet/commands.ts';
import { commandResultSchema, dayStatsSchema, decode, eventSchema, heartbeatSchema, kioskTopic, parseTopic, statusSchema, TOPIC_ROOT, type CommandAction } from '../fleet/protocol.ts';
import { openConsoleDb } from './schema.ts';
import { FleetStore } from './fleet-store.ts';
import { StatsStore } from './stats-store.ts';
import { DiagnosticsStore } from './diagnostics-store.ts';
import { Auth, type Operator } from './auth.ts';
import type { AlertSettings } from './alerts.ts';

export interface ConsoleOptions {
  dataDir: string;
  broker: { url: string; username?: string; password?: string; ca?: Buffer | string; rejectUnauthorized?: boolean; protocolVersion?: 4 | 5; clientId?: string };
  /** Ed25519 private key (PEM) the kiosks trust for remote commands. */
  commandPrivateKeyPem?: string;
  alerts?: Partial<AlertSettings>;
  /** Only these countries (one console per country); all when absent. */
  countries?: string[];
  sweepMs?: number;
  now?: () => Date;
  log: Logger;
}

/**
 * The fleet console's core: one MQTT subscription to the whole fleet, the live store, statistics,
 * operators and remote commands. It keeps nothing the broker cannot give back: a fresh console
 * rebuilds the fleet and its statistics from the retained messages.
 */
export class FleetConsole {
  readonly db: Db;
  readonly fleet: FleetStore;
  readonly stats: StatsStore;
  readonly auth: Auth;
  /** Diagnostics bundles the kiosks sent (read by supervisors only, see server.ts). */
  readonly diagnostics: DiagnosticsStore;
  readonly #o: ConsoleOptions;
  readonly #now: () => Date;
  readonly #key: KeyObject | undefined;
  #client: MqttClient | undefined;
  #sweep: ReturnType<typeof setInterval> | undefined;
  /** Messages handled, by kind (benchmarks and the page's footer). */
  readonly counters = { status: 0, heartbeat: 0, events: 0, stats: 0, diagnostics: 0, ignored: 0, invalid: 0 };

  constructor(o: ConsoleOptions) {
    this.#o = o;
    this.#now = o.now ?? (() => new Date());
    this.db = openConsoleDb(join(o.dataDir, 'fleet-console.sqlite'));
    this.fleet = new FleetStore(this.db, o.alerts ? { alerts: o.alerts } : {});
    this.stats = new StatsStore(this.db);
    this.auth = new Auth(this.db, { now: this.#now });
    this.diagnostics = new DiagnosticsStore(this.db, join(o.dataDir, 'diagnostics'));
    this.#key = o.commandPrivateKeyPem ? createPrivateKey(o.commandPrivateKeyPem) : undefined;
  }

  get connected(): boolean {
    return this.#client?.connected ?? false;
  }

  async start(): Promise<void> {
    const b = this.#o.broker;
    const client = mqtt.connect(b.url, {
      clientId: b.clientId ?? `khidma-console-${randomUUID().slice(0, 8)}`,
      protocolVersion: b.protocolVersion ?? 5,
      clean: true,
      keepalive: 30,
      reconnectPeriod: 2000,
      ...(b.username !== undefined && { username: b.username }),
      ...(b.password !== undefined && { password: b.password }),
      ...(b.ca !== undefined && { ca: b.ca }),
      ...(b.rejectUnauthorized !== undefined && { rejectUnauthorized: b.rejectUnauthorized }),
    });
    this.#client = client;
    client.on('message', (topic, payload) => this.handle(topic, payload));
    client.on('connect', () => {
      this.#o.log.info('fleet-console', 'connected to broker');
      const filters = this.#o.countries?.length ? this.#o.countries.map((c) => `${TOPIC_ROOT}/${c}/+/+/#`) : [`${TOPIC_ROOT}/+/+/+/#`];
      client.subscribe(filters, { qos: 1 });
    });
    client.on('error', (err) => this.#o.log.warn('fleet-console', 'broker error', { error: err.message }));
    this.#sweep = setInterval(() => this.fleet.sweep(this.#now()), this.#o.sweepMs ?? 500);
    await new Promise<void>((resolve) => client.once('connect', () => resolve()));
  }

  /** One message from the broker; anything malformed is counted and dropped, never fatal. */
  handle(topic: string, payload: Buffer): void {
    const t = parseTopic(topic);
    if (!t) return void this.counters.ignored++;
    const now = this.#now();
    try {
      switch (t.leaf) {
        case 'status': {
          const d = decode(statusSchema, payload);
          if (!d.ok) return void this.counters.invalid++;
          this.counters.status++;
          this.fleet.applyStatus(t, d.value, now);
          return;
        }
        case 'heartbeat': {
          const d = decode(heartbeatSchema, payload);
          if (!d.ok) return void this.counters.invalid++;
          this.counters.heartbeat++;
          return this.fleet.heartbeat(t, d.value, now);
        }
        case 'events': {
          const d = decode(eventSchema, payload);
          if (!d.ok) return void this.counters.invalid++;
          this.counters.events++;
          return this.fleet.event(t, d.value, now);
        }
        case 'stats': {
          if (payload.length === 0) return; // a cleared retained day
          const d = decode(dayStatsSchema, payload);
          if (!d.ok || d.value.day !== t.day) return void this.counters.invalid++;
          this.counters.stats++;
          this.stats.applyDay(t, d.value.day, d.value.rows);
          return;
        }
        case 'cmdresult': {
          const d = decode(commandResultSchema, payload);
          if (!d.ok) return void this.counters.invalid++;
          const r = d.value;
          this.db.prepare('UPDATE commands SET result = ?, reason = ?, result_at = ? WHERE id = ? AND kiosk = ?').run(r.ok ? 'done' : 'refused', r.reason ?? null, now.toISOString(), r.id, t.kiosk);
          this.auth.audit(`kiosk:${t.kiosk}`, `command.${r.ok ? 'done' : 'refused'}`, t.kiosk, { commandId: r.id, action: r.action, ...(r.reason && { reason: r.reason }) });
          return;
        }
        case 'diagnostics': {
          // Checked again here (size, schema, checksum, a capped gunzip): the broker may hand us anything.
          const r = this.diagnostics.receive(t, payload, now);
          if (!r.ok) {
            this.counters.invalid++;
            this.auth.audit(`kiosk:${t.kiosk}`, 'diagnostics.refused', t.kiosk, { reason: r.reason, bytes: payload.length });
            return;
          }
          this.counters.diagnostics++;
          if (r.duplicate) return;
          const d = r.item;
          this.auth.audit(`kiosk:${t.kiosk}`, 'diagnostics.received', t.kiosk, { id: d.id, trigger: d.trigger, bytes: d.bytes, gzBytes: d.gzBytes, droppedLogLines: d.droppedLogLines, ...(d.commandId && { commandId: d.commandId }) });
          this.fleet.touch(t.kiosk);
          return;
        }
        default:
          this.counters.ignored++;
      }
    } catch (err) {
      this.counters.invalid++;
      this.#o.log.warn('fleet-console', 'message failed', { topic, error: String(err) });
    }
  }

  /** A supervisor's remote command: signed, published, recorded and audited. */
  async command(op: Operator, kiosk: string, action: CommandAction): Promise<{ ok: true; id: string } | { ok: false; error: string }> {
    if (op.role !== 'supervisor') return { ok: false, error: 'forbidden' };
    if (!this.#key) return { ok: false, error: 'commandsDisabled' };
    const addr = this.fleet.address(kiosk);
    if (!addr) return { ok: false, error: 'unknownKiosk' };
    const now = this.#now();
    const body = { id: randomUUID(), kiosk, action, operator: op.name, issuedAt: now.toISOString(), expiresAt: new Date(now.getTime() + 5 * 60_000).toISOString() };
    this.db.prepare('INSERT INTO commands (id, kiosk, action, operator, issued_at) VALUES (?, ?, ?, ?, ?)').run(body.id, kiosk, action, op.name, body.issuedAt);
    this.auth.audit(op.name, 'command.sent', kiosk, { commandId: body.id, action });
    try {
      await this.#client!.publishAsync(kioskTopic(addr, 'cmd'), JSON.stringify(signCommand(body, this.#key)), { qos: 1 });
    } catch (err) {
      this.auth.audit(op.name, 'command.publishFailed', kiosk, { commandId: body.id, error: String(err).slice(0, 100) });
      return { ok: false, error: 'brokerUnavailable' };
    }
    return { ok: true, id: body.id };
  }

  commands(kiosk: string) {
    return this.db.prepare('SELECT id, action, operator, issued_at AS issuedAt, result, reason, result_at AS resultAt FROM commands WHERE kiosk = ? ORDER BY issued_at DESC LIMIT 20').all(kiosk);
  }

  async close(): Promise<void> {
    clearInterval(this.#sweep);
    await this.#client?.endAsync().catch(() => undefined);
    this.fleet.sweep(this.#now());
    this.db.close();
  }
}
