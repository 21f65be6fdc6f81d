import { describe, expect, it } from 'vitest';
import { evaluateServices } from '../../../main/availability/requirements.ts';
import { AppStateModel, deriveState } from '../../../main/availability/app-state.ts';
import { isOpen, diffSettings, redact, type KioskSettings } from '../../../main/technician/settings-history.ts';
import { siteFile } from '../../../main/technician/site-settings.ts';
import { parseConfig } from '../../../main/config.ts';
import type { DeviceSummary } from '../../../main/contract/api.ts';

const ok: DeviceSummary[] = [
  { name: 'printer', state: 'online', supply: 'full' },
  { name: 'terminal', state: 'online' },
  { name: 'idReader', state: 'online' },
];
const byId = (s: ReturnType<typeof evaluateServices>) => Object.fromEntries(s.map((x) => [x.id, x]));

describe('service requirements (CUSS required components)', () => {
  it('a terminal down takes the payments only, naming the failed requirement', () => {
    const s = byId(evaluateServices([ok[0]!, { name: 'terminal', state: 'offline', detail: 'linkLost' }, ok[2]!], true));
    expect(s.payBills).toMatchObject({ available: false, reason: 'hardware', failed: [{ requirement: 'terminal', state: 'offline:linkLost' }] });
    expect(s.donation!.available).toBe(false);
    expect([s.reprint, s.inquiries, s.complaints, s.ticket].every((x) => x!.available)).toBe(true);
  });

  it('paper out is consumables for what prints; offline network takes inquiries only', () => {
    const s = byId(evaluateServices([{ name: 'printer', state: 'userError', supply: 'out' }, ok[1]!, ok[2]!], false));
    expect(s.ticket).toMatchObject({ available: false, reason: 'consumables' });
    expect(s.inquiries).toMatchObject({ available: false, reason: 'backend' });
    expect(s.payBills!.available).toBe(true);
    expect(s.complaints!.available).toBe(true);
  });

  it('closed hours make everything unavailable for "hours", and the kiosk unavailable', () => {
    const s = evaluateServices(ok, true, true);
    expect(s.every((x) => !x.available && x.reason === 'hours')).toBe(true);
    expect(deriveState(false, false, s)).toEqual({ state: 'unavailable', reason: 'hours' });
    expect(deriveState(true, true, s)).toEqual({ state: 'maintenance' });
    expect(deriveState(false, true, evaluateServices(ok, true))).toEqual({ state: 'active' });
  });

  it('the model tells listeners only when something changed, with the time of the change', () => {
    let tech = false;
    const model = new AppStateModel({ technicianIn: () => tech, visitorIn: () => false, services: () => evaluateServices(ok, true), now: () => new Date('2026-12-02T08:00:00Z') });
    const seen: string[] = [];
    model.onChange((v) => seen.push(`${v.state}@${v.since}`));
    model.refresh();
    tech = true;
    model.refresh();
    model.refresh();
    expect(seen).toEqual(['maintenance@2026-12-02T08:00:00.000Z']);
  });
});

describe('opening hours and settings diffs', () => {
  it('hours in the kiosk time zone, wrapping past midnight', () => {
    const at = (iso: string) => new Date(iso);
    expect(isOpen({ open: '08:00', close: '14:00' }, at('2026-12-02T05:30:00Z'), 'Asia/Kuwait')).toBe(true); // 08:30 local
    expect(isOpen({ open: '08:00', close: '14:00' }, at('2026-12-02T11:00:00Z'), 'Asia/Kuwait')).toBe(false); // 14:00 local
    expect(isOpen({ open: '16:00', close: '02:00' }, at('2026-12-02T22:00:00Z'), 'Asia/Kuwait')).toBe(true); // 01:00 local
    expect(isOpen(null, at('2026-12-02T22:00:00Z'), 'Asia/Kuwait')).toBe(true);
  });

  it('a secret change is in the diff without its value, and never in the redacted view', () => {
    const file = siteFile(parseConfig({ demo: true, paymentTerminal: { password: '123456' } }));
    const a: KioskSettings = { idleSeconds: 60, idleWarningSeconds: 20, enabledServices: ['ticket'], openingHours: null, site: {} };
    const b: KioskSettings = { ...a, site: { terminalPassword: '654321' }, idleSeconds: 90 };
    const diff = diffSettings(a, b, file);
    expect(diff).toEqual([
      { path: 'idleSeconds', from: 60, to: 90 },
      { path: 'terminalPassword', from: '(secret)', to: '(secret, changed)' },
    ]);
    expect(JSON.stringify([diff, redact(b)])).not.toMatch(/123456|654321/);
  });
});
