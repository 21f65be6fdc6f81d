/**
 * Shared device vocabulary (modelled on CEN/XFS 3.x and IATA CUSS 2), used by every
 * driver, the technician screens and the fleet status. See ../shared/reference.md.
 */
export type DeviceState =
  | 'online'
  | 'offline'
  | 'powerOff'
  | 'noDevice'
  | 'hwError'
  | 'userError'
  | 'busy'
  | 'fraudAttempt';
export type MediaState = 'present' | 'notPresent' | 'entering' | 'jammed' | 'retracted' | 'unknown';
export type SupplyState = 'full' | 'low' | 'out' | 'jammed' | 'unknown';

export interface DeviceStatus {
  device: DeviceState;
  media?: MediaState;
  /** Paper for printers. */
  supply?: SupplyState;
  /** Short machine-readable detail, e.g. "coverOpen", "cutterError". Never personal data. */
  detail?: string;
}
