import type { KioskBridge } from '../../../main/contract/api.ts';
import { createWsBridge } from './ws-client.ts';

declare global {
  interface Window {
    kiosk?: KioskBridge;
  }
}

/**
 * Electron's preload exposes `window.kiosk`; in the browser shell the launcher passes a
 * per-launch token in the URL fragment, which we take and then wipe from the address bar.
 */
export function getBridge(): KioskBridge {
  if (window.kiosk) return window.kiosk;
  // Kept for this tab only, so a crash-reload of the kiosk page reconnects.
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? sessionStorage.getItem('khidma.token');
  if (!token) throw new Error('no bridge token: open the URL the kiosk printed');
  sessionStorage.setItem('khidma.token', token);
  history.replaceState(null, '', location.pathname);
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/bridge?token=${encodeURIComponent(token)}`;
  return createWsBridge(wsUrl);
}
