import type { Readable, Writable } from 'node:stream';

/**
 * A minimal Chrome DevTools Protocol client over --remote-debugging-pipe (fds 3 and 4 of the
 * Chromium child): only the parent process holds the pipe, unlike a debugging port any local
 * user could connect to. Messages are JSON terminated by a NUL byte.
 */
export class CdpPipe {
  #nextId = 1;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  #buffer = '';
  #closed = false;

  constructor(
    private readonly out: Writable,
    input: Readable,
  ) {
    input.on('data', (chunk: Buffer) => this.#receive(chunk.toString('utf8')));
    input.on('close', () => this.close());
    input.on('error', () => this.close());
    out.on('error', () => this.close());
  }

  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> {
    if (this.#closed) return Promise.reject(new Error('CDP pipe closed'));
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.out.write(JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) }) + '\0');
    });
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const p of this.#pending.values()) p.reject(new Error('CDP pipe closed'));
    this.#pending.clear();
  }

  #receive(text: string): void {
    this.#buffer += text;
    let end: number;
    while ((end = this.#buffer.indexOf('\0')) >= 0) {
      const raw = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + 1);
      let msg: { id?: number; result?: unknown; error?: { message?: string } };
      try {
        msg = JSON.parse(raw) as typeof msg;
      } catch {
        continue; // not ours to crash on
      }
      if (typeof msg.id !== 'number') continue; // events: not needed here
      const p = this.#pending.get(msg.id);
      this.#pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(msg.error.message ?? 'CDP error'));
      else p?.resolve(msg.result);
    }
  }
}

/** Evaluates an expression in the kiosk page, or rejects after `timeoutMs` (a hung page). */
export async function evaluateInPage(cdp: CdpPipe, expression: string, timeoutMs: number, cache: { sessionId?: string }): Promise<unknown> {
  const work = (async () => {
    if (!cache.sessionId) {
      const { targetInfos } = await cdp.send<{ targetInfos: { targetId: string; type: string }[] }>('Target.getTargets');
      const page = targetInfos.find((t) => t.type === 'page');
      if (!page) throw new Error('no page yet');
      cache.sessionId = (await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: page.targetId, flatten: true })).sessionId;
    }
    const r = await cdp.send<{ result: { value?: unknown }; exceptionDetails?: unknown }>('Runtime.evaluate', { expression, returnByValue: true }, cache.sessionId);
    if (r.exceptionDetails) throw new Error('page threw');
    return r.result.value;
  })();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('page did not answer')), timeoutMs)));
  try {
    return await Promise.race([work, timeout]);
  } catch (err) {
    cache.sessionId = undefined; // the page may have been replaced: attach afresh next time
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
