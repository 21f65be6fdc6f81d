import type { EventName, Events } from '../contract/api.ts';

/** Who may receive an event: a scoped one goes only to the connection of that visitor session. */
export interface EventScope {
  sessionId: string;
}

export type AnyEventListener = <E extends EventName>(event: E, payload: Events[E], scope?: EventScope) => void;

/** Typed fan-out of core events to every connected transport. */
export class EventHub {
  readonly #listeners = new Set<AnyEventListener>();

  emit<E extends EventName>(event: E, payload: Events[E], scope?: EventScope): void {
    for (const fn of [...this.#listeners]) fn(event, payload, scope);
  }

  subscribe(fn: AnyEventListener): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }
}

/** The subscribing side of a hub: what a transport needs (the hub itself, or a stand-in while the core opens). */
export type EventSource = Pick<EventHub, 'subscribe'>;
