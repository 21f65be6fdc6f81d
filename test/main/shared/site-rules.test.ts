import { describe, expect, it } from 'vitest';
import { gatewayUrlCode, parseSiteRefusal, siteProblems, siteRefusal, type SiteInput, type SiteRules } from '../../../main/shared/site-rules.ts';
import { gatewayUrlProblem } from '../../../main/gateway/tls.ts';
import { configSchema } from '../../../main/config.ts';
import { fleetConfigSchema } from '../../../main/fleet/fleet-config.ts';

const good: SiteInput = {
  kioskId: 'KW-AVENUES-07',
  kioskNumber: 7,
  location: { ar: 'الأفنيوز', en: 'The Avenues' },
  profile: 'KW',
  gatewayUrl: 'https://gateway.example.gov.kw/',
  fleetUrl: 'mqtts://fleet.example.gov.kw:8883',
  fleetCentre: 'AVENUES',
};
const rules: SiteRules = { plainHttpAllowed: false, gatewayOptional: false, credentialsSet: true, fleetCentreNeeded: true };
const codes = (s: Partial<SiteInput>, r: Partial<SiteRules> = {}) => siteProblems({ ...good, ...s }, { ...rules, ...r }).map((p) => `${p.field}:${p.code}`);

describe('identity and connection rules (screen and core alike)', () => {
  it('a complete, sensible input has no problem', () => {
    expect(codes({})).toEqual([]);
  });

  it('names each bad field with its own code', () => {
    expect(codes({ kioskId: 'KW AVENUES' })).toEqual(['kioskId:kioskId']);
    expect(codes({ kioskId: '' })).toEqual(['kioskId:kioskId']);
    expect(codes({ kioskId: 'K'.repeat(33) })).toEqual(['kioskId:kioskId']);
    expect(codes({ kioskNumber: 0 })).toEqual(['kioskNumber:kioskNumber']);
    expect(codes({ kioskNumber: 1000 })).toEqual(['kioskNumber:kioskNumber']);
    expect(codes({ kioskNumber: 2.5 })).toEqual(['kioskNumber:kioskNumber']);
    expect(codes({ location: { ar: '  ', en: 'x'.repeat(121) } })).toEqual(['locationAr:locationEmpty', 'locationEn:locationLong']);
    expect(codes({ fleetUrl: 'https://fleet' })).toEqual(['fleetUrl:fleetUrl']);
    expect(codes({ fleetCentre: '' })).toEqual(['fleetCentre:fleetCentre']);
    expect(codes({ fleetCentre: 'GOV MALL' })).toEqual(['fleetCentre:fleetCentre']);
    // No broker: no centre needed; a file with a fleet section has its own centre.
    expect(codes({ fleetUrl: '', fleetCentre: '' })).toEqual([]);
    expect(codes({ fleetCentre: '' }, { fleetCentreNeeded: false })).toEqual([]);
  });

  it('the gateway: https with credentials; http only to loopback or in a lab; empty only where the kiosk has its demo gateway', () => {
    expect(codes({ gatewayUrl: 'https://gw.example/' }, { credentialsSet: false })).toEqual(['gatewayUrl:gatewayCredentials']);
    expect(codes({ gatewayUrl: 'http://gw.example/' })).toEqual(['gatewayUrl:gatewayHttps']);
    expect(codes({ gatewayUrl: 'http://gw.example/' }, { plainHttpAllowed: true })).toEqual([]);
    expect(codes({ gatewayUrl: 'http://127.0.0.1:9/' })).toEqual([]);
    expect(codes({ gatewayUrl: 'ftp://gw.example/' })).toEqual(['gatewayUrl:gatewayHttps']);
    expect(codes({ gatewayUrl: 'gateway' })).toEqual(['gatewayUrl:gatewayUrl']);
    expect(codes({ gatewayUrl: '' })).toEqual(['gatewayUrl:gatewayRequired']);
    expect(codes({ gatewayUrl: '' }, { gatewayOptional: true })).toEqual([]);
  });

  it('says yes and no exactly where the gateway transport does at start-up', () => {
    const urls = ['https://gw.example/', 'http://gw.example/', 'http://127.0.0.1:8080', 'http://localhost/', 'http://[::1]:9/', 'http://127.0.0.1.nip.io/', 'ftp://gw.example/', 'not a url'];
    for (const url of urls) {
      for (const tls of [true, false]) {
        for (const allowPlainHttp of [true, false]) {
          const screen = gatewayUrlCode(url, { plainHttpAllowed: allowPlainHttp, gatewayOptional: false, credentialsSet: tls, fleetCentreNeeded: false });
          expect(screen === undefined, `${url} tls=${tls} lab=${allowPlainHttp}`).toBe(gatewayUrlProblem(url, { tls, allowPlainHttp }) === undefined);
        }
      }
    }
  });

  it('kiosk ID and number, and the fleet URL, follow the config schema', () => {
    for (const kioskId of ['KW-GOVMALL-01', 'kw-1', 'A'.repeat(32), 'KW_1', 'KW 1', '']) {
      expect(codes({ kioskId }).length === 0, kioskId).toBe(configSchema.safeParse({ kioskId }).success);
    }
    for (const url of ['mqtts://fleet:8883', 'mqtt://127.0.0.1:1883', 'mqtts://', 'ws://fleet']) {
      expect(codes({ fleetUrl: url }).length === 0, url).toBe(fleetConfigSchema.safeParse({ url, country: 'KW', centre: 'X' }).success);
    }
  });

  it('a refusal crosses the bridge as field, code and detail', () => {
    const message = siteRefusal({ field: 'kioskId', code: 'undelivered' }, '3');
    expect(message).toBe('site:kioskId:undelivered: 3');
    expect(parseSiteRefusal(message)).toEqual({ field: 'kioskId', code: 'undelivered', detail: '3' });
    expect(parseSiteRefusal('site:gatewayUrl:gatewayHttps')).toEqual({ field: 'gatewayUrl', code: 'gatewayHttps' });
    expect(parseSiteRefusal('a payment is in progress')).toBeUndefined();
  });
});
