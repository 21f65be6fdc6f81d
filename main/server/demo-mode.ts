import type { KioskConfig } from '../config.ts';

/**
 * Whether the kiosk serves the virtual devices panel: the one place that decides it. Until the
 * config has an explicit demo mode, a kiosk whose devices are all simulators is a demo kiosk.
 */
export function demoPanelEnabled(config: KioskConfig): boolean {
  return Object.values(config.devices).every((d) => d.link === 'simulator');
}
