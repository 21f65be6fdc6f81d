import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { ConfigError, parseConfig, type KioskConfigInput } from '../../../main/config.ts';
import { openDatabase } from '../../../main/store/database.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { diffSite, overlayConfig, siteFile, siteValues, type SiteOverrides } from '../../../main/technician/site-settings.ts';
import { mayMarkWorked, SettingsHistory, settingsFromConfig } from '../../../main/technician/settings-history.ts';
import { startWithSiteSettings } from '../../../main/technician/site-start.ts';
import { importGatewayCredentials } from '../../../main/technician/gateway-credentials.ts';
import { makeTestPki } from '../../support/test-ca.ts';
import { tempDir } from '../../support/temp-dir.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
const dir = () => {
  const d = tempDir('site');
  cleanups.push(() => d.remove());
  return d;
};
/** A test PKI and a "USB stick" folder holding what a technician brings: the kiosk's certificate and key, the gateway's CA. */
function stickWithCredentials(d: ReturnType<typeof tempDir>, prefix: string): string {
  mkdirSync(d.file('pki'));
  const pki = makeTestPki(d.file('pki'), prefix);
  const stick = d.file('stick');
  mkdirSync(stick);
  for (const f of [pki.caCert, pki.clientCert, pki.clientKey]) copyFileSync(f, `${stick}/${f.split('/').pop()}`);
  return stick;
}

const REMOTE: KioskConfigInput = {
  kioskId: 'KW-FILE-01',
  kioskNumber: 3,
  gateway: { mode: 'remote', url: 'http://127.0.0.1:8080', timeoutMs: 5000 },
  fleet: { url: 'mqtts://fleet.example:8883', country: 'KW', centre: 'GOVMALL', localStatus: { port: 0, token: 'x'.repeat(16) } },
  paymentTerminal: { password: '123456' },
};

