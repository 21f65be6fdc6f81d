import type { KioskConfig } from '../config.ts';

/**
 * Whether the kiosk serves the virtual devices panel: the one place that decides it. Only in
 * demo mode, and only while every device is a simulator (it drives them).
 */
export function demoPanelEnabled(config: KioskConfig): boolean {
  return config.demo && Object.values(config.devices).every((d) => d.link === 'simulator');
}
