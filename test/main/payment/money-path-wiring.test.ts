import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// One factory builds the money path for the product and for its tests (main/payment/money-path.ts).
// A test or bench that wires the payment service, sender or outbox service by hand tests something
// that does not ship: this fails when one does. Unit tests of the outbox's own classes may build them.

const root = fileURLToPath(new URL('../../../', import.meta.url));
const HAND_WIRING = /new (PaymentService|OutboxSender|OutboxService|MoneyDesk)\s*\(/;
const PAYMENT_WIRING = /new (PaymentService|MoneyDesk)\s*\(/;
/** Tests of the outbox and of the gateway contract may build the sender alone (never the payment service). */
const SENDER_TESTS = ['test/main/outbox/', 'test/main/gateway/'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the money path is wired in one place', () => {
  it('compose.ts builds it with the factory', () => {
    const compose = readFileSync(join(root, 'main/compose.ts'), 'utf8');
    expect(compose).toMatch(/createMoneyPath\(/);
    expect(compose).not.toMatch(HAND_WIRING);
  });

  it('no test or bench wires it by hand', () => {
    const offenders = files(join(root, 'test'))
      .map((f) => relative(root, f))
      .filter((f) => f !== 'test/main/payment/money-path-wiring.test.ts')
      .filter((f) => (SENDER_TESTS.some((d) => f.startsWith(d)) ? PAYMENT_WIRING : HAND_WIRING).test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the crash matrix core is the factory', () => {
    expect(readFileSync(join(root, 'test/crash/money-core.ts'), 'utf8')).toMatch(/createMoneyPath\(/);
  });
});
