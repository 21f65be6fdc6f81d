import { useLayoutEffect } from 'preact/hooks';

export interface CornerGestureOptions {
  /** Side of the square in the physical top-left corner, in CSS px. */
  size: number;
  taps: number;
  withinMs: number;
}

export const CORNER_GESTURE: CornerGestureOptions = { size: 96, taps: 5, withinMs: 3000 };

/**
 * The hidden way into technician mode: `taps` touches in a row inside the top-left corner,
 * all within `withinMs`. Any touch elsewhere starts the count again, so a visitor using the
 * screen never gets there by chance.
 */
export function cornerTapDetector(o: CornerGestureOptions = CORNER_GESTURE) {
  let times: number[] = [];
  return {
    tap(x: number, y: number, t: number): boolean {
      if (x > o.size || y > o.size) {
        times = [];
        return false;
      }
      times = [...times.filter((s) => t - s <= o.withinMs), t];
      if (times.length < o.taps) return false;
      times = [];
      return true;
    },
  };
}

/** Listens for the corner gesture while `enabled` (the attract and out-of-service screens). */
export function useCornerGesture(enabled: boolean, onGesture: () => void): void {
  // Layout effect: listening from the moment the screen is shown, not a frame (or, on a busy
  // kiosk, many frames) later, so the first taps of the gesture are never lost.
  useLayoutEffect(() => {
    if (!enabled) return;
    const detector = cornerTapDetector();
    const down = (e: PointerEvent) => detector.tap(e.clientX, e.clientY, e.timeStamp) && onGesture();
    window.addEventListener('pointerdown', down, true);
    return () => window.removeEventListener('pointerdown', down, true);
  }, [enabled, onGesture]);
}
