import { z } from 'zod';
import { crossCheckCatalogue } from './cross-checks.ts';
import { CHANNELS, JOURNEYS, PROFILE_IDS } from './vocabulary.ts';

/**
 * The service catalogue as data: what each government entity offers, how a visitor gets it,
 * and which kiosk journey (if any) completes it. Pure (no node: imports) so the renderer can
 * validate and type against the same schema.
 */

/** Arabic letters proper (hamza … yeh), not just any character of the Arabic block. */
const ARABIC_LETTER = /[\u0621-\u063A\u0641-\u064A]/;

/** Wrong type reads "must be …"; a missing field reads "is required". */
const expected = (what: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : what),
});
const nonEmpty = (s: string) => s.trim().length > 0;

/** Ids are stable keys that screens, journeys and gateway updates refer to. */
const id = z
  .string(expected('must be a string id'))
  .max(64, 'must be at most 64 characters')
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'must be a kebab-case id (a-z, 0-9, single hyphens)');

const arabicText = (max: number) =>
  z
    .string(expected('must be a string'))
    .max(max, `must be at most ${max} characters`)
    .refine(nonEmpty, 'must not be empty')
    .refine((s) => s.trim().length === 0 || ARABIC_LETTER.test(s), 'must contain Arabic letters');

/** English must not carry Arabic letters: catches the two languages swapped by an editor. */
const englishText = (max: number) =>
  z
    .string(expected('must be a string'))
    .max(max, `must be at most ${max} characters`)
    .refine(nonEmpty, 'must not be empty')
    .refine((s) => !ARABIC_LETTER.test(s), 'must not contain Arabic letters (languages swapped?)');

const localised = (max = 300) =>
  z.object({ ar: arabicText(max), en: englishText(max) }, expected('must be an object {ar, en}'));

const amountMinor = z
  .number(expected('must be a non-negative integer'))
  .refine((n) => Number.isSafeInteger(n) && n >= 0, 'must be a non-negative integer');

const httpsUrl = z
  .string(expected('must be a string URL'))
  .max(500, 'must be at most 500 characters')
  .refine((s) => {
    try {
      return new URL(s).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an absolute https:// URL');

const complaintType = z.object({
  id,
  name: localised(),
  /** Tawasul-style service level: the entity answers this type within so many days. */
  responseDays: z
    .number(expected('must be an integer number of days'))
    .refine((n) => Number.isInteger(n) && n >= 1 && n <= 365, 'must be an integer from 1 to 365'),
}, expected('must be an object'));

const entity = z.object({
  id,
  name: localised(),
  shortName: localised(60),
  logo: id.optional(),
  complaintTypes: z.array(complaintType, expected('must be an array')).default([]),
}, expected('must be an object'));

const category = z.object({ id, name: localised(), icon: id.optional() }, expected('must be an object'));

const fee = z.object({
  label: localised(),
  amountMinor,
  /** The actual amount is only known at lookup (a bill, fines, a donation); amountMinor is the minimum. */
  variable: z.boolean(expected('must be true or false')).optional(),
}, expected('must be an object'));

/** The URL becomes a QR code the visitor scans to download the form on their phone. */
const form = z.object({ title: localised(), url: httpsUrl }, expected('must be an object {title, url}'));

const service = z.object({
  id,
  entityId: id,
  categoryId: id,
  name: localised(200),
  description: localised(2000),
  conditions: z.array(localised(500), expected('must be an array')),
  steps: z.array(localised(500), expected('must be an array')).min(1, 'must list at least one step'),
  requiredDocuments: z.array(localised(300), expected('must be an array')),
  fees: z.array(fee, expected('must be an array')).min(1, 'must list at least one fee (amountMinor 0 = free)'),
  channel: z.enum(CHANNELS, expected(`must be one of: ${CHANNELS.join(', ')}`)),
  journey: z.enum(JOURNEYS, expected(`must be one of: ${JOURNEYS.join(', ')}`)).optional(),
  forms: z.array(form, expected('must be an array')).default([]),
  keywords: z.object(
    {
      ar: z.array(arabicText(80), expected('must be an array of Arabic strings')),
      en: z.array(englishText(80), expected('must be an array of English strings')),
    },
    expected('must be an object {ar: [], en: []}'),
  ),
  counterGroup: id.optional(),
}, expected('must be an object'));

const tip = z.object({ id, title: localised(), body: localised(1000), icon: id }, expected('must be an object'));

/** Unknown keys are stripped, not rejected, so an older kiosk accepts a newer catalogue format. */
export const catalogueSchema = z.object(
  {
    version: z
      .number(expected('must be a positive integer'))
      .refine((n) => Number.isSafeInteger(n) && n >= 1, 'must be a positive integer'),
    profile: z.enum(PROFILE_IDS, expected(`must be one of: ${PROFILE_IDS.join(', ')}`)),
    entities: z.array(entity, expected('must be an array')).min(1, 'must list at least one entity'),
    categories: z.array(category, expected('must be an array')).min(1, 'must list at least one category'),
    services: z.array(service, expected('must be an array')).min(1, 'must list at least one service'),
    tips: z.array(tip, expected('must be an array')).default([]),
  },
  expected('must be an object'),
);

export type Catalogue = z.infer<typeof catalogueSchema>;
export type CatalogueEntity = Catalogue['entities'][number];
export type CatalogueCategory = Catalogue['categories'][number];
export type CatalogueService = Catalogue['services'][number];
export type ComplaintType = CatalogueEntity['complaintTypes'][number];
export type AwarenessTip = Catalogue['tips'][number];
export type ServiceFee = CatalogueService['fees'][number];
export type LocalisedText = CatalogueService['name'];

export type ParseCatalogueResult = { ok: true; catalogue: Catalogue } | { ok: false; errors: string[] };

/** Enough to fix a file; random garbage could otherwise yield thousands of lines. */
const MAX_ERRORS = 50;

/** `services[12].fees[0].amountMinor` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** Fallback wording for issues the schema did not word itself. */
function fallbackMessage(issue: { code?: string; input?: unknown }): string | undefined {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  return undefined;
}

function capped(errors: string[]): string[] {
  if (errors.length <= MAX_ERRORS) return errors;
  return [...errors.slice(0, MAX_ERRORS), `… and ${errors.length - MAX_ERRORS} more`];
}

/** Validates a catalogue (shape, then cross-references). Never throws. */
export function parseCatalogue(json: unknown): ParseCatalogueResult {
  try {
    const parsed = catalogueSchema.safeParse(json, { error: fallbackMessage });
    if (!parsed.success) {
      return { ok: false, errors: capped(parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`)) };
    }
    const errors = crossCheckCatalogue(parsed.data);
    return errors.length === 0 ? { ok: true, catalogue: parsed.data } : { ok: false, errors: capped(errors) };
  } catch (err) {
    // Exotic inputs (throwing getters, proxies) must still come back as data, not exceptions.
    return { ok: false, errors: [`(root): catalogue could not be read (${err instanceof Error ? err.name : 'error'})`] };
  }
}
