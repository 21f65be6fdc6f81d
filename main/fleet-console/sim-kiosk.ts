import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import mqttPacket from 'mqtt-packet';
import { kioskTopic, type FleetStatus, type KioskAddress, type StatsRow } from '../fleet/protocol.ts';

/**
 * A lightweight simulated kiosk: one raw MQTT connection (mqtt-packet over a socket), no client
 * library, so thousands fit in one process. It speaks the same protocol as the real reporter:
 * retained birth, retained will with the same bdSeq, heartbeats, events, per-day statistics.
 * Driven by a shared clock (SimFleet.tick), not a timer per kiosk.
 */
export interface SimBroker {
  host: string;
  port: number;
  tls?: { ca?: Buffer | string };
  protocolVersion?: 4 | 5;
}

export class SimKiosk {
  readonly address: KioskAddress;
  bdSeq = 0;
  connected = false;
  devices: FleetStatus['devices'] = [
    { name: 'printer', state: 'online', supply: 'full' },
    { name: 'terminal', state: 'online' },
    { name: 'idReader', state: 'online' },
  ];
  app: FleetStatus['app'] = { state: 'available' };
  outboxDepth = 0;
  flagged = 0;
  #socket: Socket | undefined;
  #mid = 1;
  #hbSeq = 0;
  #nextHb = 0;
  #frozen = false;

  constructor(
    address: KioskAddress,
    private readonly cred: { username?: string; password?: string },
    private readonly opts: { keepaliveS: number; heartbeatMs: number },
  ) {
    this.address = address;
  }

  status(online: boolean): FleetStatus {
    return {
      v: 1,
      kiosk: this.address.kiosk,
      bdSeq: this.bdSeq,
      online,
      at: online ? new Date().toISOString() : null,
      app: online ? this.app : { state: 'unavailable', reason: 'lost' },
      devices: online ? this.devices : [],
      connectivity: online ? { online: true, lastSyncAt: new Date().toISOString(), lastReachableAt: new Date().toISOString() } : null,
      outbox: online ? { depth: this.outboxDepth, oldestAgeMs: this.outboxDepth ? 60_000 : null, deadLetters: 0, lanes: [] } : null,
      flaggedPayments: online ? this.flagged : null,
      version: 'sim',
      heartbeatS: online ? Math.max(1, Math.round(this.opts.heartbeatMs / 1000)) : null,
      uptimeS: online ? 60 : null,
      disk: null,
      memory: null,
    };
  }

  #send(p: mqttPacket.Packet): void {
    if (!this.#socket || this.#socket.destroyed || this.#frozen) return;
    this.#socket.write(mqttPacket.generate(p, { protocolVersion: 4 }));
  }

  #publish(leaf: Parameters<typeof kioskTopic>[1], body: unknown, retain: boolean, qos: 0 | 1 = 1): void {
    this.#send({ cmd: 'publish', topic: kioskTopic(this.address, leaf), payload: Buffer.from(JSON.stringify(body)), qos, retain, dup: false, ...(qos ? { messageId: this.#nextMid() } : {}) } as mqttPacket.IPublishPacket);
  }

  #nextMid(): number {
    this.#mid = (this.#mid % 65535) + 1;
    return this.#mid;
  }

  /** Connects with a new bdSeq; resolves on CONNACK (rejects on refusal or socket error). */
  connect(broker: SimBroker): Promise<void> {
    this.bdSeq++;
    this.#frozen = false;
    return new Promise((resolve, reject) => {
      const s = broker.tls ? tlsConnect({ host: broker.host, port: broker.port, ca: broker.tls.ca, servername: 'localhost' }) : netConnect(broker.port, broker.host);
      this.#socket = s;
      const parser = mqttPacket.parser({ protocolVersion: 4 });
      parser.on('packet', (p) => {
        if (p.cmd === 'connack') {
          if ((p as mqttPacket.IConnackPacket).returnCode) return reject(new Error(`refused ${(p as mqttPacket.IConnackPacket).returnCode}`));
          this.connected = true;
          this.#publish('status', this.status(true), true);
          this.#nextHb = Date.now() + Math.random() * this.opts.heartbeatMs;
          resolve();
        }
      });
      s.on('data', (d: Buffer) => parser.parse(d));
      s.on('error', (e) => (this.connected ? undefined : reject(e)));
      s.on('close', () => (this.connected = false));
      s.setNoDelay(true);
      this.#send({
        cmd: 'connect', protocolId: 'MQTT', protocolVersion: 4, clean: true, clientId: `khidma-${this.address.kiosk}`, keepalive: this.opts.keepaliveS,
        ...(this.cred.username && { username: this.cred.username }), ...(this.cred.password && { password: Buffer.from(this.cred.password) }),
        will: { topic: kioskTopic(this.address, 'status'), payload: Buffer.from(JSON.stringify(this.status(false))), qos: 1, retain: true },
      } as mqttPacket.IConnectPacket);
    });
  }

  /** The shared clock: heartbeats when due (they also keep the connection alive). */
  tick(now: number): void {
    if (!this.connected || this.#frozen || now < this.#nextHb) return;
    this.#nextHb = now + this.opts.heartbeatMs;
    this.#publish('heartbeat', { v: 1, bdSeq: this.bdSeq, seq: this.#hbSeq++, at: new Date(now).toISOString() }, false, 0);
  }

  publishStatus(): void {
    this.#publish('status', this.status(true), true);
  }

  event(kind: 'deviceAlert', code: string, severity: 'info' | 'warning' | 'critical'): void {
    this.#publish('events', { v: 1, id: `${this.bdSeq}-${this.#nextMid()}`, kind, at: new Date().toISOString(), code, severity }, false);
  }

  publishStats(day: string, rows: StatsRow[], timeZone: string): void {
    this.#publish(`stats/${day}`, { v: 1, day, timeZone, at: new Date().toISOString(), rows }, true);
  }

  /** Paper state and the app state that follows from it, without publishing. */
  setPaperQuietly(supply: 'full' | 'low' | 'out'): void {
    this.devices = this.devices.map((d) => (d.name === 'printer' ? { ...d, supply } : d));
    this.app = supply === 'out' ? { state: 'unavailable', reason: 'consumables' } : { state: 'available' };
  }

  setPaper(supply: 'full' | 'low' | 'out'): void {
    this.setPaperQuietly(supply);
    this.publishStatus();
    this.event('deviceAlert', supply === 'full' ? 'printer:ok' : `printer:paper${supply === 'out' ? 'Out' : 'Low'}`, supply === 'out' ? 'critical' : supply === 'low' ? 'warning' : 'info');
  }

  /** Hangs: the socket stays open but nothing more is sent (the broker's keepalive must notice). */
  freeze(): void {
    this.#frozen = true;
  }

  /** Dies at once (the broker sees the socket close and publishes the will). */
  kill(): void {
    this.#socket?.destroy();
    this.connected = false;
  }

  /** Planned shutdown: its own death, then DISCONNECT (no will). */
  shutdown(): void {
    this.#send({ cmd: 'publish', topic: kioskTopic(this.address, 'status'), payload: Buffer.from(JSON.stringify({ ...this.status(false), app: { state: 'unavailable', reason: 'shutdown' }, at: new Date().toISOString() })), qos: 0, retain: true, dup: false } as mqttPacket.IPublishPacket);
    this.#send({ cmd: 'disconnect' });
    this.#socket?.end();
    this.connected = false;
  }
}
