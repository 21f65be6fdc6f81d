import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { CommandBody, SignedCommand } from './protocol.ts';

/**
 * Remote commands are signed by the console (Ed25519) and checked by the kiosk: the broker's ACL
 * already limits who may publish on a kiosk's command topic, the signature makes a forged or
 * replayed command useless even if the broker or a credential is compromised.
 */
const canonical = (b: CommandBody): Buffer =>
  Buffer.from(JSON.stringify([b.id, b.kiosk, b.action, b.operator, b.issuedAt, b.expiresAt]), 'utf8');

export function generateCommandKeys(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

export function signCommand(body: CommandBody, privateKeyPem: string | KeyObject): SignedCommand {
  const key = typeof privateKeyPem === 'string' ? createPrivateKey(privateKeyPem) : privateKeyPem;
  return { body, sig: sign(null, canonical(body), key).toString('base64') };
}

export type CommandRefusal = 'badSignature' | 'otherKiosk' | 'expired' | 'notYetValid' | 'replayed';

/** Checks one command for this kiosk; `seen` answers whether its id was already executed. */
export function checkCommand(
  cmd: SignedCommand,
  opts: { publicKeyPem: string; kiosk: string; now: Date; seen: (id: string) => boolean; maxClockSkewMs?: number },
): { ok: true } | { ok: false; reason: CommandRefusal } {
  let good = false;
  try {
    good = verify(null, canonical(cmd.body), createPublicKey(opts.publicKeyPem), Buffer.from(cmd.sig, 'base64'));
  } catch {
    good = false;
  }
  if (!good) return { ok: false, reason: 'badSignature' };
  if (cmd.body.kiosk !== opts.kiosk) return { ok: false, reason: 'otherKiosk' };
  const now = opts.now.getTime();
  if (Date.parse(cmd.body.expiresAt) < now) return { ok: false, reason: 'expired' };
  if (Date.parse(cmd.body.issuedAt) > now + (opts.maxClockSkewMs ?? 5 * 60_000)) return { ok: false, reason: 'notYetValid' };
  if (opts.seen(cmd.body.id)) return { ok: false, reason: 'replayed' };
  return { ok: true };
}
