export type { DocumentReader, ReadResult, MrzDocument, MrzFormat, MrzErrorCode } from './reader.ts';
export { MrzReaderDriver, type MrzReaderDriverOptions } from './mrz-reader-driver.ts';
export {
  READER_PROFILES,
  readerProfileSchema,
  parseReaderProfile,
  terminatorBytes,
  type ReaderProfile,
  type ReaderProfileId,
  type LineTerminator,
} from './profiles.ts';
export {
  MrzReaderSimulator,
  frameDocument,
  applyFault,
  type MrzReaderSimulatorOptions,
  type SimulatedFault,
} from './mrz-reader-simulator.ts';
export { SPECIMENS, SPECIMEN_IDS, type Specimen, type SpecimenId } from './specimens.ts';
export { parseMrz, runChecks, type ParseOptions, type CheckOutcome } from './mrz-parser.ts';
export { buildMrz, type MrzFields } from './mrz-builder.ts';
export { mrzCheckDigit, isCheckDigitValid } from './check-digit.ts';
export {
  initialAssembler,
  feedAssembler,
  flushAssembler,
  type AssemblerState,
  type AssemblerEvent,
  type FramingRules,
} from './line-assembler.ts';
