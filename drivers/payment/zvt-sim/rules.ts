/** How the simulated terminal decides a payment. Data-driven so tests and demos can swap it. */
export type Decision = { approve: true } | { approve: false; resultCode: number };

export type DecisionRule = (amountMinor: number, currencyNumeric: number) => Decision;

/** ZVT result code 0x05 lies in the authorisation host's range (01-63): "do not honour". */
export const DECLINE_DO_NOT_HONOUR = 0x05;

/** Default: decline when the amount's last two minor-unit digits are 13 (e.g. 1.013 KWD), approve otherwise. */
export const defaultDecisionRule: DecisionRule = (amountMinor) =>
  amountMinor % 100 === 13 ? { approve: false, resultCode: DECLINE_DO_NOT_HONOUR } : { approve: true };

/** The simulated card presented by the "visitor". PAN digits here are already masked. */
export interface SimCard {
  maskedPan: string;
  cardType: number;
  cardName: string;
}

export const DEFAULT_SIM_CARD: SimCard = Object.freeze({
  maskedPan: '************4242',
  cardType: 10,
  cardName: 'Visa',
});
