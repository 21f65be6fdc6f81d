import { RestartBackoff } from '../launcher/restart-backoff.ts';
import { ConfigError } from '../config.ts';
import type { Dispatcher } from '../bridge/dispatcher.ts';
import type { EventHub } from '../bridge/event-hub.ts';

/** What the shell needs of the core. */
export interface ShellCore {
  readonly dispatcher: Dispatcher;
  readonly events: EventHub;
  /** Appends to the kiosk's audit log (technician screen): page crashes, core restarts. */
  audit(action: string, detail: Record<string, unknown>): void;
  close(): Promise<void>;
}

export interface SupervisorDeps {
  create: () => Promise<ShellCore>;
  backoff?: RestartBackoff;
  sleep?: (ms: number) => Promise<void>;
  onError?: (msg: string, err: unknown) => void;
  /** A new core is up (the page reloads onto it). */
  onStarted?: (core: ShellCore) => void;
}

/**
 * Keeps one core running: a failed start is retried with backoff (a locked database or a
 * busy port can clear), a failure at run time closes the core and starts a fresh one, and a
 * configuration error is never retried — it goes up to the shell's error screen.
 */
export class CoreSupervisor {
  #core: ShellCore | undefined;
  #starting: Promise<ShellCore> | undefined;
  #closed = false;
  readonly #backoff: RestartBackoff;
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(private readonly d: SupervisorDeps) {
    this.#backoff = d.backoff ?? new RestartBackoff({ baseMs: 1000, capMs: 30_000, stableMs: 120_000 });
    this.#sleep = d.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  get current(): ShellCore | undefined {
    return this.#core;
  }

  start(): Promise<ShellCore> {
    this.#starting ??= this.#start().finally(() => (this.#starting = undefined));
    return this.#starting;
  }

  async #start(): Promise<ShellCore> {
    for (;;) {
      if (this.#closed) throw new Error('the shell is shutting down');
      try {
        const core = await this.d.create();
        if (this.#closed) {
          await core.close();
          throw new Error('the shell is shutting down');
        }
        this.#core = core;
        this.d.onStarted?.(core);
        return core;
      } catch (err) {
        if (err instanceof ConfigError || this.#closed) throw err;
        this.d.onError?.('the kiosk core did not start; retrying', err);
        await this.#sleep(this.#backoff.next());
      }
    }
  }

  /** The core failed at run time: close what is left of it and start a fresh one. */
  async restart(reason: string): Promise<void> {
    if (this.#closed || this.#starting) return;
    const old = this.#core;
    this.#core = undefined;
    try {
      old?.audit('core.restart', { reason });
      await old?.close();
    } catch (err) {
      this.d.onError?.('closing the failed core', err);
    }
    await this.#sleep(this.#backoff.next());
    await this.start();
  }

  /** Closes the core once; later calls wait for the same close. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#starting?.catch(() => undefined);
    const core = this.#core;
    this.#core = undefined;
    await core?.close();
  }
}
