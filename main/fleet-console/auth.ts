import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Db } from '../store/database.ts';

export type Role = 'viewer' | 'supervisor';
export interface Operator {
  name: string;
  role: Role;
}

const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');

/**
 * Operators, their sessions and the audit of what they did. Passwords are scrypt hashes; a
 * session token is random, stored only as its hash, and expires.
 */
export class Auth {
  constructor(
    private readonly db: Db,
    private readonly opts: { sessionHours?: number; now?: () => Date } = {},
  ) {}

  #now(): Date {
    return this.opts.now?.() ?? new Date();
  }

  setUser(name: string, role: Role, password: string): void {
    if (password.length < 8) throw new RangeError('password must have at least 8 characters');
    const salt = randomBytes(16).toString('hex');
    const hash = scryptSync(password, salt, 32).toString('hex');
    this.db.prepare('INSERT INTO users (name, role, salt, hash) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET role = excluded.role, salt = excluded.salt, hash = excluded.hash').run(name, role, salt, hash);
  }

  hasUsers(): boolean {
    return this.db.prepare('SELECT 1 FROM users LIMIT 1').get() !== undefined;
  }

  /** A session token for good credentials, undefined otherwise (both audited). */
  login(name: string, password: string): { token: string; operator: Operator } | undefined {
    const now = this.#now();
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now.toISOString());
    // Guessing is slowed to a crawl: after 10 failures in 15 minutes a name is refused outright.
    const since = new Date(now.getTime() - 15 * 60_000).toISOString();
    const failures = this.db
      .prepare(`SELECT COUNT(*) AS n FROM audit WHERE action = 'login.failed' AND at > ? AND json_extract(detail_json, '$.name') = ?`)
      .get(since, name.slice(0, 64)) as { n: number };
    if (failures.n >= 10) {
      this.audit('-', 'login.locked', undefined, { name: name.slice(0, 64) });
      return undefined;
    }
    const u = this.db.prepare('SELECT name, role, salt, hash FROM users WHERE name = ?').get(name) as { name: string; role: Role; salt: string; hash: string } | undefined;
    const expected = Buffer.from(u?.hash ?? '00'.repeat(32), 'hex');
    const got = scryptSync(password, u?.salt ?? 'no-such-user', 32);
    if (!u || !timingSafeEqual(expected, got)) {
      this.audit('-', 'login.failed', undefined, { name: name.slice(0, 64) });
      return undefined;
    }
    const token = randomBytes(32).toString('base64url');
    const expires = new Date(now.getTime() + (this.opts.sessionHours ?? 8) * 3_600_000);
    this.db.prepare('INSERT INTO sessions (token_hash, user, created_at, expires_at) VALUES (?, ?, ?, ?)').run(hashToken(token), u.name, now.toISOString(), expires.toISOString());
    this.audit(u.name, 'login');
    return { token, operator: { name: u.name, role: u.role } };
  }

  session(token: string | undefined): Operator | undefined {
    if (!token) return undefined;
    const r = this.db
      .prepare('SELECT u.name AS name, u.role AS role FROM sessions s JOIN users u ON u.name = s.user WHERE s.token_hash = ? AND s.expires_at > ?')
      .get(hashToken(token), this.#now().toISOString()) as Operator | undefined;
    return r;
  }

  logout(token: string): void {
    const op = this.session(token);
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(token));
    if (op) this.audit(op.name, 'logout');
  }

  audit(user: string, action: string, kiosk?: string, detail?: Record<string, unknown>): void {
    this.db.prepare('INSERT INTO audit (at, user, action, kiosk, detail_json) VALUES (?, ?, ?, ?, ?)').run(this.#now().toISOString(), user, action, kiosk ?? null, detail ? JSON.stringify(detail) : null);
  }

  auditLog(limit = 200) {
    return (this.db.prepare('SELECT at, user, action, kiosk, detail_json AS detail FROM audit ORDER BY id DESC LIMIT ?').all(limit) as { at: string; user: string; action: string; kiosk: string | null; detail: string | null }[]).map(
      (r) => ({ ...r, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null }),
    );
  }
}
