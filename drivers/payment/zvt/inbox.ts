/** A one-reader queue with a timed wait: the protocol state machine pulls messages from it. */
export class Inbox<T> {
  #items: T[] = [];
  #waiter: ((item: T) => void) | undefined;

  push(item: T): void {
    if (this.#waiter) {
      const w = this.#waiter;
      this.#waiter = undefined;
      w(item);
    } else this.#items.push(item);
  }

  clear(): void {
    this.#items = [];
  }

  /** The next item, or 'timeout' after `ms`. Only one pending reader at a time. */
  next(ms: number): Promise<T | 'timeout'> {
    const first = this.#items.shift();
    if (first !== undefined) return Promise.resolve(first);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiter = undefined;
        resolve('timeout');
      }, ms);
      this.#waiter = (item) => {
        clearTimeout(timer);
        resolve(item);
      };
    });
  }
}
