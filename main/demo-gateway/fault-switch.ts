import { randomBytes, timingSafeEqual } from 'node:crypto';
import { writePrivateFile } from '../launcher/private-file.ts';
import type { IncomingMessage } from 'node:http';

export const FAULT_TOKEN_HEADER = 'x-demo-token';

/**
 * Who may flip the demo gateway's faults over HTTP. Only a demo gateway started with a token
 * has the switch at all; a request needs that token in a header and a JSON body. A web page
 * elsewhere can make a browser POST a form here, but a form can set neither the header nor the
 * JSON content type (and a cross-origin fetch with them needs a CORS preflight we never grant).
 */
export function faultSwitchRefusal(req: IncomingMessage, token: string | undefined): { status: number; body: { error: { code: string; message: string } } } | undefined {
  const refuse = (status: number, code: string, message: string) => ({ status, body: { error: { code, message } } });
  if (!token) return refuse(404, 'notFound', 'no such route');
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return refuse(415, 'unsupportedMediaType', 'the fault switch takes application/json only');
  const given = Buffer.from(String(req.headers[FAULT_TOKEN_HEADER] ?? ''));
  const want = Buffer.from(token);
  if (given.length !== want.length || !timingSafeEqual(given, want)) return refuse(403, 'forbidden', `the fault switch needs the ${FAULT_TOKEN_HEADER} header`);
  return undefined;
}

/** A fresh fault-switch token for the embedded demo gateway, in an owner-only file for the demo operator. */
export function issueFaultToken(file: string): string {
  const token = randomBytes(18).toString('base64url');
  writePrivateFile(file, token + '\n');
  return token;
}
