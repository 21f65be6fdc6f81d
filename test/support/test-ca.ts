import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestPki {
  dir: string;
  /** Paths of PEM files. */
  caCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  read(path: string): Buffer;
}

const openssl = (args: string[], cwd: string) => execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });

/** Makes a CA (EC P-256) and signs a leaf for `cn`; server leaves get 127.0.0.1/localhost SANs. */
function leaf(dir: string, ca: string, name: string, kind: 'server' | 'client'): void {
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`], dir);
  writeFileSync(
    join(dir, `${name}.ext`),
    kind === 'server'
      ? 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n'
      : 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=clientAuth\n',
  );
  openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-days', '2', '-out', `${name}.crt`, '-extfile', `${name}.ext`], dir);
}

function ca(dir: string, name: string): void {
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '2', '-subj', `/CN=${name}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
}

/** A throw-away PKI generated at test time: the operator's CA, a gateway certificate and a kiosk certificate. */
export function makeTestPki(dir: string, prefix = 'test'): TestPki {
  ca(dir, `${prefix}-ca`);
  leaf(dir, `${prefix}-ca`, `${prefix}-gateway`, 'server');
  leaf(dir, `${prefix}-ca`, `${prefix}-kiosk`, 'client');
  const p = (f: string) => join(dir, f);
  return {
    dir,
    caCert: p(`${prefix}-ca.crt`),
    serverCert: p(`${prefix}-gateway.crt`),
    serverKey: p(`${prefix}-gateway.key`),
    clientCert: p(`${prefix}-kiosk.crt`),
    clientKey: p(`${prefix}-kiosk.key`),
    read: (path) => readFileSync(path),
  };
}
