import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { EscPosSimulator, PrinterFault } from '../../drivers/printer/index.ts';
import type { ZvtTerminalSimulator, NextPayment } from '../../drivers/payment/zvt-sim/simulator.ts';
import type { MrzReaderSimulator } from '../../drivers/idreader/index.ts';
import type { DemoProfile } from '../demo-gateway/seed.ts';
import { demoDocuments } from './demo-documents.ts';
import { PANEL_CSS, PANEL_JS, panelHtml, type PanelState } from './demo-panel-page.ts';

/** The simulators the panel drives (those of the devices configured as `simulator`). */
export interface DemoSimulators {
  printer?: EscPosSimulator;
  terminal?: ZvtTerminalSimulator;
  idReader?: MrzReaderSimulator;
}

export interface DemoPanel {
  /** Path and query of the panel page, with its key. */
  readonly path: string;
  /** Answers requests under /demo/; false for anything else. */
  handle(req: IncomingMessage, res: ServerResponse, pathname: string, query: URLSearchParams): boolean;
}

const NEXT: readonly NextPayment[] = ['approve', 'decline', 'pin', 'slow', 'linkDrop'];
const FAULTS: readonly PrinterFault[] = ['none', 'paperNearEnd', 'paperOut', 'coverOpen'];
const MAX_BODY = 2048;

/**
 * The virtual devices panel (demo mode only), like the mock-hardware page of airport kiosk
 * platforms: each receipt the simulated printer printed (PNG per job, newest first), a demo
 * civil ID or passport placed on the reader, the terminal's next payment, printer faults.
 * Its own random key in the URL keeps other pages on this machine from driving it.
 */
export function createDemoPanel(sims: DemoSimulators, profile: DemoProfile): DemoPanel {
  const key = randomBytes(16).toString('base64url');
  const docs = demoDocuments(profile);
  const path = `/demo/?k=${key}`;
  const keyOk = (q: URLSearchParams) => {
    const k = Buffer.from(q.get('k') ?? '');
    const want = Buffer.from(key);
    return k.length === want.length && timingSafeEqual(k, want);
  };
  let lastAction = '';

  const state = (): PanelState => ({
    key,
    jobs: sims.printer?.jobs.length ?? 0,
    printerFault: sims.printer?.fault,
    nextPayment: sims.terminal?.nextPayment,
    readerPresent: Boolean(sims.idReader),
    lastAction,
  });

  async function act(form: URLSearchParams): Promise<string> {
    const device = form.get('device');
    const value = form.get('value') ?? '';
    if (device === 'reader' && sims.idReader && (value === 'idCard' || value === 'passport')) {
      await sims.idReader.presentLines(docs[value]);
      return `reader:${value}`;
    }
    if (device === 'terminal' && sims.terminal && (NEXT as string[]).includes(value)) {
      sims.terminal.setNextPayment(value as NextPayment);
      return `terminal:${value}`;
    }
    if (device === 'terminal' && sims.terminal && value === 'rules') {
      sims.terminal.setNextPayment(undefined);
      sims.terminal.clearFaults();
      return 'terminal:rules';
    }
    if (device === 'printer' && sims.printer && (FAULTS as string[]).includes(value)) {
      sims.printer.setFault(value as PrinterFault);
      return `printer:${value}`;
    }
    return '';
  }

  function send(res: ServerResponse, status: number, type: string, body: string | Buffer): true {
    res.writeHead(status, {
      'content-type': type,
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'",
    });
    res.end(body);
    return true;
  }

  return {
    path,
    handle(req, res, pathname, query) {
      if (pathname !== '/demo' && !pathname.startsWith('/demo/')) return false;
      // Style and script carry no state: served without the key, so the page can load them.
      if (pathname === '/demo/panel.css') return send(res, 200, 'text/css; charset=utf-8', PANEL_CSS);
      if (pathname === '/demo/panel.js') return send(res, 200, 'text/javascript; charset=utf-8', PANEL_JS);
      if (!keyOk(query)) return send(res, 403, 'text/plain', 'forbidden: open the panel URL printed by npm start');
      if (req.method === 'POST' && pathname === '/demo/action') {
        let body = '';
        req.setEncoding('utf8');
        req.on('data', (c: string) => {
          body += c;
          if (body.length > MAX_BODY) req.destroy();
        });
        req.on('end', () => {
          void act(new URLSearchParams(body))
            .then((done) => {
              lastAction = done;
              if (!done) return void send(res, 400, 'text/plain', 'unknown device or value');
              res.writeHead(303, { location: path }).end();
            })
            .catch((err: unknown) => send(res, 500, 'text/plain', String(err)));
        });
        return true;
      }
      if (req.method !== 'GET') return send(res, 405, 'text/plain', 'method not allowed');
      if (pathname === '/demo/' || pathname === '/demo') return send(res, 200, 'text/html; charset=utf-8', panelHtml(state()));
      if (pathname === '/demo/state.json') return send(res, 200, 'application/json', JSON.stringify({ ...state(), key: undefined }));
      const m = /^\/demo\/receipt\/(\d{1,6})\.png$/.exec(pathname);
      const png = m && sims.printer?.renderJobPng(Number(m[1]));
      if (png) return send(res, 200, 'image/png', png);
      return send(res, 404, 'text/plain', 'not found');
    },
  };
}
