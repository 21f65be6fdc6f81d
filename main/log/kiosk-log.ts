import { join, resolve } from 'node:path';
import type { KioskConfig } from '../config.ts';
import { createLogger, type Logger } from './logger.ts';

/** The core's log file (the technician's log view reads it too). */
export const kioskLogFile = (dataDir: string): string => join(resolve(dataDir), 'logs', 'kiosk.log');

/** The core's logger as the config asks; the launcher makes it before the core opens, so both write one log. */
export function createKioskLogger(config: KioskConfig): Logger {
  return createLogger({ file: kioskLogFile(config.dataDir), level: config.log.level, console: config.log.console });
}
