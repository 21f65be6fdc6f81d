import type { TechnicianAccount } from './accounts.ts';

export type EndReason = 'exit' | 'idle' | 'disconnect';

interface Session {
  conn: string;
  account: TechnicianAccount;
  startedAt: Date;
  timer: NodeJS.Timeout;
}

/**
 * At most one technician session, bound to the connection that typed the PIN. It lives in
 * memory only, so a restart ends it; it also ends on exit, after `idleMs` without a call,
 * and when its connection closes.
 */
export class TechnicianSessions {
  #current: Session | undefined;

  constructor(private readonly opts: { idleMs: number; onEnd: (account: TechnicianAccount, reason: EndReason) => void; now?: () => Date }) {}

  begin(conn: string, account: TechnicianAccount): void {
    if (this.#current) this.end('exit');
    this.#current = { conn, account, startedAt: (this.opts.now ?? (() => new Date()))(), timer: this.#arm() };
  }

  /** True only for the connection that holds the session. */
  holds(conn: string | undefined): boolean {
    return conn !== undefined && this.#current?.conn === conn;
  }

  get active(): boolean {
    return this.#current !== undefined;
  }

  get account(): TechnicianAccount | undefined {
    return this.#current?.account;
  }

  /** Any call by the technician keeps the session alive. */
  touch(): void {
    if (!this.#current) return;
    clearTimeout(this.#current.timer);
    this.#current.timer = this.#arm();
  }

  end(reason: EndReason): void {
    const s = this.#current;
    if (!s) return;
    clearTimeout(s.timer);
    this.#current = undefined;
    this.opts.onEnd(s.account, reason);
  }

  release(conn: string): void {
    if (this.#current?.conn === conn) this.end('disconnect');
  }

  #arm(): NodeJS.Timeout {
    const t = setTimeout(() => this.end('idle'), this.opts.idleMs);
    t.unref?.();
    return t;
  }
}
