import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useState } from 'preact/hooks';
import type { i18n } from 'i18next';
import type { KioskBridge, KioskInfo } from '../../main/contract/api.ts';
import type { Catalogue } from '../../main/shared/catalogue/schema.ts';
import { AppContext, errorKey, type Ctx } from './context.ts';
import { CatalogueContext } from './catalogue-context.ts';
import { current, initialState, reducer } from './state.ts';
import { applyDocumentLocale, type Locale } from './i18n.ts';
import { Router } from './router.tsx';
import { IdleGuard } from './components/idle-guard.tsx';
import { createFormatters } from './format.ts';
import { HelpOverlay } from './components/help-overlay.tsx';
import { A11yMenu } from './components/a11y-menu.tsx';
import { anyModeOn, idleTiming, modeClasses } from './a11y/modes.ts';
import { useSpeech } from './a11y/use-speech.ts';
import { useTechnicianMode } from './screens/tech/use-technician-mode.tsx';
import { OutOfService } from './screens/tech/out-of-service.tsx';
import { AvailabilityContext } from './screens/tech/availability-context.ts';


export function App(props: { bridge: KioskBridge; i18n: i18n; debug?: boolean }) {
  const { bridge, i18n } = props;
  const [state, dispatch] = useReducer(reducer, initialState);
  const [info, setInfo] = useState<KioskInfo | undefined>();
  const [catalogue, setCatalogue] = useState<Catalogue | undefined>();

  useEffect(() => {
    const offs = [
      bridge.on('payment.progress', (p) => dispatch({ type: 'progress', transactionId: p.transactionId, progress: p.code })),
      bridge.on('payment.updated', (p) => dispatch({ type: 'payment', payment: p })),
      bridge.on('connectivity', (c) => dispatch({ type: 'online', online: c.online })),
      bridge.on('devices.changed', (d) => dispatch({ type: 'devices', devices: d.devices })),
      bridge.on('identity.changed', (v) => dispatch({ type: 'identity', identity: v })),
      bridge.on('identity.error', (e) => dispatch({ type: 'error', error: `identity.${e.code}` })),
    ];
    void bridge.call('kiosk.info', {}).then((r) => {
      if (!r.ok) return;
      setInfo(r.value);
      dispatch({ type: 'online', online: r.value.online });
      dispatch({ type: 'devices', devices: r.value.devices });
    });
    // A technician may have changed the idle timings.
    offs.push(bridge.on('tech.ended', () => void bridge.call('kiosk.info', {}).then((r) => r.ok && setInfo(r.value))));
    const loadCatalogue = () => void bridge.call('catalogue.get', {}).then((r) => r.ok && setCatalogue(r.value.catalogue as Catalogue));
    loadCatalogue();
    offs.push(bridge.on('catalogue.changed', loadCatalogue));
    return () => offs.forEach((off) => off());
  }, [bridge]);

  useEffect(() => {
    void i18n.changeLanguage(state.locale);
    applyDocumentLocale(state.locale);
  }, [state.locale, i18n]);

  const startOver = useCallback(() => {
    void bridge.call('session.end', {});
    dispatch({ type: 'reset' });
  }, [bridge]);

  const screenName = current(state).name;
  const leaveTechnician = useCallback(() => dispatch({ type: 'reset' }), []);
  const tech = useTechnicianMode(bridge, screenName === 'attract', leaveTechnician, i18n);

  useEffect(() => {
    // Tests read the state and set modes or language directly, without a dozen taps each.
    if (props.debug) (window as unknown as { __khidma: unknown }).__khidma = { state, dispatch };
  }, [props.debug, state]);

  // Modes are classes on <html> so overlays and the keyboard follow them too.
  const classes = modeClasses(state.a11y).join(' ');
  // Before paint, so a mode never shows one frame late.
  useLayoutEffect(() => {
    document.documentElement.className = classes;
  }, [classes]);

  useSpeech(state.a11y.speech, state.locale, `${screenName}:${state.overlay ?? ''}`);

  // Modes chosen on the attract screen by someone who then walks away must not greet the next visitor.
  const attractIdle = screenName === 'attract' && (anyModeOn(state.a11y) || state.overlay !== undefined);
  const idleSeconds = info?.idle.seconds ?? 60;
  useEffect(() => {
    if (!attractIdle) return;
    let timer = setTimeout(() => dispatch({ type: 'reset' }), idleSeconds * 1000);
    const again = () => {
      clearTimeout(timer);
      timer = setTimeout(() => dispatch({ type: 'reset' }), idleSeconds * 1000);
    };
    window.addEventListener('pointerdown', again, true);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', again, true);
    };
  }, [attractIdle, idleSeconds]);

  const start = useCallback(
    async (locale: Locale) => {
      dispatch({ type: 'locale', locale });
      const r = await bridge.call('session.start', { locale });
      if (r.ok) dispatch({ type: 'home' });
    },
    [bridge],
  );

  const fmt = useMemo(() => {
    const f = createFormatters(state.locale, { numerals: info?.numerals ?? 'arab', hijri: info?.hijri ?? false, region: info?.profile ?? 'KW' });
    // Counts in the locale files ("{{count, number}}") come out in the profile's digits, before this render uses them.
    i18n.services.formatter?.add('number', (v: unknown) => (typeof v === 'number' ? f.number(v) : String(v)));
    return f;
  }, [state.locale, info, i18n]);

  // Country branding from the profile: colours as CSS variables, no code change per country.
  // High contrast replaces the brand colours with its own black and white.
  useEffect(() => {
    const root = document.documentElement.style;
    if (!info || state.a11y.highContrast) {
      for (const v of ['--brand', '--brand-ink', '--accent']) root.removeProperty(v);
      return;
    }
    root.setProperty('--brand', info.branding.primary);
    root.setProperty('--brand-ink', info.branding.primaryInk);
    root.setProperty('--accent', info.branding.accent);
  }, [info, state.a11y.highContrast]);

  const idle = idleTiming({ seconds: idleSeconds, warningSeconds: info?.idle.warningSeconds ?? 20 }, state.a11y);

  const ctx: Ctx = useMemo(
    () => ({
      bridge,
      fmt,
      // Fixed to the visitor's language: the render that follows a switch already speaks it
      // (i18n.changeLanguage runs in an effect, after that render).
      t: i18n.getFixedT(state.locale),
      state,
      dispatch,
      startOver,
      go: (screen) => dispatch({ type: 'go', screen }),
      run: async (method, params) => {
        dispatch({ type: 'busy', busy: true });
        const r = await bridge.call(method, params);
        if (r.ok) {
          dispatch({ type: 'busy', busy: false });
          return r.value;
        }
        dispatch({ type: 'error', error: errorKey(r.error.code, r.error.message) });
        return undefined;
      },
    }),
    [bridge, i18n, state, startOver, fmt],
  );

  return (
    <AppContext.Provider value={ctx}>
      <CatalogueContext.Provider value={catalogue}>
        <AvailabilityContext.Provider value={tech.services}>
        {tech.view}
        {!tech.view && <IdleGuard seconds={idle.seconds} warningSeconds={idle.warningSeconds} active={screenName !== 'attract' && screenName !== 'paying'} />}
        {!tech.view && (tech.outOfService && screenName === 'attract' ? <OutOfService /> : <Router
          screen={current(state)}
          onStart={start}
          currency={info?.currency ?? 'KWD'}
          minorDigits={info?.minorDigits ?? 3}
          nationalIdDigits={info?.nationalIdDigits ?? 12}
          logoText={info?.branding.logoText}
          donations={info?.donations}
        />)}
        {!tech.view && state.overlay === 'help' && <HelpOverlay />}
        {!tech.view && state.overlay === 'a11y' && <A11yMenu />}
        {tech.pinPad}
        </AvailabilityContext.Provider>
      </CatalogueContext.Provider>
    </AppContext.Provider>
  );
}
