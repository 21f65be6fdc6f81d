import { sql as m001 } from './001-initial.ts';
import { sql as m002 } from './002-records.ts';
import { sql as m003 } from './003-payment-reference.ts';
import { sql as m005 } from './005-gateway-flags.ts';

// TEMPORARY (branch issue-11b): 004 belongs to the lead's branch; this empty placeholder keeps
// 005 at its number here. Replace it with the real 004 at merge.
const m004Placeholder = '-- placeholder for 004 (see issue 11)';

/** Numbered migrations, applied in order; index + 1 is the schema version in user_version. */
export const migrations: readonly string[] = [m001, m002, m003, m004Placeholder, m005];
