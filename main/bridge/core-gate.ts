import { fail } from '../contract/result.ts';
import type { Dispatcher } from './dispatcher.ts';
import type { AnyEventListener, EventSource } from './event-hub.ts';

/** What the bridge needs of the core: calls in, events out. */
export interface BridgeCore {
  readonly dispatcher: Dispatcher;
  readonly events: EventSource;
}

/**
 * The bridge's stand-in for a core that is still opening (database, devices, gateway), so the
 * UI server and the browser can start at the same time as the core instead of after it. Calls
 * wait until the core is open and are then dispatched in the order they came; subscriptions
 * are made on the core's hub once it is there. If the core never opens, waiting calls are
 * answered with an error result (never an exception, never a hang).
 */
export interface CoreGate extends BridgeCore {
  open(core: BridgeCore): void;
  fail(): void;
  readonly state: 'opening' | 'open' | 'failed';
  /** Calls waiting for the core to open. */
  readonly waiting: number;
}

export function createCoreGate(): CoreGate {
  let core: BridgeCore | undefined;
  let state: CoreGate['state'] = 'opening';
  let waiting = 0;
  let settle: () => void = () => undefined;
  const settled = new Promise<void>((r) => (settle = r));
  // Listeners that subscribed before the core opened: each gets its real unsubscribe on open.
  const early = new Map<AnyEventListener, (() => void) | undefined>();

  const dispatcher: Dispatcher = {
    async dispatch(method, params, ctx) {
      if (state === 'opening') {
        waiting++;
        await settled;
        waiting--;
      }
      if (!core) return fail('internal', 'the kiosk core did not start');
      return core.dispatcher.dispatch(method, params, ctx);
    },
    async idle() {
      await core?.dispatcher.idle();
    },
    release(conn) {
      // After the calls that connection left waiting (they were queued on `settled` first).
      if (state === 'opening') void settled.then(() => core?.dispatcher.release?.(conn));
      else core?.dispatcher.release?.(conn);
    },
  };

  const events: EventSource = {
    subscribe(fn) {
      if (core) return core.events.subscribe(fn);
      early.set(fn, undefined);
      return () => {
        early.get(fn)?.();
        early.delete(fn);
      };
    },
  };

  return {
    dispatcher,
    events,
    get state() {
      return state;
    },
    get waiting() {
      return waiting;
    },
    open(opened) {
      if (state !== 'opening') throw new Error(`core gate already ${state}`);
      core = opened;
      state = 'open';
      for (const fn of early.keys()) early.set(fn, opened.events.subscribe(fn));
      settle();
    },
    fail() {
      if (state !== 'opening') return;
      state = 'failed';
      early.clear();
      settle();
    },
  };
}
