import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { ConfigError, loadConfigFile, parseConfig } from '../../main/config.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('kiosk configuration', () => {
  it('needs no file: every field has a default (simulated devices, embedded gateway, Kuwait)', () => {
    const c = parseConfig({});
    expect(c.profile).toBe('KW');
    expect(c.gateway).toEqual({ mode: 'embedded', port: 0 });
    expect(c.devices.printer).toEqual({ link: 'simulator' });
    expect(c.ui.host).toBe('127.0.0.1');
  });

  it('accepts real serial ports per device', () => {
    const c = parseConfig({ devices: { terminal: { link: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 } } });
    expect(c.devices.terminal).toEqual({ link: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 });
  });

  it('names the offending field in a clear error', () => {
    expect(() => parseConfig({ profile: 'FR' })).toThrow(/profile:/);
    expect(() => parseConfig({ devices: { printer: { link: 'serial' } } })).toThrow(/devices\.printer\.path/);
    expect(() => parseConfig({ ui: { host: '0.0.0.0' } })).toThrow(/ui\.host/);
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
    expect(loadConfigFile(dir.file('missing.json')).profile).toBe('KW');
    dir.remove();
  });
});
