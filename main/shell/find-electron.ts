import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Under plain Node the `electron` package exports the path of its binary. On machines where
 * the binary could not be downloaded the package is types only and this returns undefined.
 */
export function findElectronBinary(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const bin = require('electron') as unknown;
    return typeof bin === 'string' && existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}
