import { sql as m001 } from './001-initial.ts';
import { sql as m002 } from './002-records.ts';
import { sql as m003 } from './003-payment-reference.ts';
import { sql as m004 } from './004-payable-holds.ts';
import { sql as m005 } from './005-gateway-flags.ts';
import { sql as m006 } from './006-end-of-day.ts';
import { sql as m007 } from './007-technician.ts';

/** Numbered migrations, applied in order; index + 1 is the schema version in user_version. */
export const migrations: readonly string[] = [m001, m002, m003, m004, m005, m006, m007];
