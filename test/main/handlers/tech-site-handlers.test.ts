import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig, type KioskConfigInput } from '../../../main/config.ts';
import { openDatabase, type Db } from '../../../main/store/database.ts';
import { AuditRepo } from '../../../main/store/audit-repo.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { SettingsHistory, settingsFromConfig } from '../../../main/technician/settings-history.ts';
import { startWithSiteSettings } from '../../../main/technician/site-start.ts';
import { techSiteHandlers } from '../../../main/handlers/tech-site-handlers.ts';
import { techSiteParams } from '../../../main/contract/tech-site-api.ts';
import type { SiteInput } from '../../../main/shared/site-rules.ts';
import { makeTestPki } from '../../support/test-ca.ts';
import { tempDir } from '../../support/temp-dir.ts';

const ctx = { connection: { id: 'ws-tech' } };
const SECRET = '482913';
let dir: ReturnType<typeof tempDir>;
let db: Db;
let state: { undelivered: number; inFlight: boolean; restarts: string[] };

function open(overrides: KioskConfigInput = {}, opts: { restart?: boolean } = {}) {
  const fileConfig = parseConfig({ demo: true, dataDir: dir.path, technician: { mediaRoots: [dir.file('media')] }, paymentTerminal: { password: SECRET }, ...overrides });
  db = openDatabase(dir.file('kiosk.sqlite'));
  const start = startWithSiteSettings(db, fileConfig, silentLogger);
  const history = new SettingsHistory(db, settingsFromConfig(fileConfig), start.file);
  const h = techSiteHandlers({
    history,
    start,
    audit: new AuditRepo(db),
    actor: () => 'Aisha K',
    now: () => new Date(),
    log: silentLogger,
    dataDir: dir.path,
    mediaRoots: [dir.file('media')],
    undelivered: () => state.undelivered,
    paymentInFlight: () => state.inFlight,
    requestRestart: opts.restart === false ? undefined : (why) => void state.restarts.push(why),
  });
  return { h, history, audit: new AuditRepo(db), start };
}
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return `${(err as { code: string }).code} ${(err as Error).message}`;
  }
  return 'accepted';
};

beforeEach(() => {
  dir = tempDir('site-handlers');
  state = { undelivered: 0, inFlight: false, restarts: [] };
});
afterEach(() => {
  db?.close();
  dir.remove();
});

const FORM: SiteInput = { kioskId: 'KW-GOVMALL-01', kioskNumber: 1, location: { ar: 'مجمع الوزارات الحكومي - الكويت', en: 'Government Mall - Kuwait City' }, profile: 'KW', gatewayUrl: '', fleetUrl: '', fleetCentre: '' };

