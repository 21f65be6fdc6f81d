import { coreContext } from '../../../main/bridge/dispatcher.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { GuessLimiter } from '../../../main/payment/guess-limiter.ts';
import { KioskError } from '../../../main/contract/result.ts';
import { SettingsRepo } from '../../../main/store/settings-repo.ts';
import { isOwnNumberValid, nextPaymentReference } from '../../../main/numbering/local-numbers.ts';
import { serviceHandlers } from '../../../main/handlers/service-handlers.ts';
import { GatewayError, type GatewayClient } from '../../../main/gateway/client.ts';
import type { OutboxService } from '../../../main/outbox/outbox-service.ts';
import { VisitorSessions } from '../../../main/session/visitor-session.ts';
import { createMoneyCore, type MoneyCore } from '../../crash/money-core.ts';
import { zvtOverMemory } from '../../support/zvt-memory.ts';
import { openDatabase } from '../../../main/store/database.ts';

/** What one look-up ended as: found, a wrong answer, or refused without being evaluated. */
async function attempt(fn: () => Promise<unknown>): Promise<'found' | 'wrong' | 'refused'> {
  try {
    await fn();
    return 'found';
  } catch (err) {
    if (!(err instanceof KioskError)) throw err;
    if (err.code === 'tooManyAttempts') {
      expect(err.message).toMatch(/try again in \d+ s/);
      return 'refused';
    }
    expect(err.code).toBe('notFound');
    return 'wrong';
  }
}

describe('the guess limiter', () => {
  it('a few typos are free, then each wrong answer doubles the wait up to the ceiling; old ones are forgotten', () => {
    let t = 0;
    const g = new GuessLimiter({ now: () => t });
    expect([g.wrong(), g.wrong(), g.wrong()]).toEqual([0, 0, 0]);
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      waits.push(g.wrong());
      expect(() => g.check()).toThrow(/try again in/);
      t += waits.at(-1)!;
      expect(() => g.check()).not.toThrow();
    }
    expect(waits.slice(0, 5)).toEqual([5_000, 10_000, 20_000, 40_000, 80_000]);
    expect(waits.at(-1)).toBe(15 * 60_000);
    // Six quiet hours: the count starts again, a visitor's typo is free again.
    t += 6 * 60 * 60_000 + 1;
    expect(g.wrong()).toBe(0);
  });
});

describe('guessing receipts and tracking numbers', () => {
  let core: MoneyCore | undefined;
  let zvt: Awaited<ReturnType<typeof zvtOverMemory>> | undefined;
  afterEach(async () => {
    core?.close();
    await zvt?.close();
  });

  it('1,000 random reference/last-four attempts find nothing and are slowed down; the right answer still prints', async () => {
    let t = Date.parse('2026-03-31T08:00:00Z');
    const guesses = new GuessLimiter({ now: () => t });
    zvt = await zvtOverMemory();
    const holder: { settings?: SettingsRepo } = {};
    const c = createMoneyCore({
      dbFile: ':memory:', terminal: zvt.terminal, gatewayUrl: 'http://127.0.0.1:9', wakeOnApproval: false,
      extra: { guesses, nextReference: () => nextPaymentReference(holder.settings!, 1, new Date(t), 'Asia/Kuwait') },
    });
    core = c;
    holder.settings = new SettingsRepo(c.db);
    const ids = [await c.pay(1_250), await c.pay(2_500), await c.pay(3_750)];
    const refs = ids.map((id) => c.transactions.get(id)!.reference!);
    expect(refs.every((r) => /^\d{16}$/.test(r))).toBe(true);
    const printedBefore = c.printer.printed.length;

    // The visitor with the receipt in hand: found at once, no wait.
    expect(await attempt(() => c.payments.reprintByReference(refs[0]!, '4242'))).toBe('found');

    // The attacker knows the format: this kiosk's prefix and today's date; sequence, check and card guessed.
    const prefix = refs[0]!.slice(0, 8);
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
    const outcomes = { found: 0, wrong: 0, refused: 0 };
    const waits: number[] = [];
    for (let i = 0; i < 1_000; i++) {
      const guess = prefix + digits(8);
      const o = await attempt(() => c.payments.reprintByReference(guess, i % 2 ? '4242' : digits(4)));
      outcomes[o]++;
      if (o === 'wrong' && guesses.waitMs() > 0) waits.push(guesses.waitMs());
      t += 1_000; // one attempt a second, as fast as a keypad allows
    }
    expect(outcomes.found).toBe(0);
    // 1,000 attempts in 1,000 s: only a handful were even evaluated, the rest refused unread.
    expect(outcomes.wrong).toBeLessThan(15);
    expect(outcomes.refused).toBeGreaterThan(985);
    for (let i = 1; i < waits.length; i++) expect(waits[i]!).toBeGreaterThan(waits[i - 1]!);
    expect(waits.length).toBeGreaterThanOrEqual(5);
    expect(c.printer.printed.length).toBe(printedBefore + 1);

    // During the wait even the right answer is refused (a lucky guess must learn nothing) …
    expect(await attempt(() => c.payments.reprintByReference(refs[1]!, '4242'))).toBe('refused');
    // … once it is over, the right answer prints and adds nothing to the count.
    const failures = guesses.stats().failures;
    t += guesses.waitMs();
    expect(await attempt(() => c.payments.reprintByReference(refs[1]!, '4242'))).toBe('found');
    expect(await attempt(() => c.payments.reprintByReference(refs[2]!, '4242'))).toBe('found');
    expect(guesses.stats().failures).toBe(failures);
    expect(c.printer.printed.length).toBe(printedBefore + 3);
  }, 60_000);

  it('complaint status: a forged own number is refused without asking the gateway; unknown numbers count too', async () => {
    let t = Date.parse('2026-03-31T08:00:00Z');
    const guesses = new GuessLimiter({ now: () => t, freeFailures: 0 });
    const db = openDatabase(':memory:');
    const settings = new SettingsRepo(db);
    const asked: string[] = [];
    const gateway = {
      complaintStatus: async (n: string) => {
        asked.push(n);
        throw new GatewayError('notFound', 'no such complaint');
      },
    } as unknown as GatewayClient;
    const outbox = { complaint: () => undefined } as unknown as OutboxService;
    const h = serviceHandlers({
      catalogue: () => { throw new Error('unused'); }, sessions: new VisitorSessions(), outbox, settings, gateway,
      printer: {} as never, receipts: { t: () => '', country: { ar: '', en: '' }, kioskId: 'K', location: { ar: '', en: '' }, timeZone: 'Asia/Kuwait' },
      kioskId: 'K', kioskNumber: 1, isOnline: () => true, now: () => new Date(t), answerWaitMs: 10, guesses,
    });
    const status = (trackingNumber: string) => attempt(async () => h['complaint.status']({ trackingNumber }, coreContext()));
    const forged = Array.from({ length: 10 }, (_, i) => `001260900001${String(i).padStart(4, '0')}`).find((n) => !isOwnNumberValid(settings, 'complaint', 1, n, new Date(t)))!;
    expect(await status(forged)).toBe('wrong'); // this kiosk's prefix with a wrong check group
    expect(await status('0022609000019999')).toBe('refused');
    expect(asked).toEqual([]);
    t += guesses.waitMs();
    expect(await status('0022609000019999')).toBe('wrong'); // another kiosk's: only the gateway can say
    expect(asked).toEqual(['0022609000019999']);
    expect(guesses.stats().failures).toBe(2);
    db.close();
  });
});
