import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openSerialTransport } from '../../drivers/transport/serial-transport.ts';
import { ZvtTerminalSimulator } from '../../drivers/payment/zvt-sim/simulator.ts';
import { createPtyPair } from '../support/pty-pair.ts';
import { tempDir } from '../support/temp-dir.ts';
import { openDatabase } from '../../main/store/database.ts';
import { TransactionsRepo } from '../../main/store/transactions-repo.ts';
import { OutboxRepo } from '../../main/store/outbox-repo.ts';
import type { DemoGateway } from '../../main/demo-gateway/server.ts';

/** Where the child is stopped. `postingCommitted` is done by the parent's gateway at its commit. */
export const CRASH_POINTS = ['migration', 'beforeTerminal', 'approvedNotJournaled', 'journaledNotPrinted', 'printedNotPosted', 'postingCommitted'] as const;
export type MatrixPoint = (typeof CRASH_POINTS)[number];

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function runChild(env: Record<string, string>, onSpawn?: (pid: number) => void): Promise<ChildExit> {
  return new Promise((resolve, reject) => {
    // node itself with tsx's loader (not the tsx wrapper), so the SIGKILL lands on the core's own process.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    if (child.pid) onSpawn?.(child.pid);
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export interface CrashCheck {
  point: MatrixPoint;
  crashed: ChildExit;
  restarted: ChildExit;
  integrity: string;
  approved: number;
  /** Approved payments whose posting reached the gateway exactly once. */
  postedOnce: number;
  /** Transactions not approved that the gateway nevertheless has (must be 0). */
  postedNotApproved: number;
  /** Terminal approvals (not reversed) without an approved journal row (must be 0). */
  unjournaledApprovals: number;
  flagged: number;
  pendingOutbox: number;
  states: Record<string, number>;
}

/**
 * One crash-matrix run: a fresh kiosk database and a fresh terminal simulator on a pty pair in
 * THIS process (so its journal outlives the child); the child pays a declined and then an
 * approved amount and dies at `point`; a second child recovers and pays once more; then the
 * invariants are read from the kiosk database, the gateway and the terminal's journal.
 */
export async function runCrashPoint(point: MatrixPoint, gw: DemoGateway, seq: number): Promise<CrashCheck> {
  const dir = tempDir(`crash-${point}`);
  const pty = await createPtyPair('crash');
  const sim = new ZvtTerminalSimulator({ delayScale: 0, cardWaitRepeats: 0, ecrReplyTimeoutMs: 1000, ackTimeoutMs: 400 });
  sim.attach(await openSerialTransport({ path: pty.devicePath, baudRate: 9600 }));
  const base = 1_000 + seq * 1_000;
  const env = { KHIDMA_CRASH_DB: dir.file('kiosk.sqlite'), KHIDMA_CRASH_TERMINAL: pty.hostPath, KHIDMA_CRASH_GATEWAY: gw.url };
  try {
    let childPid = 0;
    let armed = point === 'postingCommitted';
    const crashed = await runChild(
      { ...env, KHIDMA_CRASH_POINT: point === 'postingCommitted' ? '' : point, KHIDMA_CRASH_AMOUNTS: `${base + 13},${base + 250}` },
      (pid) => {
        childPid = pid;
        // The gateway kills the child right after it committed the posting, before answering.
        gw.setCommitHook(() => {
          if (!armed) return;
          armed = false;
          process.kill(childPid, 'SIGKILL');
        });
      },
    );
    gw.setCommitHook(undefined);
    const restarted = await runChild({ ...env, KHIDMA_CRASH_AMOUNTS: `${base + 500}` });

    const db = openDatabase(dir.file('kiosk.sqlite'));
    const transactions = new TransactionsRepo(db);
    const outbox = new OutboxRepo(db);
    const all = (['created', 'authorizing', 'approved', 'declined', 'aborted', 'flagged'] as const).flatMap((s) => transactions.inState(s));
    const approved = all.filter((t) => t.state === 'approved');
    const states: Record<string, number> = {};
    for (const t of all) states[t.state] = (states[t.state] ?? 0) + 1;
    const approvals = sim.journal.filter((e) => e.kind === 'payment' && e.approved && !e.reversed);
    const check: CrashCheck = {
      point,
      crashed,
      restarted,
      integrity: String(db.pragma('integrity_check', { simple: true })),
      approved: approved.length,
      postedOnce: approved.filter((t) => gw.store.postingsFor(t.id).length === 1).length,
      postedNotApproved: all.filter((t) => t.state !== 'approved' && gw.store.postingsFor(t.id).length > 0).length,
      unjournaledApprovals: approvals.filter((e) => !approved.some((t) => t.terminal?.receiptNumber === e.receiptNumber && t.terminal?.traceNumber === e.traceNumber)).length,
      flagged: states.flagged ?? 0,
      pendingOutbox: outbox.depth().pending,
      states,
    };
    db.close();
    return check;
  } finally {
    await sim.close();
    await pty.close();
    dir.remove();
  }
}
