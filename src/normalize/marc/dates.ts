import type { PublicationDate } from '../../model/record.js';

/**
 * The publication date from the 260/264 $c dates (VuFind's publishDate reads only these):
 * the first with a year, read leniently ("c1992", "[2004]", "[0800]", "1926-1933"); else
 * 008/07-10 (Date 1) when it is four digits. "500 B.C." has no year the model can hold:
 * it is kept as text.
 */
export function marcPublicationDate(dates: readonly string[], fixed: string | undefined): PublicationDate {
  for (const text of dates) {
    const year = /(?:^|\D)(\d{4})(?!\d)/u.exec(text)?.[1] ?? (/^\[?(\d{3})\]?$/u.exec(text.trim())?.[1]);
    if (year === undefined) continue;
    const date: PublicationDate = { year: Number(year) };
    if (!/^\d{4}$/u.test(text)) date.text = text;
    return date;
  }
  const date1 = fixed?.slice(7, 11);
  const dateType = fixed?.charAt(6);
  if (date1 && /^\d{4}$/u.test(date1) && dateType !== 'b' && dateType !== 'n' && Number(date1) > 0) return { year: Number(date1) };
  const text = dates.find((value) => value.trim() !== '');
  return text ? { text } : {};
}
