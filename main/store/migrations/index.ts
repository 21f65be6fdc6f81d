import { sql as m001 } from './001-initial.ts';

/** Numbered migrations, applied in order; index + 1 is the schema version in user_version. */
export const migrations: readonly string[] = [m001];
