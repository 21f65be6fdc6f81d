import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { statfsSync } from 'node:fs';
import { freemem } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../log/logger.ts';
import { backoffDelay } from '../outbox/backoff.ts';
import { checkCommand } from './commands.ts';
import { packDiagnostics, type DiagnosticsMessage } from './diagnostics-wire.ts';
import { localDay } from './journal-stats.ts';
import { decode, kioskTopic, signedCommandSchema, statusSchema, type FleetEvent, type FleetStatus, type KioskAddress, type SignedCommand } from './protocol.ts';
import type { KioskStatusSource, SourceEvent, SourceSignal } from './status-source.ts';

export interface ReporterOptions {
  url: string;
  address: KioskAddress;
  source: KioskStatusSource;
  /** Persisted birth/death sequence: a new number for every connection, never reused. */
  bdSeq: { next(): number };
  username?: string;
  password?: string;
  tls?: { ca?: string | Buffer; cert?: string | Buffer; key?: string | Buffer; rejectUnauthorized?: boolean };
  keepaliveS?: number;
  heartbeatMs?: number;
  statusIntervalMs?: number;
  protocolVersion?: 4 | 5;
  /** Days of statistics republished on every connection (the broker may have lost them). */
  statsBackfillDays?: number;
  timeZone: string;
  version: string;
  dataDir?: string;
  commands?: {
    publicKeyPem: string;
    seen(id: string): boolean;
    audit(e: { action: string; commandId: string; operator: string; outcome: string; detail?: Record<string, number> }): void;
  };
  /** The broker link came up or went down (the technician's screen offers sending a bundle only while it is up). */
  onLink?(connected: boolean): void;
  /** How long a bundle may wait for the broker's acknowledgement before the send counts as failed. */
  diagnosticsAckMs?: number;
  backoff?: { baseMs: number; capMs: number };
  now?: () => Date;
  log: Logger;
}

const MAX_QUEUED_EVENTS = 500;

export type DiagnosticsSendResult =
  | { ok: true; id: string; bytes: number; sentBytes: number; droppedLogLines: number }
  | { ok: false; error: 'offline' | 'tooLarge' | 'publishFailed' };

/**
 * The kiosk's fleet reporter: retained birth on the status topic, a retained will (death) with
 * the same bdSeq, heartbeats, events and per-day statistics. Reconnects with jittered backoff and
 * republishes everything on each connection, so a broker that lost its state is refilled.
 */
export class FleetReporter {
  readonly #o: ReporterOptions;
  readonly #now: () => Date;
  readonly #started = Date.now();
  #client: MqttClient | undefined;
  #bdSeq = 0;
  #hbSeq = 0;
  #attempt = 0;
  #stopping = false;
  #timers: { hb?: ReturnType<typeof setInterval>; status?: ReturnType<typeof setInterval>; debounce?: ReturnType<typeof setTimeout>; retry?: ReturnType<typeof setTimeout> } = {};
  #queued: FleetEvent[] = [];
  #off: () => void = () => undefined;
  #linkUp = false;

  constructor(o: ReporterOptions) {
    this.#o = o;
    this.#now = o.now ?? (() => new Date());
  }

  get connected(): boolean {
    return this.#client?.connected ?? false;
  }

  get bdSeq(): number {
    return this.#bdSeq;
  }

  #topic(leaf: Parameters<typeof kioskTopic>[1]): string {
    return kioskTopic(this.#o.address, leaf);
  }

