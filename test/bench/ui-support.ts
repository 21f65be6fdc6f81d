import type { CDPSession, Page } from 'playwright-core';
import { startKioskRig, type KioskRig } from '../support/kiosk-rig.ts';

/** One rig for a UI benchmark: long idle so no warning interrupts the scripted visitor. */
export function startUiRig(): Promise<KioskRig> {
  return startKioskRig({ ui: { idleSeconds: 3600, idleWarningSeconds: 120 } }, { delayScale: 0 });
}

export async function cdp(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

/** JS heap after a full GC, in bytes. */
export async function heapAfterGc(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.collectGarbage');
  const h = await session.send('Runtime.getHeapUsage');
  return h.usedSize;
}
