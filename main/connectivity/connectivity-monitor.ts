import type { Logger } from '../log/logger.ts';

/**
 * Online/offline from two signals: a periodic health probe and the outcome of every real
 * gateway request. Flips immediately on evidence, so the UI is never told stale news.
 */
export class ConnectivityMonitor {
  #online = true;
  #lastReachableAt: Date | undefined;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  readonly #listeners = new Set<(online: boolean) => void>();

  constructor(
    private readonly probe: () => Promise<void>,
    private readonly intervalMs: number,
    private readonly log: Logger,
  ) {}

  get online(): boolean {
    return this.#online;
  }

  onChange(fn: (online: boolean) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  /** When the gateway last answered (probe or real request); undefined until it first did. */
  get lastReachableAt(): Date | undefined {
    return this.#lastReachableAt;
  }

  /** Feed from request outcomes. */
  report(reachable: boolean): void {
    if (reachable) this.#lastReachableAt = new Date();
    if (reachable === this.#online) return;
    this.#online = reachable;
    this.log.info('connectivity', reachable ? 'online' : 'offline');
    for (const fn of [...this.#listeners]) fn(reachable);
  }

  start(): void {
    this.#stopped = false;
    const tick = async () => {
      try {
        await this.probe();
        if (!this.#stopped) this.report(true);
      } catch {
        if (!this.#stopped) this.report(false);
      }
      // A probe in flight when stop() ran must not re-arm the timer.
      if (!this.#stopped) this.#timer = setTimeout(tick, this.intervalMs);
    };
    void tick();
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }
}
