import type { GatewayClient } from '../gateway/client.ts';
import type { Logger } from '../log/logger.ts';
import type { CatalogueStore } from './catalogue-store.ts';

/**
 * Asks the gateway for a catalogue newer than ours and offers it to the store, which keeps
 * the current one unless the new one is valid. Called at start-up and on every reconnect.
 */
export class CatalogueUpdater {
  #running: Promise<void> | undefined;

  constructor(
    private readonly d: { store: CatalogueStore; gateway: Pick<GatewayClient, 'fetchCatalogue'>; profile: 'KW' | 'BH' | 'QA'; log: Logger },
  ) {}

  /** One refresh at a time; concurrent calls share it. */
  refresh(): Promise<void> {
    this.#running ??= this.#refresh().finally(() => (this.#running = undefined));
    return this.#running;
  }

  async #refresh(): Promise<void> {
    try {
      const offered = await this.d.gateway.fetchCatalogue(this.d.profile, this.d.store.version);
      if (!offered) return;
      const r = this.d.store.offerUpdate(offered.catalogue);
      if (r.accepted) this.d.log.info('catalogue', 'updated from the gateway', { version: this.d.store.version });
      else this.d.log.warn('catalogue', 'gateway catalogue refused', { reason: r.reason ?? 'unknown' });
    } catch (err) {
      this.d.log.info('catalogue', 'no catalogue update now', { error: String(err) });
    }
  }
}
