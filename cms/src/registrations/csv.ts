/**
 * RFC 4180 CSV with a UTF-8 BOM (so spreadsheet software reads the accents), CRLF line ends, every
 * field quoted. A cell starting with = + - @ or a tab is prefixed with a quote: an attendee's name
 * must never run as a formula in the volunteer's spreadsheet (OWASP "CSV injection").
 */
export function toCsv(header: string[], rows: string[][]): string {
  const cell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
