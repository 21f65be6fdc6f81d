import type { Logger } from '../log/logger.ts';

/**
 * Online/offline from two signals: a periodic health probe and the outcome of every real
 * gateway request. Flips immediately on evidence, so the UI is never told stale news.
 */
export class ConnectivityMonitor {
  #online = true;
  #lastReachableAt: Date | undefined;
  #timer: NodeJS.Timeout | undefined;
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
    const tick = async () => {
      try {
        await this.probe();
        this.report(true);
      } catch {
        this.report(false);
      }
      this.#timer = setTimeout(tick, this.intervalMs);
    };
    void tick();
  }

  stop(): void {
    clearTimeout(this.#timer);
  }
}
