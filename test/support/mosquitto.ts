import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';

/**
 * A real Mosquitto on loopback, from packaging/mosquitto/mosquitto.conf and its ACL: only
 * paths, port and user are rewritten. TLS with a CA made for this run; one password per user.
 */
const PACKAGING = new URL('../../packaging/mosquitto/', import.meta.url);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function makeCerts(dir: string): void {
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=Khidma test CA', '-keyout', 'ca.key', '-out', 'ca.crt');
  run('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=localhost', '-keyout', 'server.key', '-out', 'server.csr');
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  run('x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-extfile', 'san.ext', '-out', 'server.crt');
}

export interface Broker {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  readonly ca: Buffer | undefined;
  password(user: string): string;
  /** Clean stop (SIGTERM): Mosquitto writes its persistence file. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Mosquitto's own log (stderr). */
  log(): string;
}

export async function startMosquitto(opts: { dir: string; users: string[]; tls?: boolean; port?: number }): Promise<Broker> {
  const tls = opts.tls ?? true;
  const dir = opts.dir;
  mkdirSync(join(dir, 'data'), { recursive: true });
  const port = opts.port ?? (await freePort());
  if (tls && !existsSync(join(dir, 'ca.crt'))) makeCerts(dir);
  const passwords = new Map(opts.users.map((u, i) => [u, `pw-${i}-${u.length}-${Math.random().toString(36).slice(2)}`]));
  writeFileSync(join(dir, 'passwd'), [...passwords].map(([u, p]) => `${u}:${p}`).join('\n') + '\n', { mode: 0o600 });
  execFileSync('mosquitto_passwd', ['-U', join(dir, 'passwd')]);
  writeFileSync(join(dir, 'acl'), readFileSync(new URL('acl', PACKAGING)));

  let conf = readFileSync(new URL('mosquitto.conf', PACKAGING), 'utf8')
    .replaceAll('/etc/mosquitto/khidma/', `${dir}/`)
    .replace(/^persistence_location .*$/m, `persistence_location ${dir}/data/`)
    .replace(/^user .*$/m, `user ${userInfo().username}`)
    .replace(/^listener 8883$/m, `listener ${port} 127.0.0.1`);
  if (!tls) conf = conf.replace(/^(cafile|certfile|keyfile|tls_version) .*$/gm, '');
  writeFileSync(join(dir, 'mosquitto.conf'), conf);

  let child: ChildProcess | undefined;
  let stderr = '';
  const start = async () => {
    child = spawn('mosquitto', ['-c', join(dir, 'mosquitto.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr!.on('data', (c: Buffer) => {
      stderr += c.toString();
      if (stderr.length > 200_000) stderr = stderr.slice(-100_000);
    });
    for (let i = 0; i < 200; i++) {
      if (child.exitCode !== null) throw new Error(`mosquitto exited: ${stderr.slice(-2000)}`);
      const ok = await new Promise<boolean>((resolve) => {
        const s = connect(port, '127.0.0.1', () => (s.destroy(), resolve(true)));
        s.on('error', () => resolve(false));
      });
      if (ok) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('mosquitto did not start');
  };
  await start();
  return {
    url: `${tls ? 'mqtts' : 'mqtt'}://127.0.0.1:${port}`,
    port,
    dir,
    ca: tls ? readFileSync(join(dir, 'ca.crt')) : undefined,
    password: (u) => passwords.get(u) ?? '',
    start,
    log: () => stderr,
    async stop() {
      const c = child;
      if (!c || c.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        c.once('exit', () => resolve());
        c.kill('SIGTERM');
      });
    },
  };
}
