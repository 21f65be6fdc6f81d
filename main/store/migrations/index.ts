import { sql as m001 } from './001-initial.ts';
import { sql as m002 } from './002-records.ts';
import { sql as m003 } from './003-payment-reference.ts';
import { sql as m006 } from './006-end-of-day.ts';

// TEMPORARY (branch issue-11a): 004 and 005 are the lead's (issue 11); these empty placeholders
// only keep 006 at its number until they are merged. Replace them with the real imports then.
const m004 = '-- placeholder for 004';
const m005 = '-- placeholder for 005';

/** Numbered migrations, applied in order; index + 1 is the schema version in user_version. */
export const migrations: readonly string[] = [m001, m002, m003, m004, m005, m006];
