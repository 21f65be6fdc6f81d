import { useEffect, useState } from 'preact/hooks';
import { useUi } from './context.ts';
import { api } from './api.ts';
import { money, num, pct } from './format.ts';

interface Line {
  key: string;
  label: { ar: string; en: string };
  currency: string;
  count: number;
  amountMinor: number;
  countChangePct: number | null;
  amountChangePct: number | null;
  countYoyPct: number | null;
  amountYoyPct: number | null;
}
interface Report {
  range: { from: string; to: string };
  lines: Line[];
  totals: Line[];
  series: { currency: string; days: { day: string; amountMinor: number; lastYearAmountMinor: number }[] }[];
}

/** The last complete month by default: a period still under way would compare a few days with a whole one. */
const lastMonth = () => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 0)).toISOString().slice(0, 10);
};
const change = (v: number | null) => (v === null ? '' : v >= 0 ? 'up' : 'down');

/** Statistics per entity, service, centre or kiosk for a day, week, month or quarter, with their changes. */
export function StatsView() {
  const { t, lang } = useUi();
  const [q, setQ] = useState({ period: 'month', anchor: lastMonth(), by: 'entity', country: '' });
  const [r, setR] = useState<Report | null>(null);
  const params = new URLSearchParams({ period: q.period, anchor: q.anchor, by: q.by, lang, ...(q.country && { country: q.country }) });
  useEffect(() => {
    void api<Report>(`/api/stats?${params}`).then((x) => x.ok && setR(x.value));
  }, [q.period, q.anchor, q.by, q.country]);
  const set = (k: keyof typeof q) => (e: Event) => setQ({ ...q, [k]: (e.target as HTMLSelectElement).value });
  const row = (l: Line, total = false) => (
    <tr key={`${l.key}/${l.currency}`} class={total ? 'total' : ''}>
      <th scope="row">{total ? t('total') : l.label[lang]}</th>
      <td>{num(lang, l.count)}</td>
      <td class={change(l.countChangePct)}>{pct(lang, l.countChangePct)}</td>
      <td class={change(l.countYoyPct)}>{pct(lang, l.countYoyPct)}</td>
      <td>{money(lang, l.amountMinor, l.currency)}</td>
      <td class={change(l.amountChangePct)}>{pct(lang, l.amountChangePct)}</td>
      <td class={change(l.amountYoyPct)}>{pct(lang, l.amountYoyPct)}</td>
    </tr>
  );
  return (
    <section aria-labelledby="stats-h">
      <h1 id="stats-h">{t('navStats')}</h1>
      <div class="controls">
        <label>
          {t('period')}
          <select value={q.period} onChange={set('period')}>
            {(['day', 'week', 'month', 'quarter'] as const).map((p) => (
              <option value={p} key={p}>
                {t(p)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('date')}
          <input type="date" value={q.anchor} onChange={set('anchor')} />
        </label>
        <label>
          {t('groupBy')}
          <select value={q.by} onChange={set('by')}>
            <option value="entity">{t('byEntity')}</option>
            <option value="service">{t('byService')}</option>
            <option value="centre">{t('byCentre')}</option>
            <option value="kiosk">{t('byKiosk')}</option>
          </select>
        </label>
        <label>
          {t('country')}
          <select value={q.country} onChange={set('country')}>
            <option value="">{t('allCountries')}</option>
            <option value="KW">{t('KW')}</option>
            <option value="BH">{t('BH')}</option>
            <option value="QA">{t('QA')}</option>
          </select>
        </label>
        <a class="button" href={`/api/stats.csv?${params}`} download>
          {t('exportCsv')}
        </a>
      </div>
      {r && (
        <>
          <p class="muted">
            <bdi>{r.range.from}</bdi> → <bdi>{r.range.to}</bdi>
          </p>
          {r.lines.length === 0 ? (
            <p>{t('noData')}</p>
          ) : (
            <table class="stats">
              <thead>
                <tr>
                  <th scope="col">{t(q.by === 'entity' ? 'byEntity' : q.by === 'service' ? 'byService' : q.by === 'centre' ? 'byCentre' : 'byKiosk')}</th>
                  <th scope="col">{t('count')}</th>
                  <th scope="col">{t('vsPrevious')}</th>
                  <th scope="col">{t('vsLastYear')}</th>
                  <th scope="col">{t('amount')}</th>
                  <th scope="col">{t('vsPrevious')}</th>
                  <th scope="col">{t('vsLastYear')}</th>
                </tr>
              </thead>
              <tbody>
                {r.lines.map((l) => row(l))}
                {r.totals.map((l) => row(l, true))}
              </tbody>
            </table>
          )}
          {r.series.map((s) => (
            <Chart key={s.currency} series={s} />
          ))}
        </>
      )}
    </section>
  );
}

/** Daily amounts as bars, this period beside the same period last year. */
function Chart(props: { series: Report['series'][number] }) {
  const { t, lang } = useUi();
  const days = props.series.days;
  const max = Math.max(1, ...days.flatMap((d) => [d.amountMinor, d.lastYearAmountMinor]));
  const w = 900;
  const h = 180;
  const bw = w / Math.max(1, days.length);
  const total = days.reduce((s, d) => s + d.amountMinor, 0);
  return (
    <figure class="chart">
      <figcaption>
        {t('dailyAmounts')} ({props.series.currency}) · {money(lang, total, props.series.currency)}
      </figcaption>
      <svg viewBox={`0 0 ${w} ${h + 4}`} role="img" aria-label={`${t('dailyAmounts')} ${props.series.currency}`} class="bars">
        {days.map((d, i) => (
          <g key={d.day}>
            <rect class="ly" x={i * bw + bw * 0.1} width={bw * 0.4} y={h - (d.lastYearAmountMinor / max) * h} height={(d.lastYearAmountMinor / max) * h} />
            <rect class="cur" x={i * bw + bw * 0.5} width={bw * 0.4} y={h - (d.amountMinor / max) * h} height={(d.amountMinor / max) * h} />
          </g>
        ))}
      </svg>
      <p class="legend">
        <span class="key cur" aria-hidden="true" /> {t('thisPeriod')} <span class="key ly" aria-hidden="true" /> {t('lastYear')}
      </p>
    </figure>
  );
}
