import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Who may open the loopback bridge. A page proves itself twice: its Origin must be the UI
 * server's own (so no other site in a browser on this machine can reach the core), and it
 * presents either a launch token — single use, exchanged at the first connect for a session —
 * or the session cookie that exchange set. A leaked launch URL is worthless once opened.
 */
export interface BridgeAuth {
  /** A fresh single-use launch token (one per window/browser launch). */
  issueLaunchToken(): string;
  /** Decides an upgrade request; on a token exchange returns the Set-Cookie value to send. */
  admit(req: { origin: string | undefined; token: string | null; cookie: string | undefined }): Admission;
  readonly cookieName: string;
}

export type Admission = { ok: true; setCookie?: string } | { ok: false; reason: 'origin' | 'token' };

const SECRET_BYTES = 24;

function secret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function findIn(set: Set<string>, given: string | null | undefined): string | undefined {
  if (!given) return undefined;
  for (const s of set) if (sameSecret(s, given)) return s;
  return undefined;
}

/** Reads one cookie from a Cookie header (RFC 6265 pairs separated by "; "). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function createBridgeAuth(opts: { origin: string; cookieName: string; maxOutstanding?: number; onTokenSpent?: () => void }): BridgeAuth {
  const launchTokens = new Set<string>();
  const sessions = new Set<string>();
  const maxOutstanding = opts.maxOutstanding ?? 16;
  return {
    cookieName: opts.cookieName,
    issueLaunchToken() {
      // Unused tokens from crashed launches are dropped oldest first, so they cannot pile up.
      if (launchTokens.size >= maxOutstanding) launchTokens.delete(launchTokens.values().next().value!);
      const t = secret();
      launchTokens.add(t);
      return t;
    },
    admit({ origin, token, cookie }) {
      if (origin !== opts.origin) return { ok: false, reason: 'origin' };
      if (findIn(sessions, readCookie(cookie, opts.cookieName))) return { ok: true };
      const launch = findIn(launchTokens, token);
      if (!launch) return { ok: false, reason: 'token' };
      launchTokens.delete(launch);
      const session = secret();
      sessions.add(session);
      opts.onTokenSpent?.();
      // HttpOnly: page scripts never see it; Strict: no other site's request carries it.
      return { ok: true, setCookie: `${opts.cookieName}=${session}; Path=/bridge; HttpOnly; SameSite=Strict` };
    },
  };
}
