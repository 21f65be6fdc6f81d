/**
 * A short numeric reference per payment, printed and shown, so a visitor (or a technician)
 * can have a receipt printed again later by typing it on the keypad.
 */
export const sql = `
ALTER TABLE transactions ADD COLUMN reference TEXT;
CREATE UNIQUE INDEX transactions_reference ON transactions(reference) WHERE reference IS NOT NULL;
`;
