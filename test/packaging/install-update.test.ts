import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../support/temp-dir.ts';

/**
 * packaging/linux/khidma-install-update run for real and unmodified, as root runs it under
 * pkexec, in a private mount namespace (unshare -m; nothing leaks to the machine) where:
 * /etc is an overlay whose upper layer (a tmpfs) holds a /etc/passwd with a `khidma` user whose
 * home is a temp folder, the release public key at /etc/khidma/update-signing.pub.pem (or not,
 * or a bad one) and an empty /etc/dpkg/dpkg.cfg (no log); /var/lib/dpkg is a temp admin folder
 * saying which Khidma is installed (read by the real dpkg-query); /usr/bin/dpkg is a recorder (it
 * hands --compare-versions to a copy of the real dpkg and, when asked, -i too). The .debs are
 * real (dpkg-deb --build), signed by the real openssl with a key pair made here, exactly as the
 * release step signs them.
 */
const helper = fileURLToPath(new URL('../../packaging/linux/khidma-install-update', import.meta.url));
const dir = tempDir('install-update');
const home = dir.file('home');
const cache = join(home, '.cache/khidma-updater/pending');
const outside = dir.file('outside');
const calls = dir.file('dpkg-calls');
const KEY = '/etc/khidma/update-signing.pub.pem';
const root = process.getuid?.() === 0;

function openssl(args: string[]): void {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
}

function buildDeb(pkg: string, version: string, to: string, o: { depends?: string; files?: boolean } = {}): string {
  const build = dir.file(`build-${pkg}-${version}-${o.depends ?? ''}`);
  mkdirSync(join(build, 'DEBIAN'), { recursive: true });
  // The real-dpkg runs unpack for real: their debs carry no files, so nothing lands outside the temp folders.
  if (o.files !== false) {
    mkdirSync(join(build, 'usr/share/doc', pkg), { recursive: true });
    writeFileSync(join(build, 'usr/share/doc', pkg, 'README'), `${pkg} ${version}\n`);
  }
  const depends = o.depends ? `Depends: ${o.depends}\n` : '';
  writeFileSync(join(build, 'DEBIAN/control'), `Package: ${pkg}\nVersion: ${version}\nArchitecture: all\nMaintainer: Khidma tests <t@example.invalid>\n${depends}Description: test package\n`);
  mkdirSync(dirname(to), { recursive: true });
  const r = spawnSync('dpkg-deb', ['--root-owner-group', '-Zgzip', '--build', build, to], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`dpkg-deb --build: ${r.stderr}`);
  return to;
}

