import type { PublicationDate } from '../model/record.js';

const YEAR = /(?:^|\D)(1[5-9]\d{2}|20\d{2})(?!\d)/;
const ISO_DAY = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:T|$)/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A publication date from VuFind's `publishDate` values (a multi-valued string: usually
 * years, sometimes "c1998", "1922-1975", "2010 Sep-Oct", "2023-08-31"). Returns an empty
 * object when no year can be found.
 */
export function parsePublicationDate(values: readonly string[]): PublicationDate {
  for (const raw of values) {
    const text = raw.trim();
    if (!text) continue;
    const iso = ISO_DAY.exec(text);
    if (iso) {
      const date = checkedDate(Number(iso[1]), Number(iso[2]), iso[3] === undefined ? undefined : Number(iso[3]));
      if (date) return date;
    }
    const year = YEAR.exec(text);
    if (!year) continue;
    const date: PublicationDate = { year: Number(year[1]) };
    if (!/^\d{4}$/.test(text)) {
      const month = monthOf(text);
      if (month !== undefined) date.month = month;
      // "1922-1975", "c1998", "2010 Sep-Oct": keep the text for formats that can show it.
      date.text = text;
    }
    return date;
  }
  return {};
}

function monthOf(text: string): number | undefined {
  const words = text.toLowerCase().split(/[^a-z]+/);
  if (words.filter((word) => MONTHS.includes(word.slice(0, 3)) && word.length >= 3).length !== 1) return undefined;
  const word = words.find((w) => w.length >= 3 && MONTHS.includes(w.slice(0, 3)));
  return word ? MONTHS.indexOf(word.slice(0, 3)) + 1 : undefined;
}

/** A valid calendar date or undefined ("2023-02-30" is not one). */
export function checkedDate(year: number, month: number, day?: number): PublicationDate | undefined {
  if (!(month >= 1 && month <= 12)) return undefined;
  if (day === undefined) return { year, month };
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return { year, month, day };
}
