/** The virtual devices panel's page: server-rendered HTML, a style sheet and a small poller. */
export interface PanelState {
  key: string;
  jobs: number;
  printerFault: string | undefined;
  nextPayment: string | undefined;
  readerPresent: boolean;
  lastAction: string;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function buttons(key: string, device: string, current: string | undefined, choices: [string, string][]): string {
  return choices
    .map(
      ([value, label]) =>
        `<form method="post" action="/demo/action?k=${esc(key)}"><input type="hidden" name="device" value="${device}"><input type="hidden" name="value" value="${value}"><button type="submit" data-testid="demo-${device}-${value}"${current === value ? ' class="on" aria-pressed="true"' : ''}>${esc(label)}</button></form>`,
    )
    .join('');
}

export function panelHtml(s: PanelState): string {
  const receipts = Array.from({ length: s.jobs }, (_, i) => s.jobs - 1 - i)
    .map((n) => `<figure><img src="/demo/receipt/${n}.png?k=${esc(s.key)}" alt="Receipt ${n + 1}" data-testid="demo-receipt-${n}" loading="lazy"><figcaption>Print job ${n + 1}</figcaption></figure>`)
    .join('');
  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Khidma — virtual devices (demo)</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/demo/panel.css">
<script src="/demo/panel.js" defer></script>
</head>
<body data-jobs="${s.jobs}" data-key="${esc(s.key)}">
<header><h1>Virtual devices <span class="tag">DEMO</span></h1><p>Play the kiosk's devices while you use the kiosk in the other window. Nothing here is real: the printer, the card terminal and the ID reader are simulators.</p></header>
<main>
<section class="controls">
  <h2>ID / passport reader</h2>
  <p>Open an inquiry or traffic fines on the kiosk, then place a document on the reader.</p>
  ${s.readerPresent ? buttons(s.key, 'reader', undefined, [['idCard', 'Place the demo civil ID card'], ['passport', 'Place the demo passport']]) : '<p class="off">The reader is not simulated in this configuration.</p>'}
  <h2>Card terminal: the next payment</h2>
  <p>Choose, then press Pay on the kiosk. Applies to one payment.</p>
  ${buttons(s.key, 'terminal', s.nextPayment, [['approve', 'Approve'], ['decline', 'Decline'], ['pin', 'Ask for PIN (long)'], ['slow', 'Slow'], ['linkDrop', 'Link drops after approval'], ['rules', 'Back to normal']])}
  <p class="state" data-testid="demo-next">Next payment: <b>${esc(s.nextPayment ?? 'normal rules (amounts ending in 13 minor units decline)')}</b></p>
  <h2>Receipt printer</h2>
  ${buttons(s.key, 'printer', s.printerFault, [['none', 'Ready'], ['paperNearEnd', 'Paper near end'], ['paperOut', 'Paper out'], ['coverOpen', 'Cover open']])}
  <p class="state" data-testid="demo-fault">Printer: <b>${esc(s.printerFault ?? 'not simulated')}</b></p>
</section>
<section class="receipts" aria-live="polite">
  <h2>Printed, newest first (${s.jobs})</h2>
  ${receipts || '<p class="off">Nothing printed yet. Pay a bill, take a ticket or file a complaint on the kiosk.</p>'}
</section>
</main>
</body>
</html>`;
}

export const PANEL_CSS = `
body { margin: 0; font: 16px/1.4 system-ui, 'Noto Sans', sans-serif; color: #14211d; background: #eef3f1; }
header { padding: 1rem 1.5rem; background: #0b5d4b; color: #fff; }
header h1 { margin: 0; font-size: 1.4rem; }
header p { margin: 0.3rem 0 0; }
.tag { font-size: 0.8rem; background: #ffcf5c; color: #14211d; border-radius: 0.3rem; padding: 0.1rem 0.4rem; vertical-align: middle; }
main { display: grid; grid-template-columns: minmax(18rem, 26rem) 1fr; gap: 1.5rem; padding: 1.5rem; }
h2 { font-size: 1.1rem; margin: 1.2rem 0 0.4rem; }
form { display: inline-block; margin: 0 0.4rem 0.4rem 0; }
button { font: inherit; min-height: 2.75rem; padding: 0 1rem; border-radius: 0.5rem; border: 2px solid #0b5d4b; background: #fff; color: #0b5d4b; font-weight: 700; cursor: pointer; }
button.on { background: #0b5d4b; color: #fff; }
.state { color: #4a5a55; }
.off { color: #4a5a55; font-style: italic; }
.receipts { display: flex; flex-wrap: wrap; gap: 1rem; align-content: flex-start; }
.receipts h2 { flex-basis: 100%; }
figure { margin: 0; background: #fff; padding: 0.5rem; border-radius: 0.5rem; box-shadow: 0 1px 3px rgb(0 0 0 / 15%); }
figure img { display: block; width: 20rem; height: auto; image-rendering: pixelated; }
figcaption { font-size: 0.85rem; color: #4a5a55; text-align: center; }
@media (max-width: 50rem) { main { grid-template-columns: 1fr; } }
`;

/** Reloads the page when something was printed or a device changed (no inline script: the CSP forbids it). */
export const PANEL_JS = `
(() => {
  const key = document.body.dataset.key;
  let last = null;
  setInterval(async () => {
    try {
      const r = await fetch('/demo/state.json?k=' + encodeURIComponent(key), { cache: 'no-store' });
      if (!r.ok) return;
      const s = JSON.stringify(await r.json());
      if (last !== null && s !== last) location.reload();
      last = s;
    } catch {}
  }, 1500);
})();
`;
