import type { Db } from '../store/database.ts';
import { hashPin, PIN_PATTERN, verifyPin } from './pin-hash.ts';

export type TechnicianRole = 'technician' | 'supervisor';
export interface TechnicianAccount {
  id: number;
  name: string;
  role: TechnicianRole;
  demo: boolean;
}

interface Row {
  id: number;
  name: string;
  role: TechnicianRole;
  pin_hash: string;
  demo: number;
}

const NAME = /^[\p{L}\p{N} ._-]{2,40}$/u;

export class AccountError extends Error {
  override name = 'AccountError';
}

/** Technician accounts: the PIN alone identifies the technician at the kiosk, so PINs are unique. */
export class TechnicianAccounts {
  constructor(private readonly db: Db) {}

  list(): TechnicianAccount[] {
    return (this.db.prepare('SELECT id, name, role, pin_hash, demo FROM technicians ORDER BY id').all() as Row[]).map(toAccount);
  }

  async add(name: string, role: TechnicianRole, pin: string, opts: { demo?: boolean; now?: Date } = {}): Promise<TechnicianAccount> {
    if (!NAME.test(name)) throw new AccountError('name: 2 to 40 letters, digits, spaces, dots, dashes');
    if (!PIN_PATTERN.test(pin)) throw new AccountError('PIN: 6 to 8 digits');
    if (this.db.prepare('SELECT 1 FROM technicians WHERE name = ?').get(name)) throw new AccountError(`a technician named ${name} exists`);
    if (await this.#match(pin)) throw new AccountError('this PIN is taken: choose another');
    const hash = await hashPin(pin);
    const r = this.db
      .prepare('INSERT INTO technicians (name, role, pin_hash, demo, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(name, role, hash, opts.demo ? 1 : 0, (opts.now ?? new Date()).toISOString());
    return { id: Number(r.lastInsertRowid), name, role, demo: opts.demo ?? false };
  }

  remove(name: string): boolean {
    return this.db.prepare('DELETE FROM technicians WHERE name = ?').run(name).changes > 0;
  }

  /** Removes demo accounts (a kiosk leaving demo mode must not keep a published PIN). */
  removeDemo(): number {
    return this.db.prepare('DELETE FROM technicians WHERE demo = 1').run().changes;
  }

  async verify(pin: string): Promise<TechnicianAccount | undefined> {
    if (!PIN_PATTERN.test(pin)) return undefined;
    return this.#match(pin);
  }

  async #match(pin: string): Promise<TechnicianAccount | undefined> {
    for (const row of this.db.prepare('SELECT id, name, role, pin_hash, demo FROM technicians ORDER BY id').all() as Row[]) {
      if (await verifyPin(pin, row.pin_hash)) return toAccount(row);
    }
    return undefined;
  }
}

function toAccount(r: Row): TechnicianAccount {
  return { id: r.id, name: r.name, role: r.role, demo: r.demo === 1 };
}
