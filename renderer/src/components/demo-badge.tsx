import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../context.ts';

/** Kept here, not in styles.css: a self-contained mark, placed with one line. Logical properties only. */
const STYLE = {
  display: 'inline-block',
  paddingBlock: '0.2rem',
  paddingInline: '0.6rem',
  borderRadius: '0.4rem',
  border: '2px solid #b45309',
  background: '#fff7ed',
  color: '#7c2d12',
  fontSize: '0.8rem',
  fontWeight: 700,
  letterSpacing: '0.04em',
  whiteSpace: 'nowrap',
} as const;

/**
 * The "DEMO" mark: shown while the kiosk runs in demo mode (the embedded demo gateway), so
 * nobody takes a demo kiosk for a production one. Asks the core once; renders nothing otherwise.
 */
export function DemoBadge() {
  const { t, bridge } = useApp();
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    let live = true;
    void bridge.call('kiosk.info', {}).then((r) => live && r.ok && setDemo(r.value.demo));
    return () => void (live = false);
  }, [bridge]);
  if (!demo) return null;
  return (
    <span style={STYLE} role="note" aria-label={t('demo.explain')} data-testid="demo-badge">
      {t('demo.mark')}
    </span>
  );
}
