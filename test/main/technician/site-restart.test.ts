import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createKiosk } from '../../../main/compose.ts';
import { parseConfig, type KioskConfig } from '../../../main/config.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { AuditRepo } from '../../../main/store/audit-repo.ts';
import { DEMO_TECHNICIAN } from '../../../main/technician/demo-mode.ts';
import { startDemoGateway } from '../../../main/demo-gateway/server.ts';
import type { TechSettingsResult } from '../../../main/contract/api.ts';
import type { Catalogue } from '../../../main/shared/catalogue/schema.ts';
import { makeTestPki } from '../../support/test-ca.ts';
import { tempDir } from '../../support/temp-dir.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A kiosk whose owner restarts it on request, as the launcher does: close, then start again on the same data folder. */
async function managedKiosk(file: KioskConfig) {
  const requests: string[] = [];
  const open = () => createKiosk(file, { log: silentLogger, requestRestart: (why) => void requests.push(why) });
  const box = { kiosk: await open(), requests };
  cleanups.push(() => box.kiosk.close());
  const call = async <T>(method: string, params: unknown, conn = 'ws-tech'): Promise<T> => {
    const r = await box.kiosk.dispatcher.dispatch(method, params, { connection: { id: conn } });
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  const restart = async () => {
    expect(await call('tech.restart', {})).toEqual({ restarting: true });
    const before = requests.length;
    await expect.poll(() => requests.length).toBe(before + 1);
    await box.kiosk.close();
    box.kiosk = await open();
  };
  return { box, call, restart };
}
const FORM = { kioskId: 'KW-GOVMALL-01', kioskNumber: 1, location: { ar: 'مجمع الوزارات الحكومي - الكويت', en: 'Government Mall - Kuwait City' }, profile: 'KW', gatewayUrl: '', fleetUrl: '', fleetCentre: '' };

describe('identity and connection apply at restart', () => {
  it('after a restart the new kiosk ID, number and location are in force: screen info, numbering, registration', async () => {
    const dir = tempDir('site-restart');
    cleanups.push(() => dir.remove());
    const { box, call, restart } = await managedKiosk(parseConfig({ demo: true, dataDir: dir.path }));
    // Only a signed-in technician's connection: a visitor's page cannot change or restart anything.
    for (const [method, params] of [['tech.saveSite', { ...FORM, kioskId: 'KW-EVIL-01' }], ['tech.terminalPassword', { password: '111111' }], ['tech.importCredentials', { source: '/media' }], ['tech.restart', {}]] as const) {
      expect(await box.kiosk.dispatcher.dispatch(method, params, { connection: { id: 'ws-visitor' } })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(box.requests).toEqual([]);
    await call('tech.login', { pin: DEMO_TECHNICIAN.pin });
    const saved = await call<TechSettingsResult>('tech.saveSite', { ...FORM, kioskId: 'KW-AVENUES-07', kioskNumber: 7, location: { ar: 'الأفنيوز', en: 'The Avenues' } });
    expect(saved.site.restartPending).toBe(true);
    // Not live: the running kiosk keeps its identity until it restarts.
    expect(box.kiosk.config.kioskId).toBe('KW-GOVMALL-01');

    await restart();
    expect(box.kiosk.config).toMatchObject({ kioskId: 'KW-AVENUES-07', kioskNumber: 7, location: { en: 'The Avenues' } });
    expect(await call('kiosk.info', {}, 'ws-visitor')).toMatchObject({ kioskId: 'KW-AVENUES-07', location: { ar: 'الأفنيوز', en: 'The Avenues' } });
    // The kiosk's own numbers carry its new number.
    await call('session.start', { locale: 'en' }, 'ws-visitor');
    const { catalogue } = await call<{ catalogue: Catalogue }>('catalogue.get', {}, 'ws-visitor');
    const entity = catalogue.entities.find((e) => e.complaintTypes.length > 0)!;
    const receipt = await call<{ trackingNumber: string }>('complaint.submit', { entityId: entity.id, typeId: entity.complaintTypes[0]!.id, kind: 'suggestion', text: 'More chairs near the kiosk, please.' }, 'ws-visitor');
    expect(receipt.trackingNumber).toMatch(/^007\d{13}$/);
    await call('session.end', {}, 'ws-visitor');
    // The gateway was told the new identity at start-up: number 7 at The Avenues is now this kiosk's.
    const other = { kioskId: 'KW-OTHER-01', kioskNumber: 7, location: { ar: 'الأفنيوز', en: 'The Avenues' } };
    await expect.poll(() => box.kiosk.demoGateway!.store.registerKiosk(other, new Date().toISOString()), { timeout: 10_000 }).toBeNull();

    await call('tech.login', { pin: DEMO_TECHNICIAN.pin });
    const after = await call<TechSettingsResult>('tech.settings', {});
    expect(after.site.restartPending).toBe(false);
    expect(after.versionId).toBe(2);
    const audit = new AuditRepo(box.kiosk.db).recent(50).map((a) => a.action);
    expect(audit).toContain('tech.restart');
    // The restart ended the technician's session, as the issue asks.
    expect(new AuditRepo(box.kiosk.db).recent(50).find((a) => a.action === 'tech.logout')?.detail).toEqual({ reason: 'exit' });
  }, 60_000);

  it('a wrong gateway leaves the kiosk offline and its version unproven; one rollback and a restart bring the last good one back', async () => {
    const dir = tempDir('site-rollback');
    cleanups.push(() => dir.remove());
    const { box, call, restart } = await managedKiosk(parseConfig({ demo: true, dataDir: dir.path, connectivity: { probeIntervalMs: 200 } }));
    await call('tech.login', { pin: DEMO_TECHNICIAN.pin });
    await call('tech.saveSite', { ...FORM, gatewayUrl: 'http://127.0.0.1:9/' });
    await restart();
    expect(box.kiosk.config.gateway).toMatchObject({ mode: 'remote', url: 'http://127.0.0.1:9/' });
    await expect.poll(() => box.kiosk.syncStatus().online, { timeout: 10_000 }).toBe(false);
    await call('tech.login', { pin: DEMO_TECHNICIAN.pin });
    const bad = await call<TechSettingsResult>('tech.settings', {});
    expect(bad.history[0]).toMatchObject({ id: 2, worked: false });

    const back = await call<TechSettingsResult>('tech.rollback', {});
    expect(back.history[0]!.diff).toEqual([{ path: 'gatewayUrl', from: 'http://127.0.0.1:9/', to: null }]);
    expect(back.site).toMatchObject({ restartPending: true, values: { gatewayUrl: '' } });
    await restart();
    expect(box.kiosk.config.gateway.mode).toBe('embedded');
    await expect.poll(() => box.kiosk.syncStatus().online, { timeout: 10_000 }).toBe(true);
  }, 60_000);

  it('gateway certificates imported from a USB stick: after the restart the kiosk reaches the HTTPS gateway over mutual TLS', async () => {
    const dir = tempDir('site-mtls');
    cleanups.push(() => dir.remove());
    mkdirSync(dir.file('pki'));
    const pki = makeTestPki(dir.file('pki'), 'site');
    const gw = await startDemoGateway({ dbFile: dir.file('gw.sqlite'), tls: { key: pki.read(pki.serverKey), cert: pki.read(pki.serverCert), ca: pki.read(pki.caCert), requestCert: true, rejectUnauthorized: true } });
    cleanups.push(() => gw.close());
    const stick = join(dir.file('media'), 'tech', 'USB');
    mkdirSync(stick, { recursive: true });
    for (const f of [pki.caCert, pki.clientCert, pki.clientKey]) copyFileSync(f, join(stick, f.split('/').pop()!));

    const { box, call, restart } = await managedKiosk(parseConfig({ demo: true, dataDir: dir.file('data'), connectivity: { probeIntervalMs: 200 }, technician: { mediaRoots: [dir.file('media')] } }));
    await call('tech.login', { pin: DEMO_TECHNICIAN.pin });
    await expect(call('tech.saveSite', { ...FORM, gatewayUrl: gw.url })).rejects.toThrow('site:gatewayUrl:gatewayCredentials');
    const { sources } = await call<{ sources: { path: string }[] }>('tech.credentialMedia', {});
    await call('tech.importCredentials', { source: sources[0]!.path });
    await call('tech.saveSite', { ...FORM, gatewayUrl: gw.url });
    const before = gw.served.get(200) ?? 0;
    await restart();
    expect(box.kiosk.config.gateway).toMatchObject({ mode: 'remote', url: gw.url, tls: { certFile: expect.stringContaining(dir.file('data')) } });
    await expect.poll(() => (gw.served.get(200) ?? 0) > before, { timeout: 10_000 }).toBe(true);
    expect(box.kiosk.syncStatus().online).toBe(true);
  }, 60_000);
});
