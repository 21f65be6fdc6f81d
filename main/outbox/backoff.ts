/**
 * Exponential backoff with full jitter and a cap: spreads retries from a fleet of kiosks
 * that all lost the network at the same moment.
 */
export function backoffDelay(attempt: number, opts: { baseMs: number; capMs: number }, random: () => number = Math.random): number {
  const exp = Math.min(opts.capMs, opts.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(exp / 2 + random() * (exp / 2));
}
