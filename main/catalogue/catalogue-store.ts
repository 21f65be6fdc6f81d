import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ProfileId } from '../contract/api.ts';
import { parseCatalogue, type Catalogue } from '../shared/catalogue/schema.ts';

/**
 * The kiosk's current catalogue: the one bundled with the app, or a newer one the gateway sent
 * earlier (cached in the data directory). Only valid data with a higher version ever replaces
 * what the visitor sees; anything else is refused and the current catalogue stays.
 */

export interface CatalogueStoreOptions {
  /** Folder holding KW.json, BH.json, QA.json (e.g. `new URL('../../assets/catalogue/', import.meta.url)`). */
  bundledDir: URL;
  /** JSON file in the kiosk's data directory for the last accepted update. */
  cacheFile: string;
  profile: ProfileId;
}

export type CatalogueSource = 'bundled' | 'cache' | 'update';

export interface OfferResult {
  accepted: boolean;
  reason?: string;
}

/** A catalogue is a few hundred kB; anything far larger is not one. */
const MAX_UPDATE_CHARS = 5_000_000;

/** Where the app ships its catalogues, relative to this file (same layout in dist/). */
export const BUNDLED_CATALOGUE_DIR = new URL('../../assets/catalogue/', import.meta.url);

type Loaded = { ok: true; catalogue: Catalogue } | { ok: false; reason: string };

function errorName(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : err instanceof Error ? err.message : String(err);
}

function loadFile(path: string | URL, profile: ProfileId): Loaded {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { ok: false, reason: `cannot read (${errorName(err)})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  const parsed = parseCatalogue(json);
  if (!parsed.ok) return { ok: false, reason: `invalid: ${parsed.errors.slice(0, 5).join('; ')}` };
  if (parsed.catalogue.profile !== profile) {
    return { ok: false, reason: `is for profile ${parsed.catalogue.profile}, not ${profile}` };
  }
  return parsed;
}

/** Write to a temporary file in the same folder, flush, then rename: readers see old or new, never half. */
function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // The temp file may never have been created.
    }
    throw err;
  }
}

export class CatalogueStore {
  readonly profile: ProfileId;
  private readonly cacheFile: string;
  private currentCatalogue: Catalogue;
  private currentSource: CatalogueSource;
  private readonly listeners = new Set<(catalogue: Catalogue) => void>();
  /** Why the cache or bundle was passed over at start-up (no personal data: file facts only). */
  readonly loadWarnings: string[] = [];

  constructor(options: CatalogueStoreOptions) {
    this.profile = options.profile;
    this.cacheFile = options.cacheFile;
    const dir = options.bundledDir.href.endsWith('/') ? options.bundledDir : new URL(`${options.bundledDir.href}/`);
    const bundled = loadFile(new URL(`${options.profile}.json`, dir), options.profile);
    const cached = loadFile(options.cacheFile, options.profile);
    if (!bundled.ok) this.loadWarnings.push(`bundled catalogue ${options.profile}.json ${bundled.reason}`);
    if (!cached.ok && !cached.reason.includes('ENOENT')) this.loadWarnings.push(`cached catalogue ignored: ${cached.reason}`);

    if (cached.ok && (!bundled.ok || cached.catalogue.version > bundled.catalogue.version)) {
      this.currentCatalogue = cached.catalogue;
      this.currentSource = 'cache';
    } else if (bundled.ok) {
      if (cached.ok) this.loadWarnings.push(`cached catalogue version ${cached.catalogue.version} is not newer than the bundled one`);
      this.currentCatalogue = bundled.catalogue;
      this.currentSource = 'bundled';
    } else {
      // A kiosk without any catalogue cannot serve; this is a packaging fault, say so loudly.
      throw new Error(`no usable catalogue for ${options.profile}: ${this.loadWarnings.join('; ')}`);
    }
  }

  get catalogue(): Catalogue {
    return this.currentCatalogue;
  }

  get version(): number {
    return this.currentCatalogue.version;
  }

  get source(): CatalogueSource {
    return this.currentSource;
  }

  /** Called with the new catalogue after an accepted update; returns an unsubscribe function. */
  onChange(listener: (catalogue: Catalogue) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /**
   * Offer what the gateway returned. Accepted only if it is a valid catalogue for this profile
   * with a higher version; then it is cached atomically and becomes current. Never throws.
   */
  offerUpdate(json: unknown): OfferResult {
    let text: string;
    let copy: unknown;
    try {
      // Validate exactly the bytes that will be cached (and detach from the caller's object).
      text = JSON.stringify(json);
      if (typeof text !== 'string') return { accepted: false, reason: 'not a JSON value' };
      if (text.length > MAX_UPDATE_CHARS) return { accepted: false, reason: `larger than ${MAX_UPDATE_CHARS} characters` };
      copy = JSON.parse(text);
    } catch (err) {
      return { accepted: false, reason: `not serialisable as JSON (${errorName(err)})` };
    }
    const parsed = parseCatalogue(copy);
    if (!parsed.ok) return { accepted: false, reason: `invalid catalogue: ${parsed.errors.slice(0, 5).join('; ')}` };
    const next = parsed.catalogue;
    if (next.profile !== this.profile) return { accepted: false, reason: `catalogue is for profile ${next.profile}, this kiosk is ${this.profile}` };
    if (next.version <= this.currentCatalogue.version) {
      return { accepted: false, reason: `version ${next.version} is not newer than current version ${this.currentCatalogue.version}` };
    }

    let reason: string | undefined;
    try {
      writeAtomically(this.cacheFile, text);
    } catch (err) {
      // Still valid and newer: serve it now; the next start falls back to the older catalogue.
      reason = `accepted in memory; cache not written (${errorName(err)})`;
    }
    this.currentCatalogue = next;
    this.currentSource = 'update';
    for (const listener of this.listeners) {
      try {
        listener(next);
      } catch {
        // One failing subscriber must not stop the others or undo the update.
      }
    }
    return reason === undefined ? { accepted: true } : { accepted: true, reason };
  }
}
