/** ZVT payment terminal: the ECR driver (kiosk side) and a terminal simulator (device side). */
export { ZvtPaymentTerminal, createZvtTerminal, type ZvtDriverState } from './driver.ts';
export { DEFAULT_TIMEOUTS, type ZvtConfig, type ZvtTimeouts } from './config.ts';
export { DEFAULT_REG_CONFIG, REG_CONFIG, GENERIC_PROGRESS_PROFILE, resultText } from './codes.ts';
export { ZvtLink, type LinkOptions, type SendResult } from './link.ts';
export { FrameDecoder, encodeFrame, type DecoderEvent } from './framing.ts';
export { crc16, frameCrc } from './crc.ts';
export { encodeApdu, parseApdu, type Apdu } from './apdu.ts';
export {
  ZvtTerminalSimulator,
  createZvtSimulator,
  type ZvtFault,
  type ZvtSimulatorOptions,
} from '../zvt-sim/simulator.ts';
export { defaultDecisionRule, type DecisionRule, type SimCard } from '../zvt-sim/rules.ts';
export type { JournalEntry } from '../zvt-sim/journal.ts';
