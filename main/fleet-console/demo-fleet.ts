import { SERVICE_TEXT_BY_PROFILE, DEMO_CURRENCY, type DemoProfile } from '../demo-gateway/seed.ts';
import { PROFILES } from '../profiles/profiles.ts';
import { localDay } from '../fleet/journal-stats.ts';
import type { StatsRow } from '../fleet/protocol.ts';
import { SimKiosk, type SimBroker } from './sim-kiosk.ts';

/**
 * The demo fleet `npm run fleet` shows a newcomer: a few centres per country, kiosks that run
 * out of paper, queue a backlog, drop off the network and come back, and two years of daily
 * takings so every statistics view (and its year-on-year change) has something to show.
 */
const CENTRES: Record<DemoProfile, string[]> = { KW: ['GOVMALL', 'JAHRA', 'AHMADI'], BH: ['ISATOWN', 'MUHARRAQ'], QA: ['DOHA', 'ALRAYYAN'] };
const FINES = { ar: 'المخالفات المرورية', en: 'Traffic fines' };
const TRAFFIC: Record<DemoProfile, { ar: string; en: string }> = {
  KW: { ar: 'وزارة الداخلية - المرور', en: 'Ministry of Interior - Traffic' },
  BH: { ar: 'الإدارة العامة للمرور', en: 'General Directorate of Traffic' },
  QA: { ar: 'الإدارة العامة للمرور', en: 'General Directorate of Traffic' },
};
const BASE: Record<string, number> = { electricityWater: 14_000, telephone: 6_500, paciFee: 5_000, justiceFee: 25_000, fines: 20_000 };

/** Deterministic pseudo-random numbers (mulberry32): the same demo every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One kiosk's demo takings for a day: traffic rises ~25 % a year, Fridays are quiet. */
export function demoDayStats(profile: DemoProfile, kioskIndex: number, day: string, todayMs: number): StatsRow[] {
  const rnd = prng(kioskIndex * 100_003 + Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000));
  const ageYears = (todayMs - Date.parse(`${day}T00:00:00Z`)) / (365 * 86_400_000);
  const trend = Math.pow(1.25, -ageYears) * (new Date(`${day}T00:00:00Z`).getUTCDay() === 5 ? 0.3 : 1);
  const currency = DEMO_CURRENCY[profile];
  const services = Object.entries(SERVICE_TEXT_BY_PROFILE[profile]).map(([key, t]) => ({ key, service: t.description, entity: t.entity }));
  services.push({ key: 'fines', service: FINES, entity: TRAFFIC[profile] });
  return services
    .map((s) => {
      const count = Math.round((s.key === 'fines' ? 14 : 8) * trend * (0.6 + rnd() * 0.8));
      return { service: s.service, entity: s.entity, currency, count, amountMinor: count * Math.round(BASE[s.key]! * (0.8 + rnd() * 0.4)) };
    })
    .filter((r) => r.count > 0);
}

export interface DemoFleet {
  readonly kiosks: SimKiosk[];
  close(): void;
}

export async function startDemoFleet(broker: SimBroker, opts: { historyDays?: number; keepaliveS?: number; heartbeatMs?: number; credentials?: (kiosk: string) => { username?: string; password?: string } } = {}): Promise<DemoFleet> {
  const kiosks: { sim: SimKiosk; profile: DemoProfile; index: number }[] = [];
  let index = 0;
  for (const profile of ['KW', 'BH', 'QA'] as DemoProfile[]) {
    for (const centre of CENTRES[profile]) {
      const per = profile === 'KW' ? 5 : 3;
      for (let i = 1; i <= per; i++) {
        const kiosk = `${profile}-${centre}-${String(i).padStart(2, '0')}`;
        const sim = new SimKiosk({ country: profile, centre, kiosk }, opts.credentials?.(kiosk) ?? {}, { keepaliveS: opts.keepaliveS ?? 10, heartbeatMs: opts.heartbeatMs ?? 5000 });
        kiosks.push({ sim, profile, index: index++ });
      }
    }
  }
  const today = Date.now();
  const history = opts.historyDays ?? 400;
  for (const k of kiosks) {
    await k.sim.connect(broker);
    const tz = PROFILES[k.profile].timeZone;
    for (let d = history; d >= 0; d--) {
      const day = localDay(new Date(today - d * 86_400_000), tz);
      k.sim.publishStats(day, demoDayStats(k.profile, k.index, day, today), tz);
    }
  }
  // A little life: paper runs low and out and is refilled, backlogs grow and drain, a kiosk drops off and comes back.
  const rnd = prng(7);
  const actions = setInterval(() => {
    const k = kiosks[Math.floor(rnd() * kiosks.length)]!;
    const r = rnd();
    if (!k.sim.connected) void k.sim.connect(broker).catch(() => undefined);
    else if (r < 0.3) k.sim.setPaper((['low', 'out', 'full', 'full'] as const)[Math.floor(rnd() * 4)]!);
    else if (r < 0.55) {
      k.sim.outboxDepth = rnd() < 0.5 ? Math.floor(rnd() * 60) : 0;
      k.sim.publishStatus();
    }
    else if (r < 0.62) k.sim.kill();
    else if (r < 0.66) {
      k.sim.app = k.sim.app.state === 'maintenance' ? { state: 'available' } : { state: 'maintenance' };
      k.sim.publishStatus();
    }
  }, 4000);
  const clock = setInterval(() => {
    const now = Date.now();
    for (const k of kiosks) k.sim.tick(now);
  }, 500);
  actions.unref();
  clock.unref();
  // Start with something to look at.
  kiosks[1]?.sim.setPaper('out');
  kiosks[4]?.sim.setPaper('low');
  if (kiosks[7]) {
    kiosks[7].sim.outboxDepth = 42;
    kiosks[7].sim.publishStatus();
  }
  kiosks[10]?.sim.kill();
  return {
    kiosks: kiosks.map((k) => k.sim),
    close() {
      clearInterval(actions);
      clearInterval(clock);
      for (const k of kiosks) k.sim.shutdown();
    },
  };
}
