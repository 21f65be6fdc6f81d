import { abortCommand, positiveAck } from './commands.ts';
import type { ZvtTimeouts } from './config.ts';
import type { Inbox } from './inbox.ts';
import type { SendResult, ZvtLink } from './link.ts';
import type { StatusInfo } from './status-info.ts';
import type { TerminalMessage } from './terminal-messages.ts';

export type InboxItem = TerminalMessage | { type: 'linkClosed' } | { type: 'malformed'; error: string };

/** How one ECR command ended, before it is mapped to the kiosk's outcome types. */
export type ExchangeResult =
  | { kind: 'completed'; infos: StatusInfo[]; completion: StatusInfo; prints: string[] }
  | { kind: 'abortedByPt'; resultCode?: number; infos: StatusInfo[] }
  /** 84 xx: the terminal refused the command; nothing was started. */
  | { kind: 'refused'; code: number }
  /** The frame was never ACKed. 'noAck' may still mean it arrived (lost ACK). */
  | { kind: 'notDelivered'; reason: Exclude<SendResult, 'acked'> }
  /** Delivered, then the link dropped or the terminal fell silent. */
  | { kind: 'lost'; reason: 'linkLost' | 'noCommandAnswer' | 'completionTimeout' };

export interface ExchangeContext {
  link: ZvtLink;
  inbox: Inbox<InboxItem>;
  timeouts: ZvtTimeouts;
  onPhase(phase: 'commandSent' | 'ptMaster'): void;
  /** Asked at each intermediate status: true → answer 06 B0 instead of 80 00 00. */
  takeAbortRequest(): boolean;
}

export interface ExchangeOptions {
  /**
   * Whether the command frame may be sent again when no ACK comes. False whenever money moves:
   * the terminal may already be working on it and only the ACK was lost.
   */
  resendOnSilence: boolean;
  /** Registration: a terminal may end with 80 00 00 alone, without 06 0F. */
  completionOptional?: boolean;
  /** Log-off: 80 00 00 is the whole answer. */
  answerOnly?: boolean;
  onIntermediate?(msg: Extract<TerminalMessage, { type: 'intermediate' }>): void;
}

/**
 * One ECR command from send to completion. Phases: commandSent (awaiting 80 00 00 within T3),
 * then ptMaster (the terminal holds master rights; every message is answered with 80 00 00 and
 * restarts T4) until 06 0F or 06 1E.
 */
export async function runExchange(ctx: ExchangeContext, command: Uint8Array, opts: ExchangeOptions): Promise<ExchangeResult> {
  const { link, inbox, timeouts } = ctx;
  inbox.clear();
  ctx.onPhase('commandSent');
  const sent = await link.send(command, { resendOnTimeout: opts.resendOnSilence });
  if (sent !== 'acked') return { kind: 'notDelivered', reason: sent };

  const infos: StatusInfo[] = [];
  const prints: string[] = [];
  const reply = async (bytes: Uint8Array): Promise<boolean> =>
    (await link.send(bytes, { resendOnTimeout: true })) !== 'closed';

  let master = false;
  let waitMs = timeouts.commandAnswerMs;
  for (;;) {
    const item = await inbox.next(waitMs);
    if (item === 'timeout') {
      if (!master) return { kind: 'lost', reason: 'noCommandAnswer' };
      if (opts.completionOptional) return { kind: 'completed', infos, completion: {}, prints };
      return { kind: 'lost', reason: 'completionTimeout' };
    }
    if (item.type === 'linkClosed') return { kind: 'lost', reason: 'linkLost' };
    if (item.type === 'nack') {
      if (!master) return { kind: 'refused', code: item.code };
      continue;
    }
    if (!master && opts.answerOnly && item.type === 'ack') return { kind: 'completed', infos, completion: {}, prints };
    if (!master) {
      // 80 00 00, or any terminal message (some terminals skip the answer): master rights passed.
      master = true;
      ctx.onPhase('ptMaster');
    }
    waitMs = opts.completionOptional ? timeouts.commandAnswerMs : timeouts.completionMs;
    let answer: Uint8Array | undefined = positiveAck();
    switch (item.type) {
      case 'ack':
        answer = undefined;
        break;
      case 'intermediate':
        // The terminal may announce its own wait; T4 stays the ceiling the kiosk tolerates.
        if (item.timeoutSec) waitMs = Math.min(item.timeoutSec * 1000, timeouts.completionMs);
        opts.onIntermediate?.(item);
        if (ctx.takeAbortRequest()) answer = abortCommand();
        break;
      case 'statusInfo':
        infos.push(item.info);
        break;
      case 'printLine':
        prints.push(item.text);
        break;
      case 'printBlock':
        prints.push(...item.lines);
        break;
      case 'completion':
        // The outcome is known now; a lost final ACK does not make it unknown.
        await reply(positiveAck());
        return { kind: 'completed', infos, completion: item.info, prints };
      case 'abort':
        await reply(positiveAck());
        return { kind: 'abortedByPt', resultCode: item.resultCode, infos };
      default:
        // Unknown or malformed messages are acknowledged so the terminal carries on.
        break;
    }
    if (answer && !(await reply(answer))) return { kind: 'lost', reason: 'linkLost' };
  }
}
