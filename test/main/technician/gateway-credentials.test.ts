import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { credentialSources, importGatewayCredentials } from '../../../main/technician/gateway-credentials.ts';
import { makeTestPki, type TestPki } from '../../support/test-ca.ts';
import { tempDir } from '../../support/temp-dir.ts';

const dir = tempDir('creds');
let pki: TestPki;
let other: TestPki;
beforeAll(() => {
  mkdirSync(dir.file('pki'));
  pki = makeTestPki(dir.file('pki'), 'operator');
  other = makeTestPki(dir.file('pki'), 'other');
});
afterAll(() => dir.remove());

let n = 0;
/** A stick mounted as /media/<user>/<label>, holding the given files. */
function stick(files: Record<string, string>): { root: string; folder: string } {
  const root = join(dir.file(`stick-${++n}`), 'media');
  const folder = join(root, 'tech', 'KEYS');
  mkdirSync(folder, { recursive: true });
  for (const [name, from] of Object.entries(files)) copyFileSync(from, join(folder, name));
  return { root, folder };
}
const problem = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as { problem?: string }).problem;
  }
  return 'none';
};

describe('gateway credentials from removable media', () => {
  it('lists sticks holding certificate files, and imports the kiosk certificate, its key and the gateway CA, owner-only', () => {
    const s = stick({ 'ca.pem': pki.caCert, 'kiosk.crt': pki.clientCert, 'kiosk.key': pki.clientKey, 'README.txt': pki.caCert });
    mkdirSync(join(s.root, 'tech', 'EMPTY'));
    expect(credentialSources([s.root, dir.file('nowhere')])).toEqual([{ path: s.folder, files: 3 }]);

    const data = dir.file('data');
    const r = importGatewayCredentials(s.folder, data, new Date());
    expect(r.cert).toMatchObject({ subject: 'CN=operator-kiosk', issuer: 'CN=operator-ca', fingerprint: expect.stringMatching(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/) });
    expect(r.ca.subject).toBe('CN=operator-ca');
    expect(r.keyFile.startsWith(join(data, 'credentials', 'gateway'))).toBe(true);
    for (const f of [r.caFile, r.certFile, r.keyFile]) expect(statSync(f).mode & 0o777).toBe(0o600);
    expect(statSync(join(r.keyFile, '..')).mode & 0o777).toBe(0o700);
    expect(readFileSync(r.keyFile, 'utf8')).toBe(readFileSync(pki.clientKey, 'utf8').trim() + '\n');
    expect(readFileSync(r.certFile)).toEqual(readFileSync(pki.clientCert));
    // The record is what the settings keep: subjects, dates, fingerprints and paths, no key material.
    expect(JSON.stringify(r)).not.toMatch(/PRIVATE|BEGIN/);
  });

  it('finds the pieces by what they are, not by their names (a combined key and certificate file too)', () => {
    const combined = dir.file('combined.pem');
    writeFileSync(combined, readFileSync(pki.clientKey, 'utf8') + readFileSync(pki.clientCert, 'utf8'));
    const s = stick({ 'a.pem': pki.caCert, 'b.pem': combined });
    const r = importGatewayCredentials(s.folder, dir.file('data2'), new Date());
    expect(r.cert.subject).toBe('CN=operator-kiosk');
    expect(readFileSync(r.certFile, 'utf8')).not.toContain('PRIVATE');
    expect(readFileSync(r.keyFile, 'utf8')).not.toContain('CERTIFICATE');
  });

  it('refuses, saying why: no key, no matching certificate, no or two CAs, an encrypted key, expired or not yet valid', () => {
    const at = new Date();
    const data = dir.file('data3');
    expect(problem(() => importGatewayCredentials(stick({ 'ca.pem': pki.caCert, 'k.crt': pki.clientCert }).folder, data, at))).toBe('noKey');
    expect(problem(() => importGatewayCredentials(stick({ 'ca.pem': pki.caCert, 'k.crt': other.clientCert, 'k.key': pki.clientKey }).folder, data, at))).toBe('noMatchingCert');
    expect(problem(() => importGatewayCredentials(stick({ 'k.crt': pki.clientCert, 'k.key': pki.clientKey }).folder, data, at))).toBe('noCa');
    expect(problem(() => importGatewayCredentials(stick({ 'ca.pem': pki.caCert, 'ca2.pem': other.caCert, 'k.crt': pki.clientCert, 'k.key': pki.clientKey }).folder, data, at))).toBe('severalCa');
    expect(problem(() => importGatewayCredentials(stick({ 'ca.pem': pki.caCert, 'k.crt': pki.clientCert, 'k.key': pki.clientKey, 'o.key': other.clientKey }).folder, data, at))).toBe('severalKeys');
    const encrypted = dir.file('encrypted.key');
    execFileSync('openssl', ['pkey', '-in', pki.clientKey, '-aes256', '-passout', 'pass:secret', '-out', encrypted]);
    expect(problem(() => importGatewayCredentials(stick({ 'ca.pem': pki.caCert, 'k.crt': pki.clientCert, 'k.key': encrypted }).folder, data, at))).toBe('keyEncrypted');
    const good = stick({ 'ca.pem': pki.caCert, 'k.crt': pki.clientCert, 'k.key': pki.clientKey }).folder;
    // The test PKI is valid for two days from now.
    expect(problem(() => importGatewayCredentials(good, data, new Date(Date.now() + 5 * 86_400_000)))).toBe('certExpired');
    expect(problem(() => importGatewayCredentials(good, data, new Date(Date.now() - 86_400_000)))).toBe('notYetValid');
    expect(problem(() => importGatewayCredentials(dir.file('pki-nothing'), data, at))).toBe('noFiles');
  });
});