/** The release step, verbatim (README "Updates."): `openssl dgst -sha256 -sign release-key.pem -out <deb>.sig <deb>`. */
function sign(deb: string, key = dir.file('release-key.pem')): string {
  openssl(['dgst', '-sha256', '-sign', key, '-out', `${deb}.sig`, deb]);
  return deb;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let admins = 0;
/** A dpkg admin folder where Khidma is `installed` (null: absent) in `state`, with a base package beside it. */
function adminDir(installed: string | null, state = 'installed'): string {
  const admin = dir.file(`admin-${admins++}`);
  for (const sub of ['info', 'updates', 'triggers']) mkdirSync(join(admin, sub), { recursive: true });
  const khidma = installed === null ? '' : `Package: khidma\nStatus: install ok ${state}\nPriority: optional\nSection: utils\nMaintainer: t <t@example.invalid>\nArchitecture: amd64\nVersion: ${installed}\nDescription: t\n\n`;
  writeFileSync(join(admin, 'status'), `${khidma}Package: base-files\nStatus: install ok installed\nPriority: required\nSection: admin\nMaintainer: t <t@example.invalid>\nArchitecture: amd64\nVersion: 12.4\nDescription: t\n\n`);
  for (const pkg of ['khidma', 'base-files']) writeFileSync(join(admin, 'info', `${pkg}.list`), '');
  return admin;
}

/** How /etc/khidma/update-signing.pub.pem looks in the namespace: by default the release key, root:root 0644 in a root 0755 folder. */
interface KeySetup {
  absent?: boolean;
  pem?: string;
  mode?: string;
  dirMode?: string;
  owner?: string;
  symlink?: boolean;
}

function keyCommands(k: KeySetup, upper: string): string[] {
  const target = join(upper, 'khidma/update-signing.pub.pem');
  const c = [`mkdir -p ${upper}/khidma`, `chmod ${k.dirMode ?? '0755'} ${upper}/khidma`];
  if (k.absent) return c;
  const pem = k.pem ?? dir.file('release.pub.pem');
  if (k.symlink) return [...c, `cp ${pem} ${upper}/../linked.pem`, `chmod 0644 ${upper}/../linked.pem`, `ln -s ${upper}/../linked.pem ${target}`];
  c.push(`cp ${pem} ${target}`, `chmod ${k.mode ?? '0644'} ${target}`);
  if (k.owner) c.push(`chown ${k.owner} ${target}`);
  return c;
}

/** The helper with these arguments; what it said, its exit code, and what dpkg was asked. */
function run(args: string[], o: { installed?: string | null; state?: string; admin?: string; key?: KeySetup; realDpkg?: boolean } = {}) {
  writeFileSync(calls, '');
  const ns = dir.file('ns');
  mkdirSync(ns, { recursive: true });
  const upper = `${ns}/etc`;
  const admin = o.admin ?? adminDir(o.installed === undefined ? '0.1.0' : o.installed, o.state);
  const setup = [
    // The overlay's upper and work folders on a tmpfs of the namespace's own: gone when it ends.
    `mount -t tmpfs -o mode=0755 tmpfs ${ns}`,
    `mkdir -p ${upper}/dpkg ${ns}/work`,
    `chmod 0755 ${upper}`,
    `cp ${dir.file('passwd')} ${upper}/passwd`,
    `: > ${upper}/dpkg/dpkg.cfg`,
    ...keyCommands(o.key ?? {}, upper),
    `mount -t overlay overlay -o lowerdir=/etc,upperdir=${upper},workdir=${ns}/work /etc`,
    `mount --bind ${dir.file(o.realDpkg ? 'recording-dpkg' : 'fake-dpkg')} /usr/bin/dpkg`,
    `mount --bind ${admin} /var/lib/dpkg`,
  ].join(' && ');
  // As root a mount namespace is enough; anyone else maps themselves to root in a user namespace too.
  const unshare = root ? ['-m'] : ['-r', '-m'];
  const r = spawnSync('unshare', [...unshare, 'sh', '-c', `${setup} && exec "$0" "$@"`, helper, ...args], { encoding: 'utf8' });
  const lines = readFileSync(calls, 'utf8').split('\n').filter(Boolean);
  return { status: r.status, stderr: r.stderr, admin, dpkg: lines.map((l) => JSON.parse(l) as { args: string[]; sha256: string }) };
}

/** What dpkg's status in this admin folder says of Khidma. */
function khidmaStatus(admin: string): string {
  const r = spawnSync('dpkg-query', ['--admindir', admin, '-W', '-f', '${db:Status-Status} ${Version}', 'khidma'], { encoding: 'utf8' });
  return r.stdout;
}

let newer: string;
beforeAll(() => {
  mkdirSync(cache, { recursive: true });
  mkdirSync(outside, { recursive: true });
  // The release key pair, and another one (a key the kiosk does not trust).
  for (const name of ['release', 'other']) {
    openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:3072', '-out', dir.file(`${name}-key.pem`)]);
    openssl(['pkey', '-in', dir.file(`${name}-key.pem`), '-pubout', '-out', dir.file(`${name}.pub.pem`)]);
  }
  newer = sign(buildDeb('khidma', '0.2.0', join(cache, 'khidma_0.2.0_amd64.deb')));
  // The recorder: one JSON line per call, with the file's digest (the helper removes its copy after).
  copyFileSync('/usr/bin/dpkg', dir.file('real-dpkg'));
  const record =
    `#!/bin/sh\nif [ "$1" = --compare-versions ]; then exec ${dir.file('real-dpkg')} "$@"; fi\n` +
    `for a; do last=$a; done\n` +
    `${process.execPath} -e 'const [f, ...a] = process.argv.slice(1); const h = require("crypto").createHash("sha256").update(require("fs").readFileSync(a[a.length - 1])).digest("hex"); require("fs").appendFileSync(f, JSON.stringify({ args: a, sha256: h }) + "\\n")' ${calls} "$@"\n`;
  writeFileSync(dir.file('fake-dpkg'), record);
  // The same, then the real dpkg does it (on the namespace's admin folder).
  writeFileSync(dir.file('recording-dpkg'), `${record}exec ${dir.file('real-dpkg')} "$@"\n`);
  chmodSync(dir.file('fake-dpkg'), 0o755);
  chmodSync(dir.file('recording-dpkg'), 0o755);
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n').filter((l) => l && !l.startsWith('khidma:'));
  writeFileSync(dir.file('passwd'), [...passwd, `khidma:x:990:990:Khidma kiosk:${home}:/usr/sbin/nologin`, ''].join('\n'));
});
afterAll(() => dir.remove());

const refused = (r: ReturnType<typeof run>, why: RegExp) => {
  expect(r.stderr).toMatch(/^khidma-install-update: refused: /);
  expect(r.stderr).toMatch(why);
  expect(r.status).toBe(2);
  expect(r.dpkg).toEqual([]);
};

describe('khidma-install-update (root helper pkexec runs for the kiosk user)', () => {
  it('installs a newer Khidma signed by the release key: dpkg -i on a root-only copy with the same bytes, removed after', () => {
    const r = run([newer]);
    expect(r.stderr).toContain('installing khidma 0.2.0 over 0.1.0 (installed)');
    expect(r.status).toBe(0);
    expect(r.dpkg).toHaveLength(1);
    const { args, sha256: installed } = r.dpkg[0]!;
    expect(args.slice(0, -1)).toEqual(['--force-confdef', '--force-confold', '-i']);
    const copy = args.at(-1)!;
    expect(copy).toMatch(/^\/var\/tmp\/khidma-update\.[^/]+\/khidma_0\.2\.0_amd64\.deb$/);
    expect(installed).toBe(sha256(newer));
    expect(existsSync(dirname(copy))).toBe(false);
    // Also when dpkg's status says a pre-release of the same version line is installed.
    expect(run([newer], { installed: '0.2.0~rc1' }).status).toBe(0);
  });

  it('refuses an unsigned deb, one signed by another key, one changed after signing, and a signature that is not one', () => {
    refused(run([buildDeb('khidma', '0.2.1', join(cache, 'khidma_0.2.1_amd64.deb'))]), /khidma_0\.2\.1_amd64\.deb is not signed: no khidma_0\.2\.1_amd64\.deb\.sig beside it/);
    const foreign = sign(buildDeb('khidma', '0.2.2', join(cache, 'khidma_0.2.2_amd64.deb')), dir.file('other-key.pem'));
    refused(run([foreign]), /khidma_0\.2\.2_amd64\.deb is not signed by the release key: .*does not verify against \/etc\/khidma\/update-signing\.pub\.pem/);
    // One byte flipped after signing.
    const tampered = sign(buildDeb('khidma', '0.2.3', join(cache, 'khidma_0.2.3_amd64.deb')));
    const bytes = readFileSync(tampered);
    const flip = () => bytes.writeUInt8(bytes.readUInt8(bytes.length >> 1) ^ 0x01, bytes.length >> 1);
    flip();
    writeFileSync(tampered, bytes);
    refused(run([tampered]), /khidma_0\.2\.3_amd64\.deb is not signed by the release key/);
    // The same deb with its original bytes back verifies again: the flip alone was refused.
    flip();
    writeFileSync(tampered, bytes);
    expect(run([tampered]).status).toBe(0);
    const garbage = buildDeb('khidma', '0.2.4', join(cache, 'khidma_0.2.4_amd64.deb'));
    writeFileSync(`${garbage}.sig`, 'not a signature');
    refused(run([garbage]), /is not signed by the release key/);
    writeFileSync(`${garbage}.sig`, Buffer.alloc(16385));
    refused(run([garbage]), /khidma_0\.2\.4_amd64\.deb\.sig is larger than a signature \(16384 bytes\)/);
  });

  it('refuses a signature that is a symbolic link (even to a valid one) or not a regular file', () => {
    const deb = buildDeb('khidma', '0.2.5', join(cache, 'khidma_0.2.5_amd64.deb'));
    copyFileSync(deb, join(outside, 'khidma_0.2.5_amd64.deb'));
    sign(join(outside, 'khidma_0.2.5_amd64.deb'));
    symlinkSync(join(outside, 'khidma_0.2.5_amd64.deb.sig'), `${deb}.sig`);
    refused(run([deb]), /khidma_0\.2\.5_amd64\.deb\.sig is a symbolic link/);
    const dirSig = buildDeb('khidma', '0.2.6', join(cache, 'khidma_0.2.6_amd64.deb'));
    mkdirSync(`${dirSig}.sig`);
    refused(run([dirSig]), /khidma_0\.2\.6_amd64\.deb\.sig is not a regular file/);
  });

  it('fails closed on the release key: missing, a link, not a key, or writable by others than root', () => {
    refused(run([newer], { key: { absent: true } }), /no release signing key at \/etc\/khidma\/update-signing\.pub\.pem/);
    refused(run([newer], { key: { symlink: true } }), /update-signing\.pub\.pem is a symbolic link/);
    refused(run([newer], { key: { pem: dir.file('passwd') } }), /update-signing\.pub\.pem is not a PEM public key/);
    refused(run([newer], { key: { pem: dir.file('release-key.pem') } }), /is not a PEM public key/);
    refused(run([newer], { key: { mode: '0664' } }), /update-signing\.pub\.pem is writable by others than root/);
    refused(run([newer], { key: { mode: '0646' } }), /update-signing\.pub\.pem is writable by others than root/);
    refused(run([newer], { key: { dirMode: '0777' } }), /\/etc\/khidma is writable by others than root/);
    refused(run([newer], { key: { dirMode: '0775' } }), /\/etc\/khidma is writable by others than root/);
    // The same deb with a sound key installs: each refusal above was the key's.
    expect(run([newer], { key: { mode: '0444' } }).status).toBe(0);
  });

  it.skipIf(!root)('fails closed on a release key owned by anyone but root (chown needs root)', () => {
    refused(run([newer], { key: { owner: '4242:0' } }), new RegExp(`${KEY} is not owned by root`));
  });

  it('refuses another package, even a signed one with a higher version', () => {
    refused(run([sign(buildDeb('bash', '99.0', join(cache, 'bash_99.0_amd64.deb')))]), /package 'bash', not khidma/);
  });

  it('refuses the installed version and older ones, signed or not: never a reinstall or a downgrade', () => {
    refused(run([sign(buildDeb('khidma', '0.1.0', join(cache, 'khidma_0.1.0_amd64.deb')))]), /version 0\.1\.0, not newer than the installed 0\.1\.0/);
    refused(run([sign(buildDeb('khidma', '0.0.9', join(cache, 'khidma_0.0.9_amd64.deb')))]), /version 0\.0\.9, not newer/);
    refused(run([newer], { installed: '1.0.0' }), /not newer than the installed 1\.0\.0/);
  });

  it('refuses when Khidma is not installed, or only its configuration files are left (it only updates)', () => {
    refused(run([newer], { installed: null }), /khidma is not installed/);
    refused(run([newer], { installed: '0.1.0', state: 'config-files' }), /khidma is not installed/);
  });

  it('updates a Khidma left unpacked or half-configured (a failed earlier update), still never to an older or equal version', () => {
    for (const state of ['unpacked', 'half-configured']) {
      const r = run([newer], { installed: '0.1.0', state });
      expect(r.stderr).toContain(`installing khidma 0.2.0 over 0.1.0 (${state})`);
      expect(r.status).toBe(0);
      expect(r.dpkg.map((c) => c.sha256)).toEqual([sha256(newer)]);
      refused(run([newer], { installed: '0.2.0', state }), /not newer than the installed 0\.2\.0/);
    }
  });

  it('a new dependency that is missing: real dpkg leaves Khidma unpacked, the helper says apt-get -f install, and the next signed release installs over it', () => {
    const admin = adminDir('0.1.0');
    const needy = sign(buildDeb('khidma', '0.3.0', join(cache, 'khidma_0.3.0_amd64.deb'), { depends: 'khidma-test-missing-dependency', files: false }));
    const failed = run([needy], { admin, realDpkg: true });
    expect(failed.status).toBe(1);
    expect(failed.dpkg).toHaveLength(1);
    expect(failed.stderr).toContain('dependency problems prevent configuration of khidma');
    expect(failed.stderr).toMatch(/khidma-install-update: failed: khidma 0\.3\.0 is unpacked but not configured because dependencies are missing .*'apt-get -f install'; this helper never fetches packages/);
    expect(khidmaStatus(admin)).toBe('unpacked 0.3.0');
    // Retrying the same release changes nothing; the next one (without the dependency) installs.
    refused(run([needy], { admin, realDpkg: true }), /not newer than the installed 0\.3\.0/);
    const fixed = sign(buildDeb('khidma', '0.3.1', join(cache, 'khidma_0.3.1_amd64.deb'), { files: false }));
    const r = run([fixed], { admin, realDpkg: true });
    expect(r.stderr).toContain('installing khidma 0.3.1 over 0.3.0 (unpacked)');
    expect(r.status).toBe(0);
    expect(khidmaStatus(admin)).toBe('installed 0.3.1');
  });

  it('refuses a Khidma deb outside the cache, reached directly, by ../ or through a symbolic link', () => {
    const elsewhere = sign(buildDeb('khidma', '0.4.0', join(outside, 'khidma_0.4.0_amd64.deb')));
    refused(run([elsewhere]), /is not in the update cache/);
    refused(run([join(cache, '../../../../outside/khidma_0.4.0_amd64.deb')]), /is not in the update cache/);
    refused(run([`${cache}/./khidma_0.2.0_amd64.deb`]), /is not in the update cache/);
    symlinkSync(elsewhere, join(cache, 'khidma_0.4.0_amd64.deb'));
    copyFileSync(`${elsewhere}.sig`, join(cache, 'khidma_0.4.0_amd64.deb.sig'));
    refused(run([join(cache, 'khidma_0.4.0_amd64.deb')]), /khidma_0\.4\.0_amd64\.deb is a symbolic link/);
  });

  it('refuses what is not a regular .deb, odd file names, and anything but exactly one argument', () => {
    writeFileSync(join(cache, 'notes.txt'), 'hello');
    refused(run([join(cache, 'notes.txt')]), /is not a \.deb/);
    // Signed but not an archive: the signature is checked first, then the package.
    writeFileSync(join(cache, 'khidma_0.5.0_amd64.deb'), 'not an archive');
    refused(run([sign(join(cache, 'khidma_0.5.0_amd64.deb'))]), /is not a Debian package/);
    mkdirSync(join(cache, 'khidma_0.6.0_amd64.deb'));
    refused(run([join(cache, 'khidma_0.6.0_amd64.deb')]), /is not a regular file/);
    refused(run([join(cache, 'missing_1.0.deb')]), /is not a regular file/);
    for (const odd of ['-i.deb', '.hidden.deb', 'a b.deb', 'x;reboot.deb']) refused(run([join(cache, odd)]), /unexpected file name/);
    refused(run([]), /exactly one argument.*\(got 0\)/);
    refused(run([newer, newer]), /exactly one argument.*\(got 2\)/);
  });
});
