import { createHash, createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { accessSync, chmodSync, constants, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { z } from 'zod';

/**
 * The gateway's mutual-TLS credentials as a technician brings them on a USB stick: the kiosk's
 * client certificate, its private key and the gateway's CA (README "Certificates"). They are
 * copied into the kiosk's data folder (0600); the settings keep only the file paths and the
 * certificates' subjects, expiry and fingerprints — never key material.
 */
const certInfo = z.object({ subject: z.string().max(500), issuer: z.string().max(500), notAfter: z.string().max(40), fingerprint: z.string().max(120) }).strict();
export const credentialRecordSchema = z
  .object({ caFile: z.string().min(1), certFile: z.string().min(1), keyFile: z.string().min(1), cert: certInfo, ca: certInfo, importedAt: z.string() })
  .strict();
export type CredentialRecord = z.infer<typeof credentialRecordSchema>;
export type CertInfo = z.infer<typeof certInfo>;

/** Why an import was refused (the screen says it in its language). */
export type ImportProblem = 'noFiles' | 'noKey' | 'severalKeys' | 'keyEncrypted' | 'noMatchingCert' | 'noCa' | 'severalCa' | 'certExpired' | 'caExpired' | 'notYetValid';
export class CredentialImportError extends Error {
  override name = 'CredentialImportError';
  constructor(readonly problem: ImportProblem) {
    super(problem);
  }
}

const PEM_EXT = new Set(['.pem', '.crt', '.cer', '.key']);
const MAX_FILE = 64 * 1024;
const readable = (p: string) => {
  try {
    accessSync(p, constants.R_OK);
    return true;
  } catch {
    return false;
  }
};
const isDir = (p: string) => readable(p) && statSync(p).isDirectory();

/** PEM-looking files in a folder and its direct subfolders (a stick's "khidma/" folder, say). */
function pemFiles(folder: string): string[] {
  const out: string[] = [];
  const scan = (dir: string, depth: number) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      if (depth === 0 && isDir(p)) scan(p, 1);
      else if (PEM_EXT.has(extname(name).toLowerCase()) && readable(p) && statSync(p).isFile() && statSync(p).size <= MAX_FILE) out.push(p);
    }
  };
  if (isDir(folder)) scan(folder, 0);
  return out;
}

/**
 * Removable media to import from: readable folders under the mount roots (/media/<user>/<stick>,
 * /run/media/…, /mnt/…) that hold PEM files. The screen picks one; it never names a path.
 */
export function credentialSources(roots: readonly string[]): { path: string; files: number }[] {
  const out: { path: string; files: number }[] = [];
  for (const root of roots) {
    if (!isDir(root)) continue;
    for (const a of readdirSync(root)) {
      const p = join(root, a);
      if (!isDir(p)) continue;
      const inner = readdirSync(p).map((b) => join(p, b)).filter(isDir);
      for (const folder of inner.length > 0 && root.endsWith('media') ? inner : [p]) {
        const files = pemFiles(folder).length;
        if (files > 0) out.push({ path: resolve(folder), files });
      }
    }
  }
  return out.sort((x, y) => x.path.localeCompare(y.path));
}

const oneLine = (dn: string) => dn.split('\n').filter(Boolean).join(', ');
export function describeCert(c: X509Certificate): CertInfo {
  return { subject: oneLine(c.subject), issuer: oneLine(c.issuer), notAfter: new Date(c.validTo).toISOString(), fingerprint: c.fingerprint256 };
}

/** The subject and expiry of a certificate file named in the config file (for the screen); undefined if unreadable. */
export function certFileInfo(path: string): CertInfo | undefined {
  try {
    return describeCert(new X509Certificate(readFileSync(path)));
  } catch {
    return undefined;
  }
}

interface Found {
  certs: { file: string; pem: string; cert: X509Certificate }[];
  keys: { file: string; pem: string; key: KeyObject }[];
}

function classify(files: string[]): Found {
  const found: Found = { certs: [], keys: [] };
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(text)) throw new CredentialImportError('keyEncrypted');
    const key = /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC )?PRIVATE KEY-----/.exec(text)?.[0];
    if (key) {
      try {
        found.keys.push({ file, pem: key + '\n', key: createPrivateKey(key) });
      } catch {
        /* not a key we can use: ignored like any other stray file */
      }
    }
    const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(text)?.[0];
    if (cert) {
      try {
        // A CA file may hold a chain: the whole file is kept, its first certificate describes it.
        found.certs.push({ file, pem: text.includes('PRIVATE KEY') ? cert + '\n' : text, cert: new X509Certificate(cert) });
      } catch {
        /* ignored */
      }
    }
  }
  return found;
}

/**
 * Finds the kiosk's certificate (the one matching the single private key), the CA (a CA
 * certificate other than it) and copies the three into `<dataDir>/credentials/gateway/<id>/`,
 * owner-only. A folder per set, so an earlier settings version still finds its own files.
 */
export function importGatewayCredentials(source: string, dataDir: string, now: Date): CredentialRecord {
  const files = pemFiles(source);
  if (files.length === 0) throw new CredentialImportError('noFiles');
  const found = classify(files);
  if (found.keys.length === 0) throw new CredentialImportError('noKey');
  const distinctKeys = new Set(found.keys.map((k) => k.key.export({ format: 'der', type: 'pkcs8' }).toString('hex')));
  if (distinctKeys.size > 1) throw new CredentialImportError('severalKeys');
  const key = found.keys[0]!;
  const client = found.certs.find((c) => c.cert.checkPrivateKey(key.key));
  if (!client) throw new CredentialImportError('noMatchingCert');
  const cas = found.certs.filter((c) => c.cert.ca && c.cert.fingerprint256 !== client.cert.fingerprint256);
  const distinctCas = new Map(cas.map((c) => [c.cert.fingerprint256, c]));
  if (distinctCas.size === 0) throw new CredentialImportError('noCa');
  if (distinctCas.size > 1) throw new CredentialImportError('severalCa');
  const ca = [...distinctCas.values()][0]!;
  const at = now.getTime();
  if (new Date(client.cert.validFrom).getTime() > at || new Date(ca.cert.validFrom).getTime() > at) throw new CredentialImportError('notYetValid');
  if (new Date(client.cert.validTo).getTime() <= at) throw new CredentialImportError('certExpired');
  if (new Date(ca.cert.validTo).getTime() <= at) throw new CredentialImportError('caExpired');

  const id = createHash('sha256').update(client.cert.fingerprint256).update(ca.cert.fingerprint256).digest('hex').slice(0, 16);
  const dir = join(resolve(dataDir), 'credentials', 'gateway', id);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const put = (name: string, body: string) => {
    const p = join(dir, name);
    writeFileSync(p, body, { mode: 0o600 });
    chmodSync(p, 0o600); // an existing file keeps its mode on write
    return p;
  };
  return {
    caFile: put('gateway-ca.pem', ca.pem),
    certFile: put('kiosk.crt', client.pem),
    keyFile: put('kiosk.key', key.pem),
    cert: describeCert(client.cert),
    ca: describeCert(ca.cert),
    importedAt: now.toISOString(),
  };
}
