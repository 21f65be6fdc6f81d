import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../../main/bridge/dispatcher.ts';
import { silentLogger } from '../../../main/log/logger.ts';

describe('dispatcher', () => {
  it('idle() waits for every request in flight (shutdown closes the database only after them)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const finished: string[] = [];
    const handlers = {
      'receipt.print': async () => {
        await gate;
        finished.push('print');
        return { printed: true };
      },
    } as Partial<Handlers> as Handlers;
    const d = createDispatcher(handlers, silentLogger);
    const call = d.dispatch('receipt.print', { transactionId: '0b7f6f2e-3b8f-4c3b-9a55-2a3c9c1b2d4e' });
    let idle = false;
    const waiting = d.idle().then(() => (idle = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(idle).toBe(false);
    release();
    await waiting;
    expect(finished).toEqual(['print']);
    expect(await call).toEqual({ ok: true, value: { printed: true } });
  });

  it('hands each handler the connection it came from (session.start binds the visitor session to it)', async () => {
    const handlers = { 'session.start': (_p: unknown, ctx: { connection: { sessionId?: string } }) => ((ctx.connection.sessionId = 's-1'), { sessionId: 's-1' }) } as unknown as Handlers;
    const d = createDispatcher(handlers, silentLogger);
    const connection: { id: string; sessionId?: string } = { id: 'page' };
    await d.dispatch('session.start', { locale: 'ar' }, { connection });
    expect(connection.sessionId).toBe('s-1');
  });
});
