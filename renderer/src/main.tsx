import { render } from 'preact';
import { App } from './app.tsx';
import { getBridge } from './bridge/get-bridge.ts';
import { createI18n } from './i18n.ts';
import './styles.css';

// No context menu, no pinch zoom of the chrome: this is a touch kiosk.
window.addEventListener('contextmenu', (e) => e.preventDefault());
document.addEventListener('gesturestart', (e) => e.preventDefault());
// Ctrl+wheel is how a trackpad pinches in Chromium.
window.addEventListener('wheel', (e) => e.ctrlKey && e.preventDefault(), { passive: false });

// Tests ask for the renderer's state to prove what an idle reset leaves behind.
const debug = new URLSearchParams(location.hash.slice(1)).get('debug') === '1';
render(<App bridge={getBridge()} i18n={createI18n()} debug={debug} />, document.getElementById('app')!);
