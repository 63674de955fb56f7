// CSV cells the app writes and reads, safe from spreadsheet formulas: the same rules as the
// server's (src/core/text.h). A text cell that a spreadsheet could run as a formula (it starts
// with =, +, -, @, a tab or a CR, is more than that sign, and is not a plain number such as
// "-3.5") gets a leading apostrophe and is quoted; reading undoes exactly that, so ids and names
// come back unchanged.

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

// True when a spreadsheet could run `text` as a formula (apostrophes already in front count, so
// that fromSpreadsheetSafe undoes spreadsheetSafe exactly).
export function needsFormulaGuard(text) {
  const rest = text.replace(/^'+/, '');
  // A sign alone computes nothing (and "-" is DfE's symbol for nil): it stays as it is.
  return rest.length > 1 && FORMULA_START.test(rest) && !PLAIN_NUMBER.test(rest);
}

export const spreadsheetSafe = (text) => (needsFormulaGuard(text) ? `'${text}` : text);

export function fromSpreadsheetSafe(text) {
  return text.startsWith("'") && needsFormulaGuard(text.slice(1)) ? text.slice(1) : text;
}

// One CSV cell: numbers as they are; text made spreadsheet-safe, then quoted when it needs it.
export function csvCell(value) {
  if (value === null || value === undefined) return '';
  const raw = String(value);
  const text = typeof value === 'number' ? raw : spreadsheetSafe(raw);
  return text !== raw || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(header, rows) {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
