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
 * /usr/bin/dpkg is a recorder (it hands --compare-versions to a copy of the real dpkg),
 * /etc/passwd has a `khidma` user whose home is a temp folder, and /var/lib/dpkg/status says which
 * Khidma is installed (read by the real dpkg-query). The .debs are real (dpkg-deb --build) and
 * read by the real dpkg-deb.
 */
const helper = fileURLToPath(new URL('../../packaging/linux/khidma-install-update', import.meta.url));
const dir = tempDir('install-update');
const home = dir.file('home');
const cache = join(home, '.cache/khidma-updater/pending');
const outside = dir.file('outside');
const calls = dir.file('dpkg-calls');

function buildDeb(pkg: string, version: string, to: string): string {
  const root = dir.file(`build-${pkg}-${version}`);
  mkdirSync(join(root, 'DEBIAN'), { recursive: true });
  mkdirSync(join(root, 'usr/share/doc', pkg), { recursive: true });
  writeFileSync(join(root, 'usr/share/doc', pkg, 'README'), `${pkg} ${version}\n`);
  writeFileSync(join(root, 'DEBIAN/control'), `Package: ${pkg}\nVersion: ${version}\nArchitecture: all\nMaintainer: Khidma tests <t@example.invalid>\nDescription: test package\n`);
  mkdirSync(dirname(to), { recursive: true });
  const r = spawnSync('dpkg-deb', ['--root-owner-group', '-Zgzip', '--build', root, to], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`dpkg-deb --build: ${r.stderr}`);
  return to;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function statusFile(installed: string | null): string {
  const file = dir.file(`status-${installed ?? 'none'}`);
  const khidma = installed === null ? '' : `Package: khidma\nStatus: install ok installed\nPriority: optional\nSection: utils\nMaintainer: t <t@example.invalid>\nArchitecture: amd64\nVersion: ${installed}\nDescription: t\n\n`;
  writeFileSync(file, `${khidma}Package: base-files\nStatus: install ok installed\nPriority: required\nSection: admin\nMaintainer: t <t@example.invalid>\nArchitecture: amd64\nVersion: 12.4\nDescription: t\n\n`);
  return file;
}

/** The helper with these arguments, Khidma `installed` per dpkg's status; what it said and what dpkg was asked. */
function run(args: string[], installed: string | null = '0.1.0') {
  writeFileSync(calls, '');
  const mounts = [
    `mount --bind ${dir.file('fake-dpkg')} /usr/bin/dpkg`,
    `mount --bind ${dir.file('passwd')} /etc/passwd`,
    `mount --bind ${statusFile(installed)} /var/lib/dpkg/status`,
  ].join(' && ');
  // As root a mount namespace is enough; anyone else maps themselves to root in a user namespace too.
  const unshare = process.getuid?.() === 0 ? ['-m'] : ['-r', '-m'];
  const r = spawnSync('unshare', [...unshare, 'sh', '-c', `${mounts} && exec "$0" "$@"`, helper, ...args], { encoding: 'utf8' });
  const lines = readFileSync(calls, 'utf8').split('\n').filter(Boolean);
  return { status: r.status, stderr: r.stderr, dpkg: lines.map((l) => JSON.parse(l) as { args: string[]; sha256: string }) };
}

let newer: string;
beforeAll(() => {
  mkdirSync(cache, { recursive: true });
  newer = buildDeb('khidma', '0.2.0', join(cache, 'khidma_0.2.0_amd64.deb'));
  // The recorder: one JSON line per call, with the file's digest (the helper removes its copy after).
  copyFileSync('/usr/bin/dpkg', dir.file('real-dpkg'));
  writeFileSync(
    dir.file('fake-dpkg'),
    `#!/bin/sh\nif [ "$1" = --compare-versions ]; then exec ${dir.file('real-dpkg')} "$@"; fi\n` +
      `for a; do last=$a; done\n` +
      `${process.execPath} -e 'const [f, ...a] = process.argv.slice(1); const h = require("crypto").createHash("sha256").update(require("fs").readFileSync(a[a.length - 1])).digest("hex"); require("fs").appendFileSync(f, JSON.stringify({ args: a, sha256: h }) + "\\n")' ${calls} "$@"\n`,
  );
  chmodSync(dir.file('fake-dpkg'), 0o755);
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n').filter((l) => l && !l.startsWith('khidma:'));
  writeFileSync(dir.file('passwd'), [...passwd, `khidma:x:990:990:Khidma kiosk:${home}:/usr/sbin/nologin`, ''].join('\n'));
});
afterAll(() => dir.remove());

describe('khidma-install-update (root helper pkexec runs for the kiosk user)', () => {
  it('installs a newer Khidma from the update cache: dpkg -i on a root-only copy with the same bytes, removed after', () => {
    const r = run([newer]);
    expect(r.stderr).toContain('installing khidma 0.2.0 over 0.1.0');
    expect(r.status).toBe(0);
    expect(r.dpkg).toHaveLength(1);
    const { args, sha256: installed } = r.dpkg[0]!;
    expect(args.slice(0, -1)).toEqual(['--force-confdef', '--force-confold', '-i']);
    const copy = args.at(-1)!;
    expect(copy).toMatch(/^\/var\/tmp\/khidma-update\.[^/]+\/khidma_0\.2\.0_amd64\.deb$/);
    expect(installed).toBe(sha256(newer));
    expect(existsSync(dirname(copy))).toBe(false);
    // Also when dpkg's status says a pre-release of the same version line is installed.
    expect(run([newer], '0.2.0~rc1').status).toBe(0);
  });

  const refused = (r: ReturnType<typeof run>, why: RegExp) => {
    expect(r.stderr).toMatch(/^khidma-install-update: refused: /);
    expect(r.stderr).toMatch(why);
    expect(r.status).toBe(2);
    expect(r.dpkg).toEqual([]);
  };

  it('refuses another package, even one with a higher version', () => {
    refused(run([buildDeb('bash', '99.0', join(cache, 'bash_99.0_amd64.deb'))]), /package 'bash', not khidma/);
  });

  it('refuses the installed version and older ones: never a reinstall or a downgrade', () => {
    refused(run([buildDeb('khidma', '0.1.0', join(cache, 'khidma_0.1.0_amd64.deb'))]), /version 0\.1\.0, not newer than the installed 0\.1\.0/);
    refused(run([buildDeb('khidma', '0.0.9', join(cache, 'khidma_0.0.9_amd64.deb'))]), /version 0\.0\.9, not newer/);
    refused(run([newer], '1.0.0'), /not newer than the installed 1\.0\.0/);
  });

  it('refuses when Khidma is not installed (it only updates)', () => {
    refused(run([newer], null), /khidma is not installed/);
  });

  it('refuses a Khidma deb outside the cache, reached directly, by ../ or through a symbolic link', () => {
    const elsewhere = buildDeb('khidma', '0.3.0', join(outside, 'khidma_0.3.0_amd64.deb'));
    refused(run([elsewhere]), /is not in the update cache/);
    refused(run([join(cache, '../../../../outside/khidma_0.3.0_amd64.deb')]), /is not in the update cache/);
    refused(run([`${cache}/./khidma_0.2.0_amd64.deb`]), /is not in the update cache/);
    symlinkSync(elsewhere, join(cache, 'khidma_0.3.0_amd64.deb'));
    refused(run([join(cache, 'khidma_0.3.0_amd64.deb')]), /is a symbolic link/);
  });

  it('refuses what is not a regular .deb, odd file names, and anything but exactly one argument', () => {
    writeFileSync(join(cache, 'notes.txt'), 'hello');
    refused(run([join(cache, 'notes.txt')]), /is not a \.deb/);
    writeFileSync(join(cache, 'khidma_0.4.0_amd64.deb'), 'not an archive');
    refused(run([join(cache, 'khidma_0.4.0_amd64.deb')]), /is not a Debian package/);
    mkdirSync(join(cache, 'khidma_0.5.0_amd64.deb'));
    refused(run([join(cache, 'khidma_0.5.0_amd64.deb')]), /is not a regular file/);
    refused(run([join(cache, 'missing_1.0.deb')]), /is not a regular file/);
    for (const odd of ['-i.deb', '.hidden.deb', 'a b.deb', 'x;reboot.deb']) refused(run([join(cache, odd)]), /unexpected file name/);
    refused(run([]), /exactly one argument.*\(got 0\)/);
    refused(run([newer, newer]), /exactly one argument.*\(got 2\)/);
  });
});
