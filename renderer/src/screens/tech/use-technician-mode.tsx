import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { i18n } from 'i18next';
import type { KioskBridge, KioskStateView, TechIdentity } from '../../../../main/contract/api.ts';
import { lazyScreen } from '../../components/lazy.tsx';
import { useCornerGesture } from './corner-gesture.ts';
import { PinPad } from './pin-pad.tsx';


/**
 * Technician mode for the App: the corner gesture (only where no visitor is in a journey),
 * the PIN pad, the technician screens, and the kiosk state that decides the out-of-service
 * screen. Leaving, for whatever reason, resets the app to the attract screen.
 */
export function useTechnicianMode(bridge: KioskBridge, canEnter: boolean, onLeave: () => void, strings: i18n) {
  // Technician screens and their strings load only when a technician signs in.
  const TechRoot = useMemo(
    () => lazyScreen(() => Promise.all([import('./tech-root.tsx'), import('./tech-strings.ts')]).then(([screens, s]) => (s.addTechnicianStrings(strings), screens.TechRoot))),
    [strings],
  );
  const [who, setWho] = useState<TechIdentity | undefined>();
  const [pinOpen, setPinOpen] = useState(false);
  const [kiosk, setKiosk] = useState<KioskStateView | undefined>();
  const openPin = useCallback(() => setPinOpen(true), []);
  useCornerGesture(canEnter && !who && !pinOpen, openPin);

  useEffect(() => {
    void bridge.call('kiosk.state', {}).then((r) => r.ok && setKiosk(r.value));
    const offs = [
      bridge.on('kiosk.state', setKiosk),
      bridge.on('tech.ended', () => {
        setWho(undefined);
        setPinOpen(false);
        onLeave();
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [bridge, onLeave]);

  const exit = useCallback(() => {
    setWho(undefined);
    onLeave();
    void bridge.call('tech.logout', {});
  }, [bridge, onLeave]);

  return {
    services: kiosk?.services,
    outOfService: kiosk?.state === 'unavailable',
    pinPad: pinOpen ? (
      <PinPad
        onSignedIn={(w) => {
          setPinOpen(false);
          setWho(w);
        }}
        onClose={() => setPinOpen(false)}
      />
    ) : null,
    view: who ? <TechRoot who={who} onExit={exit} /> : null,
  };
}
