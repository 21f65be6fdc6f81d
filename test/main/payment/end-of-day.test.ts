import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { EndOfDayResult, PaymentTerminal } from '../../../drivers/payment/terminal.ts';
import { createMemoryLink } from '../../../drivers/transport/memory-link.ts';
import { EPSON_TM_T88_80MM, EscPosSimulator, createEscPosPrinter } from '../../../drivers/printer/index.ts';
import { EndOfDay } from '../../../main/payment/end-of-day.ts';
import { createTranslator } from '../../../main/i18n/translator.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { AuditRepo } from '../../../main/store/audit-repo.ts';
import { createMoneyCore, type MoneyCore } from '../../crash/money-core.ts';
import { zvtOverMemory } from '../../support/zvt-memory.ts';
import { tempDir } from '../../support/temp-dir.ts';

const t = createTranslator(new URL('../../../assets/locales/', import.meta.url));
const out = new URL('../../../test-output/receipts/', import.meta.url);
mkdirSync(out, { recursive: true });
const [host, device] = createMemoryLink();
const paper = new EscPosSimulator(device, EPSON_TM_T88_80MM);
const printer = createEscPosPrinter(host, EPSON_TM_T88_80MM);
afterAll(() => printer.close());

let dir: ReturnType<typeof tempDir>;
let core: MoneyCore | undefined;
let zvt: Awaited<ReturnType<typeof zvtOverMemory>> | undefined;
afterEach(async () => {
  core?.close();
  await zvt?.close();
  dir?.remove();
});

function endOfDay(c: MoneyCore, terminal: PaymentTerminal, now = () => new Date()) {
  return new EndOfDay({ db: c.db, terminal, printer, currency: 'KWD', log: silentLogger, now, report: { t, kioskId: 'KW-GOVMALL-01', timeZone: 'Asia/Kuwait' } });
}

const alerts = (c: MoneyCore, action: string) => new AuditRepo(c.db).recent(100, action);

