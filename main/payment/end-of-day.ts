import type { EndOfDayResult, PaymentTerminal } from '../../drivers/payment/terminal.ts';
import type { ReceiptBlock, ReceiptDocument, ReceiptPrinter } from '../../drivers/printer/printer.ts';
import type { CurrencyCode, Locale } from '../contract/api.ts';
import { KioskError } from '../contract/result.ts';
import type { Db } from '../store/database.ts';
import { AlertsRepo } from '../store/alerts-repo.ts';
import { AuditRepo } from '../store/audit-repo.ts';
import { EndOfDayRepo, type EndOfDayRecord, type EndOfDayStartedBy } from '../store/end-of-day-repo.ts';
import type { Translate } from '../i18n/translator.ts';
import type { Logger } from '../log/logger.ts';
import { formatMoney } from '../shared/money.ts';
import { receiptStamp } from '../receipt/stamp.ts';

export interface EndOfDayDeps {
  db: Db;
  terminal: PaymentTerminal;
  printer: ReceiptPrinter;
  currency: CurrencyCode;
  log: Logger;
  now: () => Date;
  report: { t: Translate; kioskId: string; timeZone: string };
  /** Raises an alert (the fleet and technician see it); default: audit row + log error. */
  alert?: (action: string, detail: Record<string, unknown>) => void;
  /** The payment path is using the terminal (a payment, a technician's retry, a re-ask): wait. */
  terminalInUse?: () => boolean;
}

/**
 * The one place an end-of-day difference becomes an alert: a durable alert (the fleet and the
 * technician see it), an audit-log row and a log error.
 */
export function endOfDayAlert(db: Db, log: Logger, at: string): (action: string, detail: Record<string, unknown>) => void {
  const audit = new AuditRepo(db);
  const alerts = new AlertsRepo(db);
  return (action, detail) => {
    audit.append({ at, actor: 'kiosk', action, detail });
    alerts.raise({ at, kind: action.replace(/^alert\./, ''), severity: 'critical', subject: at, detail });
    log.error('endOfDay', action, detail);
  };
}

/**
 * The terminal's end of day (ZVT 06 50): closes its batch, journals its totals beside the
 * kiosk's own approved payments on that terminal since the previous end of day, and raises an
 * alert when they differ. Never runs while a payment is between start and outcome.
 */
export class EndOfDay {
  readonly repo: EndOfDayRepo;
  #running = false;

  constructor(private readonly d: EndOfDayDeps) {
    this.repo = new EndOfDayRepo(d.db);
  }

  /** Whether the terminal is in use by a payment (the scheduler waits; a technician is told). */
  busy(): boolean {
    return this.#running || this.repo.paymentInProgress() || this.d.terminalInUse?.() === true || this.d.terminal.status().device === 'busy';
  }

  async run(startedBy: EndOfDayStartedBy): Promise<EndOfDayRecord> {
    if (this.busy()) throw new KioskError('conflict', 'a payment or an end of day is in progress');
    this.#running = true;
    try {
      const prev = this.repo.lastOk();
      const fromRowid = prev?.toRowid ?? 0;
      // Read before the command: no payment can start while the terminal closes its day.
      const toRowid = this.repo.journalEnd();
      const res = await this.d.terminal.endOfDay().catch((err: unknown): EndOfDayResult => {
        this.d.log.error('endOfDay', 'terminal end of day failed', { error: String(err) });
        return { ok: false };
      });
      const terminalId = res.terminalId ?? null;
      const kiosk = this.repo.kioskTotals(fromRowid, toRowid, terminalId);
      const terminalTotal = res.ok ? (res.totalMinor ?? null) : null;
      const record: Omit<EndOfDayRecord, 'id'> = {
        at: this.d.now().toISOString(),
        startedBy,
        ok: res.ok,
        resultCode: res.resultCode ?? null,
        terminalId,
        terminalTotalMinor: terminalTotal,
        terminalCount: res.ok ? (res.count ?? null) : null,
        periodStart: prev?.at ?? null,
        fromRowid,
        toRowid,
        kioskTotalMinor: kiosk.totalMinor,
        kioskCount: kiosk.count,
        flaggedCount: kiosk.flagged,
        differenceMinor: terminalTotal === null ? null : terminalTotal - kiosk.totalMinor,
        printLines: res.printLines ?? [],
      };
      const id = this.repo.insert(record);
      const alert = this.d.alert ?? endOfDayAlert(this.d.db, this.d.log, record.at);
      const detail = { endOfDayId: id, terminalId, terminalTotalMinor: terminalTotal, kioskTotalMinor: kiosk.totalMinor, terminalCount: record.terminalCount, kioskCount: kiosk.count, flaggedCount: kiosk.flagged };
      if (!res.ok) {
        alert('alert.endOfDayFailed', { ...detail, resultCode: record.resultCode });
      } else if (endOfDayVerdict(record) === 'mismatch') {
        // Missing totals are not "no difference": someone must look.
        alert('alert.endOfDayDifference', { ...detail, differenceMinor: record.differenceMinor });
      } else {
        this.d.log.info('endOfDay', 'totals match', { endOfDayId: id, count: kiosk.count });
      }
      return { id, ...record };
    } finally {
      this.#running = false;
    }
  }

