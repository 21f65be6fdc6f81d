import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { loadConfigFile } from '../config.ts';
import { openDatabase } from '../store/database.ts';
import { AuditRepo } from '../store/audit-repo.ts';
import { AccountError, TechnicianAccounts, type TechnicianRole } from './accounts.ts';

/**
 * `npm run technician -- add NAME --role supervisor`: creates a technician account on this
 * kiosk (the first one is how a production kiosk gets any). The PIN is read from the
 * terminal without echo, twice, or from one line of stdin when piped. Also `list`, `remove NAME`.
 */
const USAGE = 'usage: npm run technician -- add NAME [--role technician|supervisor] | list | remove NAME   [--config khidma.config.json]';

async function readPin(): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) return line.trim();
    return '';
  }
  const ask = (prompt: string) =>
    new Promise<string>((res) => {
      process.stdout.write(prompt);
      const stdin = process.stdin;
      stdin.setRawMode(true);
      stdin.resume();
      let pin = '';
      const onData = (b: Buffer) => {
        for (const ch of b.toString('utf8')) {
          if (ch === '\r' || ch === '\n') {
            stdin.setRawMode(false);
            stdin.pause();
            stdin.off('data', onData);
            process.stdout.write('\n');
            return res(pin);
          }
          if (ch === '\u0003') process.exit(130);
          if (ch === '\u007f') pin = pin.slice(0, -1);
          else pin += ch;
        }
      };
      stdin.on('data', onData);
    });
  const a = await ask('PIN (6-8 digits): ');
  const b = await ask('PIN again: ');
  if (a !== b) throw new AccountError('the two PINs differ');
  return a;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { role: { type: 'string', default: 'technician' }, config: { type: 'string', default: process.env.KHIDMA_CONFIG ?? 'khidma.config.json' } },
  });
  const [command, name] = positionals;
  const config = loadConfigFile(values.config);
  const db = openDatabase(join(resolve(config.dataDir), 'kiosk.sqlite'));
  const accounts = new TechnicianAccounts(db);
  try {
    if (command === 'list') {
      for (const a of accounts.list()) process.stdout.write(`${a.name}\t${a.role}${a.demo ? '\t(demo)' : ''}\n`);
      return 0;
    }
    if (command === 'add' && name) {
      if (values.role !== 'technician' && values.role !== 'supervisor') throw new AccountError('--role is technician or supervisor');
      const account = await accounts.add(name, values.role as TechnicianRole, await readPin());
      new AuditRepo(db).append({ at: new Date().toISOString(), actor: 'console', action: 'tech.accountAdded', detail: { name: account.name, role: account.role } });
      process.stdout.write(`added ${account.name} (${account.role})\n`);
      return 0;
    }
    if (command === 'remove' && name) {
      const removed = accounts.remove(name);
      if (removed) new AuditRepo(db).append({ at: new Date().toISOString(), actor: 'console', action: 'tech.accountRemoved', detail: { name } });
      process.stdout.write(removed ? `removed ${name}\n` : `no technician named ${name}\n`);
      return removed ? 0 : 1;
    }
    process.stderr.write(`${USAGE}\n`);
    return 2;
  } catch (err) {
    process.stderr.write(`${err instanceof AccountError ? err.message : String(err)}\n`);
    return 1;
  } finally {
    db.close();
  }
}

process.exitCode = await main();
