import { join } from 'node:path';
import type { KioskConfig } from '../config.ts';
import type { Logger } from '../log/logger.ts';
import { ConnectivityMonitor } from '../connectivity/connectivity-monitor.ts';
import type { DemoGateway } from '../demo-gateway/server.ts';
import { createGatewayClient, type GatewayClient } from './client.ts';
import { remoteGatewayTransport } from './tls.ts';

export interface OpenedGateway {
  gateway: GatewayClient;
  gatewayUrl: string;
  connectivity: ConnectivityMonitor;
  /** Present when the config asks for the embedded demo gateway. */
  demoGateway: DemoGateway | undefined;
}

/**
 * The gateway client, its connectivity monitor (health probe plus the outcome of every real
 * request), and the embedded demo gateway when configured — seeded for the kiosk's country.
 */
export async function openGateway(config: KioskConfig, dataDir: string, log: Logger): Promise<OpenedGateway> {
  // parseConfig already refuses this; a config built by hand must not get past it either.
  if (config.gateway.mode === 'embedded' && !config.demo) throw new Error('gateway.mode: the embedded demo gateway runs only in demo mode');
  // The demo gateway's code loads only on a demo kiosk that runs it.
  const demoGateway = config.gateway.mode === 'embedded' ? await startEmbedded(config.gateway.port, config.profile, dataDir) : undefined;
  const gatewayUrl = config.gateway.mode === 'remote' ? config.gateway.url : demoGateway!.url;
  // Mutual TLS to a remote gateway; plain HTTP refused off loopback unless a lab allows it.
  const transport = config.gateway.mode === 'remote' ? remoteGatewayTransport(config.gateway) : {};
  const probe = createGatewayClient({ baseUrl: gatewayUrl, kioskId: config.kioskId, timeoutMs: 3000, ...transport });
  const connectivity = new ConnectivityMonitor(() => probe.health(), config.connectivity.probeIntervalMs, log);
  const gateway = createGatewayClient({
    baseUrl: gatewayUrl,
    kioskId: config.kioskId,
    timeoutMs: config.gateway.mode === 'remote' ? config.gateway.timeoutMs : 8000,
    onOutcome: (reachable) => connectivity.report(reachable),
    ...transport,
  });
  return { gateway, gatewayUrl, connectivity, demoGateway };
}

async function startEmbedded(port: number, profile: KioskConfig['profile'], dataDir: string): Promise<DemoGateway> {
  const [{ startDemoGateway }, { issueFaultToken }] = await Promise.all([import('../demo-gateway/server.ts'), import('../demo-gateway/fault-switch.ts')]);
  return startDemoGateway({ dbFile: join(dataDir, 'demo-gateway.sqlite'), port, profile, faultToken: issueFaultToken(join(dataDir, 'demo-fault-token')) });
}