  /** The report as paper, in one language (technicians choose theirs). */
  report(e: EndOfDayRecord, locale: Locale): ReceiptDocument {
    return endOfDayReport(e, locale, { ...this.d.report, currency: this.d.currency, printedAt: this.d.now() });
  }

  async print(id: number, locale: Locale): Promise<boolean> {
    const e = this.repo.get(id);
    if (!e) throw new KioskError('notFound', 'no such end of day');
    return (await this.d.printer.print(this.report(e, locale))).ok;
  }
}

/** failed: the terminal refused; match: totals and counts agree; mismatch: anything else (a missing total too). */
export function endOfDayVerdict(e: Pick<EndOfDayRecord, 'ok' | 'differenceMinor' | 'terminalCount' | 'kioskCount'>): 'failed' | 'match' | 'mismatch' {
  if (!e.ok) return 'failed';
  return e.differenceMinor === 0 && (e.terminalCount === null || e.terminalCount === e.kioskCount) ? 'match' : 'mismatch';
}

export function endOfDayReport(
  e: EndOfDayRecord,
  l: Locale,
  ctx: { t: Translate; kioskId: string; timeZone: string; currency: CurrencyCode; printedAt: Date },
): ReceiptDocument {
  const t = (key: string) => ctx.t(l, `ledger.endOfDay.${key}`);
  const money = (m: number | null) => (m === null ? '-' : formatMoney(m, ctx.currency, 'en'));
  const count = (n: number | null) => (n === null ? '-' : String(n));
  const stamp = (iso: string | null) => (iso ? receiptStamp(new Date(iso), l, ctx.timeZone) : '-');
  const verdict = t(endOfDayVerdict(e));
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: t('title'), align: 'center', size: 'large', bold: true },
    { kind: 'rule' },
    { kind: 'pair', label: t('kiosk'), value: ctx.kioskId },
    { kind: 'pair', label: t('terminal'), value: e.terminalId ?? '-' },
    { kind: 'pair', label: t('from'), value: stamp(e.periodStart) },
    { kind: 'pair', label: t('to'), value: stamp(e.at) },
    { kind: 'pair', label: t('trigger'), value: t(e.startedBy) },
    { kind: 'rule' },
    { kind: 'pair', label: t('terminalTotal'), value: money(e.terminalTotalMinor) },
    { kind: 'pair', label: t('terminalCount'), value: count(e.terminalCount) },
    { kind: 'pair', label: t('kioskTotal'), value: money(e.kioskTotalMinor) },
    { kind: 'pair', label: t('kioskCount'), value: count(e.kioskCount) },
    { kind: 'pair', label: t('difference'), value: money(e.differenceMinor) },
    ...(e.resultCode !== null && e.resultCode !== 0 ? [{ kind: 'pair', label: t('resultCode'), value: String(e.resultCode) } satisfies ReceiptBlock] : []),
    { kind: 'rule' },
    { kind: 'text', text: verdict, align: 'center', bold: true },
    ...(e.printLines.length > 0
      ? [
          { kind: 'rule' } satisfies ReceiptBlock,
          { kind: 'text', text: t('terminalReport'), align: 'center', bold: true } satisfies ReceiptBlock,
          ...e.printLines.map((text): ReceiptBlock => ({ kind: 'text', text, align: l === 'ar' ? 'end' : 'start' })),
        ]
      : []),
    { kind: 'rule' },
    { kind: 'pair', label: t('printedAt'), value: receiptStamp(ctx.printedAt, l, ctx.timeZone) },
    { kind: 'feed', lines: 2 },
  ];
  return { direction: l === 'ar' ? 'rtl' : 'ltr', blocks, cut: true };
}
