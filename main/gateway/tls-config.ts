import { z } from 'zod';

/**
 * The remote gateway's transport settings in the kiosk config (gateway.tls): mutual TLS with
 * a per-kiosk client certificate and the gateway's CA pinned. Kept apart from tls.ts so the
 * config schema does not pull in the HTTP client.
 */
export const gatewayTlsSchema = z
  .object({
    /** PEM file of the CA that signed the gateway's certificate (the pin). */
    caFile: z.string().min(1),
    /** PEM files of this kiosk's client certificate and its private key. */
    certFile: z.string().min(1),
    keyFile: z.string().min(1),
  })
  .strict();
export type GatewayTlsConfig = z.infer<typeof gatewayTlsSchema>;
