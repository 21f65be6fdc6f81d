import { createLogger, type Logger } from '../../main/log/logger.ts';

/**
 * The real file logger, except that a write into a folder the test already removed is dropped:
 * the core's start-up catalogue refresh is not awaited by close() and may log after teardown.
 */
export function tolerantFileLogger(file: string): Logger {
  const real = createLogger({ file });
  const guard =
    (fn: Logger['info']): Logger['info'] =>
    (scope, msg, data) => {
      try {
        fn(scope, msg, data);
      } catch {
        // the folder is gone: the test is over
      }
    };
  return { debug: guard(real.debug), info: guard(real.info), warn: guard(real.warn), error: guard(real.error) };
}
