/**
 * Dates as readers of Arabic expect them: Gregorian with Arabic month names (the names Egyptian and
 * Gulf outlets print: يناير … ديسمبر) and the Hijri (Umm al-Qura) date beside it. Digits stay Western
 * (0-9), as the sources themselves write them. Dates are calendar days (YYYY-MM-DD), so they are read
 * and formatted in UTC: no time zone can shift a day.
 */
import { DateTime } from 'luxon';

const GREGORIAN_LOCALE = 'ar-EG';
const HIJRI_CALENDAR = 'islamic-umalqura';

/** Parse a YYYY-MM-DD calendar day; throws with the offending text when it is not a real date. */
export function parseDay(iso: string): DateTime {
  const day = DateTime.fromISO(iso, { zone: 'utc' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || !day.isValid) throw new Error(`not a calendar date (YYYY-MM-DD): "${iso}"`);
  return day;
}

// Building an Intl.DateTimeFormat costs far more than formatting with one, and a build formats the same few
// hundred days over and over (every card, every claim): formatters are made once per pattern, and each
// (pattern, day) is formatted once.
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatted = new Map<string, string>();

function format(iso: string, options: Intl.DateTimeFormatOptions, calendar?: string): string {
  const key = `${calendar ?? ''}|${Object.keys(options).join(',')}|${iso}`;
  const done = formatted.get(key);
  if (done !== undefined) return done;
  const pattern = key.slice(0, key.lastIndexOf('|'));
  let formatter = formatters.get(pattern);
  if (!formatter) {
    const locale = `${GREGORIAN_LOCALE}-u-nu-latn${calendar ? `-ca-${calendar}` : ''}`;
    formatters.set(pattern, (formatter = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options })));
  }
  const text = formatter.format(parseDay(iso).toJSDate());
  formatted.set(key, text);
  return text;
}

/** "15 سبتمبر 2023" */
export function arabicDate(iso: string): string {
  return format(iso, { day: 'numeric', month: 'long', year: 'numeric' });
}

/** "الجمعة 15 سبتمبر 2023" */
export function arabicDateWithWeekday(iso: string): string {
  return format(iso, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

/**
 * "30 صفر 1445 هـ" (Umm al-Qura calendar; a local sighting may differ by a day). After the day's number
 * the month is in the genitive: «14 ذي الحجة», not ICU's «ذو الحجة».
 */
export function hijriDate(iso: string): string {
  return format(iso, { day: 'numeric', month: 'long', year: 'numeric' }, HIJRI_CALENDAR).replace(/ذو (?=القعدة|الحجة)/u, 'ذي ');
}

/** "سبتمبر" */
export function arabicMonthName(month: number): string {
  return format(`2000-${String(month).padStart(2, '0')}-01`, { month: 'long' });
}

/** "سبتمبر 2023" */
export function arabicMonthYear(iso: string): string {
  return format(iso, { month: 'long', year: 'numeric' });
}

/**
 * A publication timestamp with offset ("2024-06-20T12:06:03+03:00") as printed: "20 يونيو 2024، 12:06
 * (UTC+3)", keeping the outlet's own clock rather than the reader's.
 */
export function arabicTimestamp(isoWithOffset: string): string {
  const t = DateTime.fromISO(isoWithOffset, { setZone: true });
  if (!t.isValid) throw new Error(`not an ISO 8601 timestamp: "${isoWithOffset}"`);
  const day = arabicDate(t.toISODate()!);
  const offset = t.offset === 0 ? 'UTC' : `UTC${t.toFormat('Z')}`;
  return `${day}، ${t.toFormat('HH:mm')} (${offset})`;
}
