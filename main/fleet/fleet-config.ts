import { z } from 'zod';

const segment = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - and _ only');

/**
 * The kiosk's optional `fleet` section. Absent: nothing leaves the kiosk. `url` absent: only the
 * local status endpoint runs (for the technician on site).
 */
export const fleetConfigSchema = z
  .object({
    /** mqtts://broker:8883 in production; mqtt:// only on a trusted network. */
    url: z.string().regex(/^mqtts?:\/\/.+/, 'must be mqtt:// or mqtts://').optional(),
    country: segment,
    centre: segment,
    /** Per-kiosk broker credentials (the ACL lets this user publish only under its own topic). */
    username: z.string().min(1).optional(),
    password: z.string().min(1).optional(),
    caFile: z.string().min(1).optional(),
    certFile: z.string().min(1).optional(),
    keyFile: z.string().min(1).optional(),
    keepaliveS: z.number().int().min(1).max(3600).default(30),
    heartbeatMs: z.number().int().min(500).default(30_000),
    statusIntervalMs: z.number().int().min(1000).default(60_000),
    protocolVersion: z.union([z.literal(4), z.literal(5)]).default(5),
    /** The console's Ed25519 public key (PEM file): remote commands are refused without it. */
    commandPublicKeyFile: z.string().min(1).optional(),
    localStatus: z.object({ port: z.number().int().min(0).max(65535), token: z.string().min(16, 'at least 16 characters') }).strict().optional(),
  })
  .strict();

export type FleetConfig = z.infer<typeof fleetConfigSchema>;