describe('identity and connection over the config file (applied at start-up)', () => {
  it('no settings: the config file as it is', () => {
    const file = parseConfig({ demo: true, ...REMOTE });
    expect(overlayConfig(file, {})).toEqual(file);
  });

  it('each setting replaces its own value; the rest stays the file’s', () => {
    const file = parseConfig({ demo: true, ...REMOTE });
    const c = overlayConfig(file, { kioskId: 'QA-PEARL-02', kioskNumber: 12, location: { ar: 'اللؤلؤة', en: 'The Pearl' }, profile: 'QA', terminalPassword: '654321', fleetCentre: 'PEARL' });
    expect(c).toMatchObject({ kioskId: 'QA-PEARL-02', kioskNumber: 12, location: { en: 'The Pearl' }, profile: 'QA', paymentTerminal: { password: '654321', endOfDayAt: '23:45' } });
    // The fleet topic follows the country; the broker and its local status stay as the file has them.
    expect(c.fleet).toMatchObject({ url: 'mqtts://fleet.example:8883', country: 'QA', centre: 'PEARL', localStatus: { port: 0 } });
    expect(c.gateway).toEqual(file.gateway);
    expect(c.retention).toEqual(file.retention);
  });

  it('a gateway URL on a demo kiosk replaces its embedded gateway; no broker removes only the broker', () => {
    const demo = parseConfig({ demo: true });
    expect(overlayConfig(demo, { gatewayUrl: 'http://127.0.0.1:9/' }).gateway).toEqual({ mode: 'remote', url: 'http://127.0.0.1:9/', timeoutMs: 8000, allowPlainHttp: false });
    const file = parseConfig({ demo: true, ...REMOTE });
    const c = overlayConfig(file, { fleetUrl: null });
    expect(c.fleet?.url).toBeUndefined();
    expect(c.fleet?.localStatus?.port).toBe(0);
    // A broker where the file has none: country from the profile, centre from the setting.
    expect(overlayConfig(demo, { fleetUrl: 'mqtt://127.0.0.1:1883', fleetCentre: 'LAB' }).fleet).toMatchObject({ url: 'mqtt://127.0.0.1:1883', country: 'KW', centre: 'LAB' });
  });

  it('refuses what the config rules or the gateway transport would refuse at start-up', () => {
    const file = parseConfig({ demo: true, ...REMOTE });
    expect(() => overlayConfig(file, { gatewayUrl: 'https://gw.example/' })).toThrow(/gateway\.tls/);
    expect(() => overlayConfig(file, { gatewayUrl: 'http://gw.example/' })).toThrow(ConfigError);
    const missing = { caFile: '/nope/ca.pem', certFile: '/nope/k.crt', keyFile: '/nope/k.key', cert: { subject: 'CN=x', issuer: 'CN=y', notAfter: '2030-01-01T00:00:00.000Z', fingerprint: 'AA' }, ca: { subject: 'CN=y', issuer: 'CN=y', notAfter: '2030-01-01T00:00:00.000Z', fingerprint: 'BB' }, importedAt: 'now' };
    expect(() => overlayConfig(file, { gatewayUrl: 'https://gw.example/', gatewayTls: missing })).toThrow(/cannot read \/nope\/ca.pem/);
    // Real serial devices: the demo kiosk's ID is refused, as in a config file.
    const serial = parseConfig({ ...REMOTE, devices: { printer: { link: 'serial', path: '/dev/ttyUSB0' } } });
    expect(() => overlayConfig(serial, { kioskId: 'KW-GOVMALL-01' })).toThrow(/demo kiosk's ID/);
  });

  it('diffs show values in force: location field by field, the password only as changed, credentials by subject', () => {
    const file = siteFile(parseConfig({ demo: true, ...REMOTE }));
    const d = dir();
    const tls = importGatewayCredentials(stickWithCredentials(d, 'diff'), d.path, new Date());
    const after: SiteOverrides = { location: { ar: 'الأفنيوز', en: 'Government Mall - Kuwait City' }, terminalPassword: '999999', gatewayTls: tls };
    const diff = diffSite(file, {}, after);
    expect(diff).toEqual([
      { path: 'location.ar', from: 'مجمع الوزارات الحكومي - الكويت', to: 'الأفنيوز' },
      { path: 'gatewayCredentials', from: null, to: expect.stringMatching(/^CN=diff-kiosk · until \d{4}-\d\d-\d\d · [0-9A-F:]{17}…$/) },
      { path: 'terminalPassword', from: '(secret)', to: '(secret, changed)' },
    ]);
    expect(JSON.stringify(diff)).not.toMatch(/123456|999999|PRIVATE/);
    expect(siteValues(file, after).kioskId).toBe('KW-FILE-01');
  });
});

describe('start-up with the settings history', () => {
  it('settings that can no longer apply (certificate files gone): the kiosk starts on the last version that worked, and says why', () => {
    const d = dir();
    const fileConfig = parseConfig({ demo: true, dataDir: d.path, ...REMOTE });
    const db = openDatabase(d.file('kiosk.sqlite'));
    cleanups.unshift(() => db.close());
    const history = new SettingsHistory(db, settingsFromConfig(fileConfig), siteFile(fileConfig));
    history.change({ ...history.current(), site: { kioskId: 'KW-GOOD-01' } }, 'T', 'now');
    history.markWorked();
    const tls = importGatewayCredentials(stickWithCredentials(d, 'gone'), d.path, new Date());
    history.change({ ...history.current(), site: { kioskId: 'KW-NEW-02', gatewayUrl: 'https://127.0.0.1:9/', gatewayTls: tls } }, 'T', 'now');
    expect(startWithSiteSettings(db, fileConfig, silentLogger)).toMatchObject({ config: { kioskId: 'KW-NEW-02', gateway: { url: 'https://127.0.0.1:9/' } }, applied: { kioskId: 'KW-NEW-02' } });

    rmSync(tls.keyFile);
    const start = startWithSiteSettings(db, fileConfig, silentLogger);
    expect(start.config.kioskId).toBe('KW-GOOD-01');
    expect(start.config.gateway).toEqual(fileConfig.gateway);
    expect(start.applied).toEqual({ kioskId: 'KW-GOOD-01' });
    expect(start.problem).toMatch(/keyFile: cannot read/);
  });

  it('a new kiosk ID waits, at any start (rollback, power cut, update), while records made under the old one are unsent or unsettled', () => {
    const d = dir();
    const fileConfig = parseConfig({ demo: true, dataDir: d.path, ...REMOTE });
    const db = openDatabase(d.file('kiosk.sqlite'));
    cleanups.unshift(() => db.close());
    const first = startWithSiteSettings(db, fileConfig, silentLogger);
    const history = new SettingsHistory(db, settingsFromConfig(fileConfig), siteFile(fileConfig));
    history.change({ ...history.current(), site: { kioskId: 'KW-NEW-02', kioskNumber: 9 } }, 'T', 'now');
    // A payment of the old identity still waits for a person.
    db.prepare(`INSERT INTO transactions (id, kind, state, amount_minor, currency, items_json, locale, created_at, updated_at) VALUES ('t1', 'billPayment', 'flagged', 100, 'KWD', '[]', 'ar', 'now', 'now')`).run();
    const held = startWithSiteSettings(db, fileConfig, silentLogger);
    expect(held.config.kioskId).toBe(first.config.kioskId);
    expect(held.config.kioskNumber).toBe(9);
    expect(held.problem).toMatch(/stay .* until 1 record/);
    // Settled: the next start takes the new identity.
    db.prepare(`UPDATE transactions SET state = 'aborted' WHERE id = 't1'`).run();
    const moved = startWithSiteSettings(db, fileConfig, silentLogger);
    expect(moved.config.kioskId).toBe('KW-NEW-02');
    expect(moved.problem).toBeUndefined();
  });

  it('reads versions written before the site settings existed (the password was kept at the top)', () => {
    const d = dir();
    const fileConfig = parseConfig({ demo: true, dataDir: d.path });
    const db = openDatabase(d.file('kiosk.sqlite'));
    cleanups.unshift(() => db.close());
    const legacy = { idleSeconds: 70, idleWarningSeconds: 20, enabledServices: ['ticket'], openingHours: null, terminalPassword: '000000' };
    db.prepare('INSERT INTO config_versions (config_json, diff_json, changed_by, changed_at, worked) VALUES (?, ?, ?, ?, 1)').run(JSON.stringify(legacy), '[]', 'config-file', 'then');
    const history = new SettingsHistory(db, settingsFromConfig(fileConfig), siteFile(fileConfig));
    expect(history.current()).toEqual({ idleSeconds: 70, idleWarningSeconds: 20, enabledServices: ['ticket'], openingHours: null, site: {} });
    history.change({ ...history.current(), idleSeconds: 90 }, 'T', 'now');
    expect(history.rollback('T', 'now')?.diff).toEqual([{ path: 'idleSeconds', from: 90, to: 70 }]);
  });

  it('a version counts as worked only once it runs, servable, and (if it changed identity or connection) reached the gateway', () => {
    const base = { servable: true, restartPending: false, online: true, siteChanged: true };
    expect(mayMarkWorked(base)).toBe(true);
    expect(mayMarkWorked({ ...base, restartPending: true })).toBe(false);
    expect(mayMarkWorked({ ...base, servable: false })).toBe(false);
    expect(mayMarkWorked({ ...base, online: false })).toBe(false);
    // Idle timings changed on a kiosk that is offline for other reasons: still worked.
    expect(mayMarkWorked({ ...base, online: false, siteChanged: false })).toBe(true);

    const d = dir();
    const fileConfig = parseConfig({ demo: true, dataDir: d.path });
    const db = openDatabase(d.file('kiosk.sqlite'));
    cleanups.unshift(() => db.close());
    const history = new SettingsHistory(db, settingsFromConfig(fileConfig), siteFile(fileConfig));
    expect(history.siteChangedSinceWorked()).toBe(false);
    history.change({ ...history.current(), site: { gatewayUrl: 'http://127.0.0.1:9/' } }, 'T', 'now');
    expect(history.siteChangedSinceWorked()).toBe(true);
    history.change({ ...history.current(), site: {} }, 'T', 'now');
    expect(history.siteChangedSinceWorked()).toBe(false);
  });
});
