import type { KioskInfo } from '../contract/api.ts';
import type { Logger } from '../log/logger.ts';
import { GatewayError, type GatewayClient } from './client.ts';
import type { WireKioskRegistration } from './wire.ts';

export type RegistrationState = 'unknown' | 'registered' | 'refused';

/**
 * Registers the kiosk's ID and number with the gateway at start-up. A number already held by
 * another kiosk in the centre (409) would make two kiosks print the same payment references
 * and complaint numbers, so the kiosk then refuses payments until its configuration is fixed.
 * A gateway that cannot be reached says nothing about the number: the kiosk keeps working
 * and registers when the connection returns.
 */
export class KioskRegistration {
  #state: RegistrationState = 'unknown';
  #refusal: KioskInfo['paymentsRefused'];
  #inFlight: Promise<void> | undefined;

  constructor(
    private readonly d: { gateway: Pick<GatewayClient, 'registerKiosk'>; kiosk: WireKioskRegistration; log: Logger },
  ) {}

  get state(): RegistrationState {
    return this.#state;
  }

  /** Why payments are refused, while they are. */
  get refusal(): KioskInfo['paymentsRefused'] {
    return this.#refusal;
  }

  /** Registers now, and again whenever the connection returns while the answer is unknown. */
  start(connectivity: { onChange(fn: (online: boolean) => void): unknown }): void {
    connectivity.onChange((online) => online && this.#state === 'unknown' && void this.register());
    void this.register();
  }

  register(): Promise<void> {
    this.#inFlight ??= this.#register().finally(() => (this.#inFlight = undefined));
    return this.#inFlight;
  }

  async #register(): Promise<void> {
    const { kioskId, kioskNumber } = this.d.kiosk;
    try {
      await this.d.gateway.registerKiosk(this.d.kiosk);
      this.#state = 'registered';
      this.#refusal = undefined;
      this.d.log.info('registration', 'kiosk registered with the gateway', { kioskId, kioskNumber });
    } catch (err) {
      if (err instanceof GatewayError && err.status === 409) {
        this.#state = 'refused';
        const message = `kiosk number ${kioskNumber} is already registered to another kiosk in this centre: payments are refused until kioskNumber is corrected in the configuration`;
        this.#refusal = { code: 'kioskNumberTaken', message };
        this.d.log.error('registration', message, { kioskId, kioskNumber });
        return;
      }
      this.d.log.warn('registration', 'kiosk registration not answered; will retry when the gateway is reachable', { kioskId, error: err instanceof Error ? err.message : String(err) });
    }
  }
}
