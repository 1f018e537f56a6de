// ---------------------------------------------------------------------------
// Dates

const MONTHS: ReadonlyMap<string, number> = new Map([
  ["januar", 1],
  ["jänner", 1],
  ["january", 1],
  ["jan", 1],
  ["februar", 2],
  ["february", 2],
  ["feb", 2],
  ["märz", 3],
  ["maerz", 3],
  ["march", 3],
  ["mär", 3],
  ["mrz", 3],
  ["mar", 3],
  ["april", 4],
  ["apr", 4],
  ["mai", 5],
  ["may", 5],
  ["juni", 6],
  ["june", 6],
  ["jun", 6],
  ["juli", 7],
  ["july", 7],
  ["jul", 7],
  ["august", 8],
  ["aug", 8],
  ["september", 9],
  ["sept", 9],
  ["sep", 9],
  ["oktober", 10],
  ["october", 10],
  ["okt", 10],
  ["oct", 10],
  ["november", 11],
  ["nov", 11],
  ["dezember", 12],
  ["december", 12],
  ["dez", 12],
  ["dec", 12],
]);
/** The number (1–12) of a German or English month's name or abbreviation, any case. */
export function monthNumber(name: string): number | undefined {
  return MONTHS.get(name.toLowerCase());
}

const MONTH_PATTERN = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join("|");

interface DatePattern {
  pattern: RegExp;
  toParts: (match: RegExpExecArray) => { year: string; month: string | number; day: string } | null;
}

const DATE_PATTERNS: readonly DatePattern[] = [
  // 2023-09-05
  { pattern: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/u, toParts: (m) => ({ year: m[1] ?? "", month: m[2] ?? "", day: m[3] ?? "" }) },
  // 05.09.2023, 5.9.2023, 5. 9. 2023, 05.09.23
  {
    pattern: /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?![\d])/u,
    toParts: (m) => ({ year: m[3] ?? "", month: m[2] ?? "", day: m[1] ?? "" }),
  },
  // 05. September 2023, 5 September 2023, 5th September 2023
  {
    pattern: new RegExp(`(?<!\\d)(\\d{1,2})(?:\\.|st|nd|rd|th)?\\s*(${MONTH_PATTERN})\\.?,?\\s+(\\d{4})\\b`, "iu"),
    toParts: (m) => ({ year: m[3] ?? "", month: (m[2] ?? "").toLowerCase(), day: m[1] ?? "" }),
  },
  // September 5, 2023 / Sept. 5th 2023
  {
    pattern: new RegExp(`\\b(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "iu"),
    toParts: (m) => ({ year: m[3] ?? "", month: (m[1] ?? "").toLowerCase(), day: m[2] ?? "" }),
  },
];

/**
 * The first calendar date stated in `text` as ISO "YYYY-MM-DD", or null.
 * Understands "2023-09-05", "05.09.2023", "5.9.23", "05. September 2023",
 * "5 September 2023" and "September 5, 2023". Impossible dates are ignored.
 */
export function parseDate(text: string): string | null {
  let best: { index: number; iso: string } | null = null;
  for (const { pattern, toParts } of DATE_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const parts = toParts(match);
    const iso = parts ? toIsoDate(parts.year, parts.month, parts.day) : null;
    if (iso !== null && (best === null || match.index < best.index)) best = { index: match.index, iso };
  }
  return best?.iso ?? null;
}

function toIsoDate(yearText: string, monthValue: string | number, dayText: string): string | null {
  let year = Number(yearText);
  // Two-digit years in news text are this century ("5.9.23").
  if (yearText.length === 2) year += 2000;
  const month = typeof monthValue === "number" ? monthValue : (MONTHS.get(monthValue) ?? Number(monthValue));
  const day = Number(dayText);
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