describe("the terminal's end of day against the kiosk's journal", () => {
  it('totals match: journaled, no alert; the next period starts after it; a charge the kiosk never saw is an alert', async () => {
    dir = tempDir('eod');
    zvt = await zvtOverMemory();
    core = createMoneyCore({ dbFile: dir.file('kiosk.sqlite'), terminal: zvt.terminal, gatewayUrl: 'http://127.0.0.1:9', wakeOnApproval: false });
    const c = core;
    const eod = endOfDay(c, zvt.terminal);
    await c.pay(1_250);
    await c.pay(2_013); // declined by the simulator's rule (minor units ending in 13)
    await c.pay(3_500);
    const first = await eod.run('scheduled');
    expect(first).toMatchObject({ ok: true, terminalId: '52001234', terminalTotalMinor: 4_750, terminalCount: 2, kioskTotalMinor: 4_750, kioskCount: 2, differenceMinor: 0, periodStart: null });
    expect(alerts(c, 'alert.endOfDayDifference')).toEqual([]);
    expect(eod.repo.get(first.id)).toEqual(first);

    // Next period: one kiosk payment, and one charge made on the terminal that the kiosk never journaled.
    await c.pay(600);
    const lost = await zvt.terminal.authorize({ amountMinor: 900, currencyNumeric: 414, reference: 'not-journaled' });
    expect(lost.kind).toBe('approved');
    const second = await eod.run('technician');
    expect(second).toMatchObject({ ok: true, terminalTotalMinor: 1_500, terminalCount: 2, kioskTotalMinor: 600, kioskCount: 1, differenceMinor: 900, periodStart: first.at, fromRowid: first.toRowid });
    const [alert] = alerts(c, 'alert.endOfDayDifference');
    expect(alert?.detail).toMatchObject({ endOfDayId: second.id, differenceMinor: 900, terminalTotalMinor: 1_500, kioskTotalMinor: 600 });

    // The report, in both languages, through the real printer driver (PNG to look at).
    for (const locale of ['ar', 'en'] as const) {
      expect(await eod.print(second.id, locale)).toBe(true);
      await new Promise((res) => setTimeout(res, 20));
      writeFileSync(new URL(`end-of-day-${locale}.png`, out), paper.renderPng());
    }
    const en = paper.jobs.at(-1)!.flatMap((i) => (i.kind === 'text' ? [i.text] : [])).join('\n');
    for (const needle of ['1.500 KWD', '0.600 KWD', '0.900 KWD', '52001234', 'KW-GOVMALL-01']) expect(en).toContain(needle);
    expect(JSON.stringify(eod.report(second, 'en'))).toContain('Totals differ');
    expect(JSON.stringify(eod.report(first, 'ar'))).toContain(t('ar', 'ledger.endOfDay.match'));
  }, 60_000);

  it('a failed end of day is journaled and alerted, and the next one covers the whole period since the last success', async () => {
    const answers: EndOfDayResult[] = [{ ok: false, resultCode: 0x6f }, { ok: true, totalMinor: 2_000, count: 1, resultCode: 0, terminalId: '52001234' }];
    zvt = await zvtOverMemory();
    core = createMoneyCore({ dbFile: ':memory:', terminal: zvt.terminal, gatewayUrl: 'http://127.0.0.1:9', wakeOnApproval: false });
    await core.pay(2_000);
    // The real terminal for payments; its end-of-day answers scripted (a refusal, then totals).
    const real = zvt.terminal;
    const scripted: PaymentTerminal = {
      open: () => real.open(), authorize: (r, p) => real.authorize(r, p), abort: () => real.abort(), lastTransaction: () => real.lastTransaction(),
      reverse: (n, p) => real.reverse(n, p), status: () => real.status(), onStatus: (l) => real.onStatus(l), close: async () => undefined,
      endOfDay: async () => answers.shift()!,
    };
    const eod = endOfDay(core, scripted);
    const failed = await eod.run('scheduled');
    expect(failed).toMatchObject({ ok: false, resultCode: 0x6f, differenceMinor: null, kioskTotalMinor: 2_000 });
    expect(alerts(core, 'alert.endOfDayFailed')).toHaveLength(1);
    const next = await eod.run('scheduled');
    expect(next).toMatchObject({ ok: true, fromRowid: 0, differenceMinor: 0, kioskCount: 1 });
    expect(alerts(core, 'alert.endOfDayDifference')).toEqual([]);
  }, 30_000);

  it('never runs while a payment is between start and outcome', async () => {
    zvt = await zvtOverMemory();
    core = createMoneyCore({ dbFile: ':memory:', terminal: zvt.terminal, gatewayUrl: 'http://127.0.0.1:9', wakeOnApproval: false });
    core.transactions.insert({ id: '00000000-0000-4000-8000-000000000001', kind: 'billPayment', amountMinor: 100, currency: 'KWD', items: [], locale: 'ar', now: new Date().toISOString() });
    const eod = endOfDay(core, zvt.terminal);
    expect(eod.busy()).toBe(true);
    await expect(eod.run('technician')).rejects.toMatchObject({ code: 'conflict' });
    expect(eod.repo.recent()).toEqual([]);
  }, 30_000);

  it("never runs while the payment path uses the terminal (a technician's retry, a re-ask after it came back)", async () => {
    zvt = await zvtOverMemory();
    core = createMoneyCore({ dbFile: ':memory:', terminal: zvt.terminal, gatewayUrl: 'http://127.0.0.1:9', wakeOnApproval: false });
    let inUse = true;
    const eod = new EndOfDay({ db: core.db, terminal: zvt.terminal, printer, currency: 'KWD', log: silentLogger, now: () => new Date(), report: { t, kioskId: 'KW-GOVMALL-01', timeZone: 'Asia/Kuwait' }, terminalInUse: () => inUse });
    expect(eod.busy()).toBe(true);
    await expect(eod.run('technician')).rejects.toMatchObject({ code: 'conflict' });
    inUse = false;
    expect(eod.busy()).toBe(false);
    expect((await eod.run('technician')).ok).toBe(true);
  }, 30_000);
});
