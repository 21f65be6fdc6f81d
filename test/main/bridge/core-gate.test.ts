import { describe, expect, it } from 'vitest';
import { createCoreGate } from '../../../main/bridge/core-gate.ts';
import { createDispatcher, type Handlers } from '../../../main/bridge/dispatcher.ts';
import { EventHub } from '../../../main/bridge/event-hub.ts';
import { silentLogger } from '../../../main/log/logger.ts';

const conn = (id: string) => ({ connection: { id } });

/** A real dispatcher over two handlers, recording what reached the core and what it released. */
function core() {
  const reached: string[] = [];
  const released: string[] = [];
  const handlers = {
    'catalogue.get': () => (reached.push('catalogue.get'), { version: 7, catalogue: {} }),
    'session.start': ({ locale }) => (reached.push(`session.start:${locale}`), { sessionId: `s-${locale}` }),
  } as Partial<Handlers> as Handlers;
  const inner = createDispatcher(handlers, silentLogger);
  const dispatcher = { ...inner, release: (c: string) => void released.push(c) };
  return { dispatcher, events: new EventHub(), reached, released };
}

describe('core gate (the bridge while the core opens)', () => {
  it('calls made before the core opens wait, then reach it in the order they came', async () => {
    const gate = createCoreGate();
    const c = core();
    const first = gate.dispatcher.dispatch('catalogue.get', {}, conn('page'));
    const second = gate.dispatcher.dispatch('session.start', { locale: 'en' }, conn('page'));
    await Promise.resolve();
    expect(gate.waiting).toBe(2);
    expect(c.reached).toEqual([]);
    gate.open(c);
    expect(await first).toEqual({ ok: true, value: { version: 7, catalogue: {} } });
    expect(await second).toEqual({ ok: true, value: { sessionId: 's-en' } });
    expect(c.reached).toEqual(['catalogue.get', 'session.start:en']);
    expect(gate.waiting).toBe(0);
    expect(gate.state).toBe('open');
    // Once open, calls go straight through, still validated by the core's dispatcher.
    expect(await gate.dispatcher.dispatch('session.start', { locale: 'xx' }, conn('page'))).toMatchObject({ ok: false, error: { code: 'invalidRequest' } });
  });

  it('a listener that subscribed before the core opened receives the core events after; unsubscribing works either side of opening', async () => {
    const gate = createCoreGate();
    const c = core();
    const got: string[] = [];
    const gone: string[] = [];
    gate.events.subscribe((event) => void got.push(event));
    const offEarly = gate.events.subscribe((event) => void gone.push(event));
    const offBeforeOpen = gate.events.subscribe((event) => void gone.push(`never:${event}`));
    offBeforeOpen();
    gate.open(c);
    c.events.emit('connectivity', { online: true });
    offEarly();
    c.events.emit('connectivity', { online: false });
    const late: string[] = [];
    const offLate = gate.events.subscribe((event) => void late.push(event));
    c.events.emit('catalogue.changed', { version: 2 });
    offLate();
    c.events.emit('catalogue.changed', { version: 3 });
    expect(got).toEqual(['connectivity', 'connectivity', 'catalogue.changed', 'catalogue.changed']);
    expect(gone).toEqual(['connectivity']);
    expect(late).toEqual(['catalogue.changed']);
  });

  it('a connection that closes while its calls wait is released only after they reached the core', async () => {
    const gate = createCoreGate();
    const c = core();
    const call = gate.dispatcher.dispatch('session.start', { locale: 'ar' }, conn('page-1'));
    gate.dispatcher.release?.('page-1');
    expect(c.released).toEqual([]);
    gate.open(c);
    await call;
    await Promise.resolve();
    expect(c.reached).toEqual(['session.start:ar']);
    expect(c.released).toEqual(['page-1']);
    gate.dispatcher.release?.('page-2');
    expect(c.released).toEqual(['page-1', 'page-2']);
  });

  it('a core that never opens: waiting and later calls get an error result, not a hang or an exception', async () => {
    const gate = createCoreGate();
    const waiting = gate.dispatcher.dispatch('kiosk.info', {}, conn('page'));
    gate.fail();
    expect(gate.state).toBe('failed');
    const failed = { ok: false, error: { code: 'internal', message: 'the kiosk core did not start' } };
    expect(await waiting).toEqual(failed);
    expect(await gate.dispatcher.dispatch('kiosk.info', {}, conn('page'))).toEqual(failed);
    await gate.dispatcher.idle();
    expect(() => gate.open(core())).toThrow(/already failed/);
  });
});
