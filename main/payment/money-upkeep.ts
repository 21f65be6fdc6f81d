import type { PaymentTerminal } from '../../drivers/payment/terminal.ts';
import type { ReceiptPrinter } from '../../drivers/printer/printer.ts';
import type { KioskConfig } from '../config.ts';
import type { Db } from '../store/database.ts';
import type { Translate } from '../i18n/translator.ts';
import type { Logger } from '../log/logger.ts';
import type { CountryProfile } from '../profiles/profiles.ts';
import { Retention } from '../store/retention.ts';
import { EndOfDay } from './end-of-day.ts';
import { EndOfDayScheduler } from './end-of-day-scheduler.ts';
import { GuessLimiter } from './guess-limiter.ts';

export interface MoneyUpkeepDeps {
  db: Db;
  config: Pick<KioskConfig, 'kioskId' | 'paymentTerminal' | 'retention'>;
  profile: CountryProfile;
  terminal: PaymentTerminal;
  printer: ReceiptPrinter;
  t: Translate;
  log: Logger;
  now: () => Date;
  /** The payment path is using the terminal: end of day waits (it is built before the payment path). */
  terminalInUse?: () => boolean;
}

/** The money path's housekeeping, built once in compose.ts: guess limit, end of day, retention. */
export interface MoneyUpkeep {
  /** Kiosk-wide limit on reprint and complaint-status guesses (payment service and service handlers). */
  guesses: GuessLimiter;
  /** On demand for technicians: `endOfDay.run('technician')`, `endOfDay.print(id, locale)`. */
  endOfDay: EndOfDay;
  retention: Retention;
  start(): void;
  stop(): void;
}

export function createMoneyUpkeep(d: MoneyUpkeepDeps): MoneyUpkeep {
  const guesses = new GuessLimiter({
    now: () => d.now().getTime(),
    onSlowDown: (info) => d.log.warn('guesses', 'wrong reprint/status look-ups: slowing down', info),
  });
  const endOfDay = new EndOfDay({
    db: d.db,
    terminal: d.terminal,
    printer: d.printer,
    currency: d.profile.currency,
    log: d.log,
    now: d.now,
    report: { t: d.t, kioskId: d.config.kioskId, timeZone: d.profile.timeZone },
    ...(d.terminalInUse && { terminalInUse: d.terminalInUse }),
  });
  const at = d.config.paymentTerminal.endOfDayAt;
  const scheduler =
    at === 'off'
      ? undefined
      : new EndOfDayScheduler({
          at,
          timeZone: d.profile.timeZone,
          now: d.now,
          lastOkAt: () => endOfDay.repo.lastOk()?.at,
          busy: () => endOfDay.busy(),
          run: () => endOfDay.run('scheduled'),
          log: d.log,
        });
  const retention = new Retention({ db: d.db, config: d.config.retention, now: d.now, log: d.log, busy: () => endOfDay.busy() });
  return {
    guesses,
    endOfDay,
    retention,
    start() {
      scheduler?.start();
      retention.start();
    },
    stop() {
      scheduler?.stop();
      retention.stop();
    },
  };
}