  /** The status document (also served by the local endpoint). */
  status(): FleetStatus {
    const snap = this.#o.source.snapshot();
    let disk: FleetStatus['disk'] = null;
    try {
      if (this.#o.dataDir) {
        const s = statfsSync(this.#o.dataDir);
        disk = { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
      }
    } catch {
      disk = null;
    }
    return {
      v: 1,
      kiosk: this.#o.address.kiosk,
      bdSeq: this.#bdSeq,
      online: true,
      at: this.#now().toISOString(),
      ...snap,
      version: this.#o.version,
      heartbeatS: Math.max(1, Math.round((this.#o.heartbeatMs ?? 30_000) / 1000)),
      uptimeS: Math.floor((Date.now() - this.#started) / 1000),
      disk,
      memory: { rssBytes: process.memoryUsage.rss(), systemFreeBytes: freemem() },
    };
  }

  #death(reason: 'lost' | 'shutdown', at: string | null): Buffer {
    const d: FleetStatus = {
      v: 1,
      kiosk: this.#o.address.kiosk,
      bdSeq: this.#bdSeq,
      online: false,
      at,
      app: { state: 'unavailable', reason },
      devices: [],
      connectivity: null,
      outbox: null,
      flaggedPayments: null,
      version: this.#o.version,
      heartbeatS: null,
      uptimeS: null,
      disk: null,
      memory: null,
    };
    return Buffer.from(JSON.stringify(d));
  }

  start(): void {
    this.#stopping = false;
    this.#off = this.#o.source.subscribe((s) => this.#onSignal(s));
    this.#bdSeq = this.#o.bdSeq.next();
    const opts: IClientOptions = {
      clientId: `khidma-${this.#o.address.kiosk}`,
      protocolVersion: this.#o.protocolVersion ?? 5,
      keepalive: this.#o.keepaliveS ?? 30,
      clean: true,
      reconnectPeriod: 0,
      connectTimeout: 10_000,
      will: { topic: this.#topic('status'), payload: this.#death('lost', null), qos: 1, retain: true },
      ...(this.#o.username !== undefined && { username: this.#o.username }),
      ...(this.#o.password !== undefined && { password: this.#o.password }),
      ...this.#o.tls,
    };
    const client = mqtt.connect(this.#o.url, opts);
    this.#client = client;
    client.on('connect', () => this.#onConnect());
    client.on('close', () => this.#onClose());
    client.on('error', (err) => this.#o.log.warn('fleet', 'broker error', { error: err.message }));
    client.on('message', (topic, payload) => this.#onMessage(topic, payload));
  }

  #onConnect(): void {
    this.#attempt = 0;
    const c = this.#client!;
    this.#o.log.info('fleet', 'connected', { bdSeq: this.#bdSeq });
    this.#link(true);
    c.subscribe([this.#topic('status'), this.#topic('cmd')], { qos: 1 }, (err) => err && this.#o.log.warn('fleet', 'subscribe failed', { error: err.message }));
    this.#publishStatus();
    this.#backfillStats();
    for (const e of this.#queued.splice(0)) this.#publishEvent(e);
    this.#timers.hb = setInterval(() => this.#heartbeat(), this.#o.heartbeatMs ?? 30_000);
    this.#timers.status = setInterval(() => this.#publishStatus(), this.#o.statusIntervalMs ?? 60_000);
  }

  /** Told once per change, not on every failed reconnect. */
  #link(up: boolean): void {
    if (up === this.#linkUp) return;
    this.#linkUp = up;
    this.#o.onLink?.(up);
  }

  #onClose(): void {
    clearInterval(this.#timers.hb);
    clearInterval(this.#timers.status);
    this.#link(false);
    if (this.#stopping || this.#timers.retry) return;
    const delay = backoffDelay(this.#attempt++, this.#o.backoff ?? { baseMs: 1000, capMs: 60_000 });
    this.#timers.retry = setTimeout(() => {
      this.#timers.retry = undefined;
      if (this.#stopping || !this.#client) return;
      // Every connection is a new birth: its will must carry the new sequence number.
      this.#bdSeq = this.#o.bdSeq.next();
      this.#client.options.will = { topic: this.#topic('status'), payload: this.#death('lost', null), qos: 1, retain: true };
      this.#client.reconnect();
    }, delay);
  }

  #publish(topic: string, body: unknown, retain: boolean, qos: 0 | 1 = 1): void {
    const c = this.#client;
    if (!c?.connected) return;
    c.publish(topic, JSON.stringify(body), { qos, retain }, (err) => err && this.#o.log.warn('fleet', 'publish failed', { topic, error: err.message }));
  }

  #publishStatus(): void {
    clearTimeout(this.#timers.debounce);
    this.#timers.debounce = undefined;
    this.#publish(this.#topic('status'), this.status(), true);
  }

  #heartbeat(): void {
    this.#publish(this.#topic('heartbeat'), { v: 1, bdSeq: this.#bdSeq, seq: this.#hbSeq++, at: this.#now().toISOString() }, false, 0);
  }

  #publishStats(day: string): void {
    this.#publish(this.#topic(`stats/${day}`), { v: 1, day, timeZone: this.#o.timeZone, at: this.#now().toISOString(), rows: this.#o.source.dayStats(day) }, true);
  }

  #backfillStats(): void {
    const since = localDay(new Date(this.#now().getTime() - (this.#o.statsBackfillDays ?? 35) * 86_400_000), this.#o.timeZone);
    for (const day of this.#o.source.paidDays(since)) this.#publishStats(day);
  }

  #publishEvent(e: FleetEvent): void {
    if (!this.connected) {
      this.#queued.push(e);
      if (this.#queued.length > MAX_QUEUED_EVENTS) this.#queued.shift();
      return;
    }
    this.#publish(this.#topic('events'), e, false);
  }

  event(e: SourceEvent): void {
    this.#publishEvent({ v: 1, id: randomUUID(), at: this.#now().toISOString(), ...e });
  }

  #onSignal(s: SourceSignal): void {
    if (s.kind === 'changed') this.#timers.debounce ??= setTimeout(() => this.#publishStatus(), 250);
    else if (s.kind === 'paid') this.#publishStats(s.day);
    else this.event(s.event);
  }

  #onMessage(topic: string, payload: Buffer): void {
    if (topic === this.#topic('status')) {
      // A will from an older connection arrived after our birth: the newer birth must win.
      const d = decode(statusSchema, payload);
      if (d.ok && !d.value.online && d.value.bdSeq < this.#bdSeq && this.connected) {
        this.#o.log.info('fleet', 'stale death replaced by birth', { stale: d.value.bdSeq, current: this.#bdSeq });
        this.#publishStatus();
      }
      return;
    }
    if (topic === this.#topic('cmd')) this.#onCommand(payload);
  }

  #onCommand(payload: Buffer): void {
    const cmds = this.#o.commands;
    const parsed = decode(signedCommandSchema, payload);
    const id = parsed.ok ? parsed.value.body.id : 'unparsed';
    const action = parsed.ok ? parsed.value.body.action : 'unknown';
    const reply = (ok: boolean, reason?: string) => {
      this.#publish(this.#topic('cmdresult'), { v: 1, id, action, ok, ...(reason && { reason }), at: this.#now().toISOString() }, false);
      this.event({ kind: 'command', code: `command:${action}:${ok ? 'done' : 'refused'}`, severity: ok ? 'info' : 'warning', data: { commandId: id, ...(reason && { reason }) } });
    };
    if (!parsed.ok) return reply(false, 'malformed');
    if (!cmds) return reply(false, 'commandsDisabled');
    const cmd: SignedCommand = parsed.value;
    const check = checkCommand(cmd, { publicKeyPem: cmds.publicKeyPem, kiosk: this.#o.address.kiosk, now: this.#now(), seen: cmds.seen });
    cmds.audit({ action: cmd.body.action, commandId: cmd.body.id, operator: cmd.body.operator, outcome: check.ok ? 'accepted' : `refused:${check.reason}` });
    if (!check.ok) return reply(false, check.reason);
    if (cmd.body.action === 'diagnostics') {
      // Answered once the broker has the bundle (or it could not be sent).
      void this.sendDiagnostics('console', cmd.body.id).then((r) => {
        cmds.audit({ action: cmd.body.action, commandId: cmd.body.id, operator: cmd.body.operator, outcome: r.ok ? 'sent' : `failed:${r.error}`, ...(r.ok && { detail: { bytes: r.bytes, sentBytes: r.sentBytes, droppedLogLines: r.droppedLogLines } }) });
        reply(r.ok, r.ok ? undefined : r.error);
      });
      return;
    }
    this.#o.source.setRemoteOutOfService(cmd.body.action === 'outOfService');
    this.#publishStatus();
    reply(true);
  }

  /**
   * One diagnostics bundle to the console: built by the technician's builder, compressed and
   * size-capped (diagnostics-wire.ts), published once at QoS 1, not retained. Resolves when the
   * broker has acknowledged it, so the technician's screen can say it arrived.
   */
  async sendDiagnostics(trigger: DiagnosticsMessage['trigger'], commandId?: string): Promise<DiagnosticsSendResult> {
    const c = this.#client;
    if (!c?.connected) return { ok: false, error: 'offline' };
    const packed = await packDiagnostics((max) => this.#o.source.diagnostics(max), { kiosk: this.#o.address.kiosk, trigger, ...(commandId && { commandId }), now: this.#now() });
    if (!packed.ok) return packed;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no acknowledgement')), this.#o.diagnosticsAckMs ?? 20_000)));
      await Promise.race([c.publishAsync(this.#topic('diagnostics'), packed.payload, { qos: 1, retain: false }), timeout]);
    } catch (err) {
      this.#o.log.warn('fleet', 'diagnostics not sent', { error: String(err).slice(0, 120) });
      return { ok: false, error: 'publishFailed' };
    } finally {
      clearTimeout(timer);
    }
    const m = packed.meta;
    this.#o.log.info('fleet', 'diagnostics sent', { id: m.id, trigger, bytes: m.bytes, sentBytes: packed.payload.length, droppedLogLines: m.droppedLogLines });
    return { ok: true, id: m.id, bytes: m.bytes, sentBytes: packed.payload.length, droppedLogLines: m.droppedLogLines };
  }

  /** Planned shutdown: publish our own death (retained) and disconnect cleanly, so no will fires. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#off();
    clearTimeout(this.#timers.retry);
    clearTimeout(this.#timers.debounce);
    clearInterval(this.#timers.hb);
    clearInterval(this.#timers.status);
    const c = this.#client;
    this.#client = undefined;
    if (!c) return;
    if (c.connected) {
      await c.publishAsync(this.#topic('status'), this.#death('shutdown', this.#now().toISOString()), { qos: 1, retain: true }).catch(() => undefined);
      await c.endAsync().catch(() => undefined);
    } else await c.endAsync(true).catch(() => undefined);
  }
}
