import { readFileSync } from 'node:fs';
import type { ProfileId } from '../../../main/contract/api.ts';
import { parseCatalogue, type Catalogue } from '../../../main/shared/catalogue/schema.ts';

/** Test helpers: the real bundled catalogues, as raw JSON (to break) or parsed (to search). */

export const BUNDLED_DIR = new URL('../../../assets/catalogue/', import.meta.url);
export const PROFILES: readonly ProfileId[] = ['KW', 'BH', 'QA'];

/** A fresh, mutable copy of the bundled file each call. */
export function rawCatalogue(profile: ProfileId): Record<string, unknown> & { services: Record<string, unknown>[] } {
  return JSON.parse(readFileSync(new URL(`${profile}.json`, BUNDLED_DIR), 'utf8'));
}

export function bundledCatalogue(profile: ProfileId): Catalogue {
  const r = parseCatalogue(rawCatalogue(profile));
  if (!r.ok) throw new Error(`bundled ${profile} catalogue is invalid:\n${r.errors.join('\n')}`);
  return r.catalogue;
}

type Path = readonly (string | number)[];

function parentOf(doc: unknown, path: Path): Record<string | number, unknown> {
  let node = doc;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
  if (node === null || typeof node !== 'object') throw new Error(`no container at ${path.join('.')}`);
  return node as Record<string | number, unknown>;
}

/** Test-only JSON surgery: read, overwrite or delete the value at a path. */
export function getIn(doc: unknown, path: Path): unknown {
  return parentOf(doc, path)[path.at(-1)!];
}
export function setIn(doc: unknown, path: Path, value: unknown): void {
  parentOf(doc, path)[path.at(-1)!] = value;
}
export function deleteIn(doc: unknown, path: Path): void {
  delete parentOf(doc, path)[path.at(-1)!];
}
