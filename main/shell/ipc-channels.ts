/** IPC channel names shared by the Electron main process and the preload. */
export const IPC_CALL = 'kiosk:call';
export const IPC_EVENT = 'kiosk:event';
