import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chmodSync, writeFileSync } from 'node:fs';
import { ConfigError, loadConfigFile, parseConfig } from '../../main/config.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('kiosk configuration', () => {
  it('needs no file in demo mode: every field has a default (simulated devices, embedded gateway, Kuwait)', () => {
    const c = parseConfig({ demo: true });
    expect(c.demo).toBe(true);
    expect(c.profile).toBe('KW');
    expect(c.gateway).toEqual({ mode: 'embedded', port: 0 });
    expect(c.devices.printer).toEqual({ link: 'simulator' });
    expect(c.ui.host).toBe('127.0.0.1');
  });

  it('accepts real serial ports per device', () => {
    const c = parseConfig({ ...production, devices: { terminal: { link: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 } } });
    expect(c.devices.terminal).toEqual({ link: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 });
  });

  it('names the offending field in a clear error', () => {
    expect(() => parseConfig({ demo: true, profile: 'FR' })).toThrow(/profile:/);
    expect(() => parseConfig({ ...production, devices: { printer: { link: 'serial' } } })).toThrow(/devices\.printer\.path/);
    expect(() => parseConfig({ demo: true, ui: { host: '0.0.0.0' } })).toThrow(/ui\.host/);
    expect(() => parseConfig({ typo: 1 })).toThrow(ConfigError);
  });

  it('survives any JSON value: a config or a ConfigError, never anything else', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        try {
          parseConfig(v);
        } catch (err) {
          expect(err).toBeInstanceOf(ConfigError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reports a broken file as a ConfigError naming the file', () => {
    const dir = tempDir('cfg');
    writeFileSync(dir.file('k.json'), '{ "profile": ');
    expect(() => loadConfigFile(dir.file('k.json'))).toThrow(/k\.json is not valid JSON/);
    writeFileSync(dir.file('list.json'), '[1]');
    expect(() => loadConfigFile(dir.file('list.json'))).toThrow(/list\.json must hold a JSON object/);
    dir.remove();
  });
});

/** A production kiosk: remote gateway, its own identity. */
const production = { kioskId: 'KW-AVENUES-03', kioskNumber: 3, gateway: { mode: 'remote', url: 'https://gateway.example.gov.kw' } } as const;
const serialTerminal = { terminal: { link: 'serial', path: '/dev/ttyUSB0' } } as const;
const refusal = (input: unknown): string => {
  try {
    parseConfig(input);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('configuration was accepted');
};

describe('configuration that cannot point real money at a fake gateway', () => {
  it('accepts a production kiosk: serial devices, remote gateway, its own ID and number', () => {
    const c = parseConfig({ ...production, devices: serialTerminal });
    expect(c).toMatchObject({ demo: false, kioskId: 'KW-AVENUES-03', kioskNumber: 3, gateway: { mode: 'remote' } });
  });

  it('refuses a serial device with the embedded gateway, naming gateway.mode and the device', () => {
    const m = refusal({ ...production, demo: true, gateway: { mode: 'embedded' }, devices: serialTerminal });
    expect(m).toMatch(/gateway\.mode: must be "remote": devices\.terminal is a real serial device/);
    // Demo mode does not make a real terminal safe with the demo gateway, nor does leaving the gateway out.
    expect(refusal({ kioskId: 'KW-A-1', kioskNumber: 2, demo: true, devices: serialTerminal })).toMatch(/gateway\.mode: must be "remote"/);
  });

  it('refuses serial devices without an explicit kiosk ID and number, naming each field', () => {
    const { kioskId: _id, kioskNumber: _n, ...gatewayOnly } = production;
    const m = refusal({ ...gatewayOnly, devices: { ...serialTerminal, printer: { link: 'serial', path: '/dev/ttyS0' } } });
    expect(m).toMatch(/kioskId: required .*devices\.printer, devices\.terminal are real serial devices/);
    expect(m).toMatch(/kioskNumber: required \(unique in the centre/);
    expect(refusal({ ...production, kioskNumber: undefined, devices: serialTerminal })).toMatch(/kioskNumber: required/);
  });

  it('refuses the demo kiosk ID on real devices', () => {
    expect(refusal({ ...production, kioskId: 'KW-GOVMALL-01', devices: serialTerminal })).toMatch(/kioskId: "KW-GOVMALL-01" is the demo kiosk's ID/);
  });

  it('runs the embedded demo gateway only in demo mode', () => {
    expect(refusal({ gateway: { mode: 'embedded' } })).toMatch(/gateway\.mode: "embedded" is the demo gateway and runs only in demo mode/);
    expect(refusal({})).toMatch(/gateway: required/);
    expect(parseConfig({ demo: true }).gateway).toEqual({ mode: 'embedded', port: 0 });
    // Outside demo mode, simulated devices with a remote gateway are allowed (a lab kiosk).
    expect(parseConfig({ gateway: production.gateway }).demo).toBe(false);
  });

  it('a named config file that is missing or unreadable is an error naming the file', () => {
    const dir = tempDir('cfg-named');
    expect(() => loadConfigFile({ path: dir.file('missing.json'), named: true })).toThrow(/config file .*missing\.json does not exist/);
    expect(() => loadConfigFile(dir.file('missing.json'))).toThrow(/missing\.json does not exist/);
    expect(() => loadConfigFile({ path: dir.path, named: true })).toThrow(new RegExp(`config file ${dir.path} cannot be read \\(EISDIR\\)`));
    writeFileSync(dir.file('secret.json'), '{}');
    chmodSync(dir.file('secret.json'), 0o000);
    // root reads any file: the permission case is only checked where permissions apply.
    if (process.getuid?.() !== 0) expect(() => loadConfigFile(dir.file('secret.json'))).toThrow(/secret\.json cannot be read \(EACCES\)/);
    // The unnamed default file may be absent: demo defaults then, or a clear refusal without --demo.
    expect(loadConfigFile({ path: dir.file('khidma.config.json'), named: false, demo: true }).demo).toBe(true);
    expect(() => loadConfigFile({ path: dir.file('khidma.config.json'), named: false })).toThrow(/gateway: required/);
    // A file's own refusals name the file too.
    writeFileSync(dir.file('k.json'), JSON.stringify({ gateway: { mode: 'embedded' } }));
    expect(() => loadConfigFile(dir.file('k.json'))).toThrow(/k\.json: invalid kiosk configuration:\n {2}gateway\.mode/);
    expect(loadConfigFile({ path: dir.file('k.json'), named: true, demo: true }).demo).toBe(true);
    dir.remove();
  });
});
