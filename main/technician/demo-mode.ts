import type { KioskConfig } from '../config.ts';
import type { TechnicianAccounts } from './accounts.ts';

/** The one place technician mode asks "is this a demo kiosk?": the config's explicit demo mode. */
export function isDemoMode(config: KioskConfig): boolean {
  return config.demo;
}

/** Published in the README: only ever valid on a demo kiosk. */
export const DEMO_TECHNICIAN = { name: 'Demo Technician', role: 'supervisor', pin: '246810' } as const;

/** A demo kiosk gets the demo technician; any other kiosk loses it (a published PIN must not open a real kiosk). */
export async function syncDemoTechnician(accounts: TechnicianAccounts, demo: boolean): Promise<void> {
  if (!demo) {
    accounts.removeDemo();
    return;
  }
  if (accounts.list().some((a) => a.demo)) return;
  await accounts.add(DEMO_TECHNICIAN.name, DEMO_TECHNICIAN.role, DEMO_TECHNICIAN.pin, { demo: true });
}
