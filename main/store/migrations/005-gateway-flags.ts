/**
 * What the gateway said about a delivered payment beyond "recorded": today an overpayment (the
 * bill or fine was already paid, so the amount is a credit owed to the payer). Kept on the
 * transaction so a technician and the fleet see that a refund or credit is owed.
 */
export const sql = `
ALTER TABLE transactions ADD COLUMN overpaid_minor INTEGER CHECK (overpaid_minor IS NULL OR overpaid_minor > 0);
ALTER TABLE transactions ADD COLUMN gateway_flags_json TEXT;
CREATE INDEX transactions_overpaid ON transactions(overpaid_minor) WHERE overpaid_minor IS NOT NULL;
`;