describe('identity and connection handlers', () => {
  it('the contract refuses malformed input before any handler runs', () => {
    const ok = techSiteParams['tech.saveSite'].safeParse(FORM);
    expect(ok.success).toBe(true);
    for (const bad of [{ kioskId: 'KW 01' }, { kioskNumber: 0 }, { kioskNumber: 1000 }, { location: { ar: ' ', en: 'x' } }, { profile: 'SA' }, { gatewayUrl: 'ftp://gw/' }, { fleetUrl: 'https://fleet' }, { fleetCentre: 'A B' }]) {
      expect(techSiteParams['tech.saveSite'].safeParse({ ...FORM, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
    expect(techSiteParams['tech.terminalPassword'].safeParse({ password: '12345' }).success).toBe(false);
  });

  it('a change becomes a version with who and the diff, audited; it waits for a restart; nothing equal to the file is kept', () => {
    const { h, history, audit } = open();
    const view = h['tech.saveSite']({ ...FORM, kioskId: 'KW-AVENUES-07', kioskNumber: 7, location: { ...FORM.location, en: 'The Avenues' }, gatewayUrl: 'http://127.0.0.1:9/' }, ctx);
    expect(view.versionId).toBe(2);
    expect(view.site).toMatchObject({ restartPending: true, canRestart: true, values: { kioskId: 'KW-AVENUES-07', kioskNumber: 7, gatewayUrl: 'http://127.0.0.1:9/' } });
    expect(history.current().site).toEqual({ kioskId: 'KW-AVENUES-07', kioskNumber: 7, location: { ar: FORM.location.ar, en: 'The Avenues' }, gatewayUrl: 'http://127.0.0.1:9/' });
    const row = audit.recent(5, 'tech.settingsChanged')[0]!;
    expect(row.actor).toBe('Aisha K');
    expect(row.detail).toMatchObject({ version: 2, appliesAtRestart: true });
    expect(row.detail!.diff).toEqual([
      { path: 'kioskId', from: 'KW-GOVMALL-01', to: 'KW-AVENUES-07' },
      { path: 'kioskNumber', from: 1, to: 7 },
      { path: 'location.en', from: 'Government Mall - Kuwait City', to: 'The Avenues' },
      { path: 'gatewayUrl', from: null, to: 'http://127.0.0.1:9/' },
    ]);
    // The same again: no new version. Back to the file's values: the overrides go, the restart is no longer pending.
    expect(h['tech.saveSite']({ ...FORM, kioskId: 'KW-AVENUES-07', kioskNumber: 7, location: { ...FORM.location, en: 'The Avenues' }, gatewayUrl: 'http://127.0.0.1:9/' }, ctx).versionId).toBe(2);
    const back = h['tech.saveSite'](FORM, ctx);
    expect(back.versionId).toBe(3);
    expect(history.current().site).toEqual({});
    expect(back.site.restartPending).toBe(false);
  });

  it('bad input is refused field by field with a code the screen translates; the server checks what the screen checks', () => {
    const { h, history } = open();
    expect(refusal(() => h['tech.saveSite']({ ...FORM, gatewayUrl: 'http://gateway.example/' }, ctx))).toBe('invalidRequest site:gatewayUrl:gatewayHttps');
    expect(refusal(() => h['tech.saveSite']({ ...FORM, gatewayUrl: 'https://gateway.example/' }, ctx))).toBe('invalidRequest site:gatewayUrl:gatewayCredentials');
    expect(refusal(() => h['tech.saveSite']({ ...FORM, fleetUrl: 'mqtts://fleet.example:8883' }, ctx))).toBe('invalidRequest site:fleetCentre:fleetCentre');
    expect(history.currentId()).toBe(1);
    // A lab's config allows plain HTTP off loopback.
    db.close();
    const lab = open({ gateway: { mode: 'remote', url: 'http://10.0.0.5:8080', allowPlainHttp: true } });
    expect(refusal(() => lab.h['tech.saveSite']({ ...FORM, gatewayUrl: 'http://10.0.0.9:8080' }, ctx))).toBe('accepted');
    expect(refusal(() => lab.h['tech.saveSite']({ ...FORM, gatewayUrl: '' }, ctx))).toBe('invalidRequest site:gatewayUrl:gatewayRequired');
  });

  it('the kiosk ID and country do not change while records made under them wait for the gateway; the number may', () => {
    const { h } = open();
    state.undelivered = 2;
    expect(refusal(() => h['tech.saveSite']({ ...FORM, kioskId: 'KW-NEW-01' }, ctx))).toBe('conflict site:kioskId:undelivered: 2');
    expect(refusal(() => h['tech.saveSite']({ ...FORM, profile: 'QA' }, ctx))).toBe('conflict site:profile:undelivered: 2');
    expect(refusal(() => h['tech.saveSite']({ ...FORM, kioskNumber: 9 }, ctx))).toBe('accepted');
    state.undelivered = 0;
    expect(refusal(() => h['tech.saveSite']({ ...FORM, kioskNumber: 9, profile: 'QA' }, ctx))).toBe('accepted');
  });

  it('the terminal password is write-only: in a version and the audit only as "changed", never in any answer', () => {
    const { h, audit } = open();
    const view = h['tech.terminalPassword']({ password: '135790' }, ctx);
    expect(view.versionId).toBe(2);
    expect(view.history[0]!.diff).toEqual([{ path: 'terminalPassword', from: '(secret)', to: '(secret, changed)' }]);
    expect(view.site.terminalPassword).toEqual({ set: true });
    expect(view.site.restartPending).toBe(true);
    const everything = JSON.stringify([view, h['tech.saveSite'](FORM, ctx), audit.recent(50)]);
    expect(everything).not.toContain('135790');
    expect(everything).not.toContain(SECRET);
    // Typing the file's own password removes the override.
    expect(h['tech.terminalPassword']({ password: SECRET }, ctx).site.restartPending).toBe(false);
  });

  it('credentials come only from a listed medium; the settings keep subjects and fingerprints, an https gateway is then accepted', () => {
    const { h, history, audit } = open();
    mkdirSync(dir.file('pki'));
    const pki = makeTestPki(dir.file('pki'), 'handler');
    const folder = join(dir.file('media'), 'tech', 'USB');
    mkdirSync(folder, { recursive: true });
    for (const f of [pki.caCert, pki.clientCert, pki.clientKey]) copyFileSync(f, join(folder, f.split('/').pop()!));
    expect(h['tech.credentialMedia']({}, ctx)).toEqual({ sources: [{ path: folder, files: 3 }] });
    expect(refusal(() => h['tech.importCredentials']({ source: dir.file('pki') }, ctx))).toBe('notFound site:credentials:noMedium');

    const view = h['tech.importCredentials']({ source: folder }, ctx);
    expect(view.site.credentials).toMatchObject({ set: true, fromFile: false, cert: { subject: 'CN=handler-kiosk' }, ca: { subject: 'CN=handler-ca' } });
    expect(history.current().site.gatewayTls?.keyFile).toMatch(/credentials\/gateway\/[0-9a-f]{16}\/kiosk\.key$/);
    expect(audit.recent(1)[0]!.detail).toMatchObject({ credentials: { subject: 'CN=handler-kiosk', ca: 'CN=handler-ca' } });
    expect(JSON.stringify([view, audit.recent(10)])).not.toMatch(/PRIVATE KEY/);
    expect(refusal(() => h['tech.saveSite']({ ...FORM, gatewayUrl: 'https://gateway.example/' }, ctx))).toBe('accepted');
  });

  it('restart: refused while a payment is with the terminal, or where nothing would start the kiosk again; else audited and requested once', async () => {
    const { h, audit } = open();
    h['tech.saveSite']({ ...FORM, kioskNumber: 4 }, ctx);
    state.inFlight = true;
    expect(refusal(() => h['tech.restart']({}, ctx))).toBe('conflict a payment is in progress');
    state.inFlight = false;
    expect(h['tech.restart']({}, ctx)).toEqual({ restarting: true });
    expect(audit.recent(1)[0]).toMatchObject({ actor: 'Aisha K', action: 'tech.restart', detail: { version: 2, pending: ['kioskNumber'] } });
    await expect.poll(() => state.restarts).toEqual(['technician']);
    db.close();
    const unmanaged = open({}, { restart: false });
    expect(unmanaged.h.siteView().canRestart).toBe(false);
    expect(refusal(() => unmanaged.h['tech.restart']({}, ctx))).toMatch(/^unavailable /);
  });
});
