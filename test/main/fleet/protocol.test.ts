import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decode, kioskTopic, parseTopic, signedCommandSchema, statusSchema } from '../../../main/fleet/protocol.ts';
import { checkCommand, generateCommandKeys, signCommand } from '../../../main/fleet/commands.ts';
import { FleetConsole } from '../../../main/fleet-console/console.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { tempDir } from '../../support/temp-dir.ts';

const A = { country: 'KW', centre: 'GOVMALL', kiosk: 'KW-GOVMALL-01' };

describe('fleet topics and payloads', () => {
  it('topics round-trip, and anything else is not ours', () => {
    expect(parseTopic(kioskTopic(A, 'status'))).toEqual({ ...A, leaf: 'status' });
    expect(parseTopic(kioskTopic(A, 'stats/2026-12-01'))).toEqual({ ...A, leaf: 'stats', day: '2026-12-01' });
    for (const bad of ['khidma/KW/GOVMALL/status', 'other/KW/G/K/status', 'khidma/KW/G/K/stats/yesterday', 'khidma/KW/G/K/status/extra', 'khidma/K W/G/K/status']) expect(parseTopic(bad)).toBeUndefined();
    expect(() => kioskTopic({ ...A, kiosk: 'a/#' }, 'status')).toThrow(RangeError);
  });

  it('a status with an extra field (say a civil number) is refused: the schema is strict', () => {
    const base = { v: 1, kiosk: 'K', bdSeq: 1, online: false, at: null, app: { state: 'unavailable', reason: 'lost' }, devices: [], connectivity: null, outbox: null, flaggedPayments: null, version: null, heartbeatS: null, uptimeS: null, disk: null, memory: null };
    expect(decode(statusSchema, JSON.stringify(base)).ok).toBe(true);
    expect(decode(statusSchema, JSON.stringify({ ...base, civilId: '285031400009' })).ok).toBe(false);
  });

  it('parsers and the console survive garbage (fast-check)', () => {
    const dir = tempDir('fleet-fuzz');
    const c = new FleetConsole({ dataDir: dir.path, broker: { url: 'mqtt://127.0.0.1:1' }, log: silentLogger });
    try {
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.constantFrom('khidma/KW/G/K/status', 'khidma/KW/G/K/stats/2026-01-01', 'khidma/KW/G/K/events', 'khidma/KW/G/K/heartbeat', 'khidma/KW/G/K/cmdresult')), fc.oneof(fc.string(), fc.json(), fc.uint8Array().map((a) => Buffer.from(a).toString('latin1'))), (topic, payload) => {
          parseTopic(topic);
          decode(statusSchema, payload);
          c.handle(topic, Buffer.from(payload));
        }),
        { numRuns: 400 },
      );
      expect(c.fleet.size).toBeLessThanOrEqual(1);
    } finally {
      c.db.close();
      dir.remove();
    }
  });
});

describe('signed remote commands', () => {
  const keys = generateCommandKeys();
  const now = new Date('2026-12-01T10:00:00Z');
  const body = { id: '6f1e2f7c-3a53-4c36-9f53-1d2b1c0c9a11', kiosk: 'KW-GOVMALL-01', action: 'outOfService' as const, operator: 'sara', issuedAt: now.toISOString(), expiresAt: new Date(now.getTime() + 300_000).toISOString() };
  const check = (cmd: ReturnType<typeof signCommand>, over: Partial<Parameters<typeof checkCommand>[1]> = {}) =>
    checkCommand(cmd, { publicKeyPem: keys.publicKeyPem, kiosk: 'KW-GOVMALL-01', now, seen: () => false, ...over });

  it('accepts a good one and refuses tampering, another key, another kiosk, expiry and replay', () => {
    const good = signCommand(body, keys.privateKeyPem);
    expect(signedCommandSchema.parse(JSON.parse(JSON.stringify(good)))).toEqual(good);
    expect(check(good)).toEqual({ ok: true });
    expect(check({ ...good, body: { ...body, action: 'inService' } })).toEqual({ ok: false, reason: 'badSignature' });
    expect(check(signCommand(body, generateCommandKeys().privateKeyPem))).toEqual({ ok: false, reason: 'badSignature' });
    expect(check({ ...good, sig: 'not base64 at all' })).toEqual({ ok: false, reason: 'badSignature' });
    expect(check(good, { kiosk: 'KW-GOVMALL-02' })).toEqual({ ok: false, reason: 'otherKiosk' });
    expect(check(good, { now: new Date(now.getTime() + 301_000) })).toEqual({ ok: false, reason: 'expired' });
    expect(check(good, { seen: () => true })).toEqual({ ok: false, reason: 'replayed' });
  });
});
