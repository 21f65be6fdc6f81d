import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseV1Options } from '@electron/fuses';
import { INSTALL_HELPER } from '../../main/shell/updates.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
// electron-builder's own loader and validator (app-builder-lib), exactly as `electron-builder` runs them.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig: (projectDir: string, configPath: string | null, fromOptions: unknown) => Promise<BuilderConfig>;
  validateConfiguration: (config: unknown, debugLogger: { isEnabled: boolean; add: () => void }) => Promise<void>;
};
const quietDebug = { isEnabled: false, add: () => {} };

interface BuilderConfig {
  electronFuses: Record<string, boolean>;
  asarUnpack: string[];
  extraResources: { from: string; filter: string[] }[];
  publish: { provider: string; url: string; channel: string }[];
  linux: { target: string[] };
  deb: { afterInstall: string; recommends: string[]; depends?: string[]; fpm: string[] };
  win: { target: string[] };
  nsis: { include: string; perMachine: boolean };
  npmRebuild: boolean;
  [k: string]: unknown;
}

const load = () => getConfig(root, join(root, 'electron-builder.yml'), null);

describe('electron-builder.yml', () => {
  it("validates against electron-builder's own JSON schema; a wrong option is caught (the check bites)", async () => {
    const config = await load();
    await expect(validateConfiguration(config, quietDebug)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, deb: { ...config.deb, afterInstal: 'x' } }, quietDebug)).rejects.toThrow(/configuration\.deb/);
    await expect(validateConfiguration({ ...config, electronFuses: { ...config.electronFuses, runAsNodes: false } }, quietDebug)).rejects.toThrow(/configuration\.electronFuses/);
  });

  it('builds deb and AppImage for Linux and NSIS for Windows, with the files they install present', async () => {
    const c = await load();
    expect(c.linux.target).toEqual(['deb', 'AppImage']);
    expect(c.win.target).toEqual(['nsis']);
    expect(c.nsis.perMachine).toBe(true);
    expect(existsSync(join(root, c.nsis.include))).toBe(true);
    for (const r of c.extraResources) for (const f of r.filter) expect(existsSync(join(root, r.from, f)), f).toBe(true);
    // A custom `depends` would drop electron-builder's default library dependencies.
    expect(c.deb.depends).toBeUndefined();
    expect(c.deb.recommends).toContain('cage');
  });

  it("the deb's after-install keeps electron-builder's default steps verbatim, then adds udev, dialout and autostart", async () => {
    const c = await load();
    const script = readFileSync(join(root, c.deb.afterInstall), 'utf8');
    const defaults = readFileSync(require.resolve('app-builder-lib/templates/linux/after-install.tpl'), 'utf8').replace(/^#!.*\n/, '');
    expect(script.startsWith('#!/bin/bash\n')).toBe(true);
    expect(script).toContain(defaults.trim());
    expect(script.indexOf(defaults.trim())).toBeLessThan(script.indexOf('usermod -a -G dialout khidma'));
    expect(script).toContain('/etc/udev/rules.d/99-khidma-serial.rules');
    expect(script).toContain('systemctl enable khidma-kiosk.service');
    expect(spawnSync('bash', ['-n', join(root, c.deb.afterInstall)]).status).toBe(0);
  });

  it('the deb ships the update helper (root, 0755) and its polkit action and rule, at the paths the shell and polkit use', async () => {
    const c = await load();
    const mapped = Object.fromEntries(c.deb.fpm.map((arg) => arg.split('=') as [string, string]).map(([from, to]) => [to, from]));
    expect(Object.keys(mapped).sort()).toEqual([
      INSTALL_HELPER,
      '/usr/share/polkit-1/actions/org.khidma.kiosk.install-update.policy',
      '/usr/share/polkit-1/rules.d/50-khidma-update.rules',
    ].sort());
    expect(mapped[INSTALL_HELPER]).toBe('packaging/linux/khidma-install-update');
    for (const [to, from] of Object.entries(mapped)) expect(from.split('/').at(-1), to).toBe(to.split('/').at(-1));
    for (const from of Object.values(mapped)) expect(existsSync(join(root, from)), from).toBe(true);
    // fpm keeps the source's mode (git keeps the executable bit); after-install sets root:root 0755 all the same.
    expect(statSync(join(root, mapped[INSTALL_HELPER]!)).mode & 0o111).toBe(0o111);
    expect(spawnSync('sh', ['-n', join(root, mapped[INSTALL_HELPER]!)]).status).toBe(0);
    const script = readFileSync(join(root, c.deb.afterInstall), 'utf8');
    expect(script).toContain(`chown root:root /usr/lib/khidma ${INSTALL_HELPER}\nchmod 0755 /usr/lib/khidma ${INSTALL_HELPER}\n`);
    expect(c.deb.recommends).toEqual(expect.arrayContaining(['pkexec', 'polkitd']));
  });

  it('sets every Electron fuse explicitly, by @electron/fuses names, with the hardening ones flipped', async () => {
    const fuses = (await load()).electronFuses;
    const known = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    for (const key of Object.keys(fuses)) expect(known, key).toContain(key[0]!.toUpperCase() + key.slice(1));
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
    const settable = Object.keys(schema.definitions.FuseOptionsV1.properties).filter((k) => k !== 'resetAdHocDarwinSignature');
    expect(Object.keys(fuses).sort()).toEqual(settable.sort());
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeCliInspectArguments: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('native modules are rebuilt for Electron and unpacked from the asar; updates use a generic provider', async () => {
    const c = await load();
    expect(c.npmRebuild).toBe(true);
    for (const native of ['better-sqlite3', '@serialport/bindings-cpp', '@napi-rs/canvas']) {
      expect(c.asarUnpack.some((p) => `node_modules/${native}/`.startsWith(p.replace('**', ''))), native).toBe(true);
    }
    expect(c.publish).toEqual([expect.objectContaining({ provider: 'generic', channel: 'latest' })]);
  });
});

describe('packaging/linux', () => {
  const unit = (name: string) => readFileSync(join(root, 'packaging/linux', name), 'utf8');
  const directive = (text: string, key: string) => text.split('\n').filter((l) => l.startsWith(`${key}=`)).map((l) => l.slice(key.length + 1));

  it('the core unit runs as the kiosk user with the serial group, owner-only files, no restart on config errors, and hardening', () => {
    const core = unit('khidma-core.service');
    expect(directive(core, 'User')).toEqual(['khidma']);
    expect(directive(core, 'SupplementaryGroups')).toEqual(['dialout']);
    expect(directive(core, 'UMask')).toEqual(['0077']);
    expect(directive(core, 'RestartPreventExitStatus')).toEqual(['78']);
    expect(directive(core, 'NoNewPrivileges')).toEqual(['yes']);
    expect(directive(core, 'ProtectSystem')).toEqual(['strict']);
    expect(directive(core, 'ExecStart')[0]).toMatch(/dist\/main\/launcher\/start\.js --browser --no-window/);
    expect(existsSync(join(root, 'main/launcher/start.ts'))).toBe(true);
  });

  it('both kiosk sessions run under cage on tty1 with VT switching off (no -s)', () => {
    for (const name of ['khidma-kiosk.service', 'khidma-electron-kiosk.service']) {
      const u = unit(name);
      const exec = directive(u, 'ExecStart')[0]!;
      expect(exec).toMatch(/^\/usr\/bin\/cage -d -- /);
      expect(exec).not.toMatch(/ -s /);
      expect(directive(u, 'TTYPath')).toEqual(['/dev/tty1']);
      expect(directive(u, 'User')).toEqual(['khidma']);
    }
    expect(directive(unit('khidma-kiosk.service'), 'ExecStart')[0]).toContain('dist/main/launcher/browser-session.js');
    expect(existsSync(join(root, 'main/launcher/browser-session.ts'))).toBe(true);
  });

  it('the udev rule gives serial devices to dialout only', () => {
    const rule = unit('99-khidma-serial.rules');
    expect(rule).toMatch(/SUBSYSTEM=="tty".*GROUP="dialout", MODE="0660"/);
  });

  it('the Chromium policy turns devtools off and allows only the loopback kiosk', () => {
    const policy = JSON.parse(unit('chromium-policy.json')) as Record<string, unknown>;
    expect(policy.DeveloperToolsAvailability).toBe(2);
    expect(policy.URLBlocklist).toEqual(['*']);
    expect(policy.URLAllowlist).toContain('http://127.0.0.1');
  });
});
