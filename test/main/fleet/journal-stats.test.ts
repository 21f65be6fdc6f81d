import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/store/database.ts';
import { TransactionsRepo, type TransactionItem } from '../../../main/store/transactions-repo.ts';
import { JournalStats, localDay } from '../../../main/fleet/journal-stats.ts';

const EW = { ar: 'وزارة الكهرباء والماء', en: 'Ministry of Electricity and Water' };
const bill = (amountMinor: number, reference: string): TransactionItem => ({ kind: 'bill', reference, entity: EW, label: { ar: 'فاتورة الكهرباء والماء', en: 'Electricity & water bill' }, amountMinor });
const fine = (amountMinor: number): TransactionItem => ({ kind: 'fine', reference: 'TF-400009-1', detail: 'TF-400009-1', entity: { ar: 'وزارة الداخلية - المرور', en: 'Ministry of Interior - Traffic' }, label: { ar: 'تجاوز السرعة', en: 'Speeding' }, amountMinor });

describe('daily statistics from the payment journal', () => {
  const db = openDatabase(':memory:');
  const tx = new TransactionsRepo(db);
  const pay = (id: string, at: string, items: TransactionItem[], state: 'approved' | 'declined' = 'approved') => {
    tx.insert({ id, kind: 'billPayment', amountMinor: items.reduce((s, i) => s + i.amountMinor, 0), currency: 'KWD', items, locale: 'ar', now: at });
    tx.transition(id, 'created', 'authorizing', at);
    tx.transition(id, 'authorizing', state, at);
  };
  // 22:30 UTC on 1 December is 01:30 on 2 December in Kuwait (UTC+3).
  pay('a', '2026-12-01T20:59:00.000Z', [bill(12_750, '100200300')]);
  pay('b', '2026-12-01T22:30:00.000Z', [bill(18_250, '100200301'), fine(20_000)]);
  pay('c', '2026-12-02T10:00:00.000Z', [fine(5_000)]);
  pay('d', '2026-12-02T11:00:00.000Z', [bill(99_000, '100200302')], 'declined');
  const stats = new JournalStats(db, 'Asia/Kuwait');

  it('counts approved items per local day, service and entity; declines do not count', () => {
    expect(localDay('2026-12-01T22:30:00.000Z', 'Asia/Kuwait')).toBe('2026-12-02');
    expect(stats.dayStats('2026-12-01')).toEqual([{ service: { ar: 'فاتورة الكهرباء والماء', en: 'Electricity & water bill' }, entity: EW, currency: 'KWD', count: 1, amountMinor: 12_750 }]);
    expect(stats.dayStats('2026-12-02').map((r) => [r.service.en, r.entity.en, r.count, r.amountMinor])).toEqual([
      ['Electricity & water bill', 'Ministry of Electricity and Water', 1, 18_250],
      ['Traffic fines', 'Ministry of Interior - Traffic', 2, 25_000],
    ]);
    expect(stats.paidDays('2026-11-30')).toEqual(['2026-12-01', '2026-12-02']);
  });

  it('never reads out a reference, a fine id or an account', () => {
    const text = JSON.stringify([stats.dayStats('2026-12-01'), stats.dayStats('2026-12-02')]);
    expect(text).not.toMatch(/100200|TF-|Speeding/);
  });
});
