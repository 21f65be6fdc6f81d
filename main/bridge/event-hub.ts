import type { EventName, Events } from '../contract/api.ts';

export type AnyEventListener = <E extends EventName>(event: E, payload: Events[E]) => void;

/** Typed fan-out of core events to every connected transport. */
export class EventHub {
  readonly #listeners = new Set<AnyEventListener>();

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    for (const fn of [...this.#listeners]) fn(event, payload);
  }

  subscribe(fn: AnyEventListener): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }
}
