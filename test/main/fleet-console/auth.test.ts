import { describe, expect, it } from 'vitest';
import { openConsoleDb } from '../../../main/fleet-console/schema.ts';
import { Auth } from '../../../main/fleet-console/auth.ts';

describe('console operators and sessions', () => {
  it('signs in with the right password only, sessions expire, and a guessed name is locked after 10 failures', () => {
    let now = new Date('2026-12-01T08:00:00Z');
    const auth = new Auth(openConsoleDb(':memory:'), { now: () => now, sessionHours: 8 });
    auth.setUser('sara', 'supervisor', 'correct horse');
    expect(() => auth.setUser('short', 'viewer', 'abc')).toThrow(RangeError);
    expect(auth.login('sara', 'wrong horse')).toBeUndefined();
    expect(auth.login('nobody', 'correct horse')).toBeUndefined();
    const s = auth.login('sara', 'correct horse')!;
    expect(s.operator).toEqual({ name: 'sara', role: 'supervisor' });
    expect(auth.session(s.token)).toEqual({ name: 'sara', role: 'supervisor' });
    expect(auth.session('forged-token')).toBeUndefined();
    now = new Date('2026-12-01T16:00:01Z');
    expect(auth.session(s.token)).toBeUndefined();

    for (let i = 0; i < 10; i++) auth.login('sara', `guess ${i}`);
    expect(auth.login('sara', 'correct horse')).toBeUndefined();
    expect(auth.auditLog().some((e) => e.action === 'login.locked')).toBe(true);
    now = new Date('2026-12-01T16:20:00Z');
    expect(auth.login('sara', 'correct horse')?.operator.name).toBe('sara');
    // No password, hash or token ever lands in the audit log.
    expect(JSON.stringify(auth.auditLog())).not.toMatch(/horse|guess/);
  });
});
