/**
 * Line icons as inline SVG (bundled, no emoji font needed on the kiosk). Paths are simple
 * 24×24 strokes; icons that imply a direction are marked and mirrored in RTL by CSS.
 */
const PATHS: Record<string, string> = {
  book: 'M4 5a2 2 0 0 1 2-2h12v16H6a2 2 0 0 0-2 2zM4 21V5M8 7h6',
  search: 'M11 4a7 7 0 1 0 0 14a7 7 0 0 0 0-14zM16 16l5 5',
  card: 'M3 6h18v12H3zM3 10h18M7 15h4',
  mail: 'M3 6h18v12H3zM3 6l9 7l9-7',
  ticket: 'M4 7h16v3a2 2 0 0 0 0 4v3H4v-3a2 2 0 0 0 0-4zM14 7v10',
  bulb: 'M9 18h6M10 21h4M12 3a6 6 0 0 0-4 10.5V16h8v-2.5A6 6 0 0 0 12 3z',
  traffic: 'M8 2h8v20H8zM12 6v.01M12 12v.01M12 18v.01',
  bolt: 'M13 2L4 14h7l-1 8l9-12h-7z',
  phone: 'M5 3h4l2 5l-3 2a12 12 0 0 0 6 6l2-3l5 2v4a2 2 0 0 1-2 2A17 17 0 0 1 3 5a2 2 0 0 1 2-2z',
  id: 'M3 5h18v14H3zM7 9h4v5H7zM14 10h4M14 14h4',
  scale: 'M12 3v18M5 21h14M4 8h16M4 8l-2 6h6zM20 8l-2 6h6z',
  heart: 'M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.5A4 4 0 0 1 19 10c0 5.5-7 10-7 10z',
  home: 'M3 11l9-8l9 8M5 10v10h14V10',
  passport: 'M6 3h12v18H6zM12 8a3 3 0 1 0 0 6a3 3 0 0 0 0-6zM9 17h6',
  shield: 'M12 3l8 3v6c0 5-3.5 8-8 9c-4.5-1-8-4-8-9V6z',
  lock: 'M6 11h12v10H6zM8 11V7a4 4 0 0 1 8 0v4',
  receipt: 'M6 3h12v18l-3-2l-3 2l-3-2l-3 2zM9 8h6M9 12h6',
  building: 'M4 21V8l8-5l8 5v13M9 21v-6h6v6M8 10h.01M12 10h.01M16 10h.01',
  clock: 'M12 3a9 9 0 1 0 0 18a9 9 0 0 0 0-18zM12 7v5l3 3',
  info: 'M12 3a9 9 0 1 0 0 18a9 9 0 0 0 0-18zM12 11v6M12 7v.01',
  /** Drawn pointing left (back in LTR); mirrored in RTL. */
  back: 'M15 5l-7 7l7 7',
  help: 'M12 3a9 9 0 1 0 0 18a9 9 0 0 0 0-18zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14M12 17v.01',
  access: 'M12 3.5a1.5 1.5 0 1 0 0 3a1.5 1.5 0 0 0 0-3zM5 8.5l7 1.5l7-1.5M12 10v5M12 15l-3 6M12 15l3 6',
  speaker: 'M4 9h4l5-4v14l-5-4H4zM16 9a4 4 0 0 1 0 6M18.5 6.5a8 8 0 0 1 0 11',
  globe: 'M12 3a9 9 0 1 0 0 18a9 9 0 0 0 0-18zM3 12h18M12 3c3 3.5 3 14.5 0 18M12 3c-3 3.5-3 14.5 0 18',
  restart: 'M4 12a8 8 0 1 0 2.5-5.8M4 4v4h4',
};

/** Icons whose meaning is a direction: mirrored in right-to-left layouts. */
const DIRECTIONAL = new Set(['back']);

/** Catalogue icon ids ("icon-id-card") to the paths above. */
const ALIASES: Record<string, string> = {
  'id-card': 'id',
  scales: 'scale',
  queue: 'ticket',
  bill: 'receipt',
  car: 'traffic',
  road: 'traffic',
  health: 'heart',
  support: 'mail',
  money: 'card',
  payment: 'card',
  water: 'bolt',
  electricity: 'bolt',
  family: 'home',
  box: 'receipt',
  globe: 'info',
  logout: 'info',
  warning: 'shield',
  bank: 'building',
  briefcase: 'receipt',
  chat: 'mail',
};

export function Icon(props: { name: string; size?: number }) {
  const key = props.name.replace(/^icon-/, '');
  const d = PATHS[key] ?? PATHS[ALIASES[key] ?? ''] ?? PATHS.info!;
  const size = props.size ?? 40;
  return (
    <svg class={DIRECTIONAL.has(key) ? 'icon icon-dir' : 'icon'} width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
      <path d={d} />
    </svg>
  );
}
