// Calendar dates for the quiz: an instant's local date in an IANA zone, and plain date arithmetic (DST-proof).

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local date (YYYY-MM-DD) of an instant in a time zone, via Intl so DST and offsets are the platform's. */
export function localDate(instant: Date, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

// Dates are civil dates: arithmetic runs in UTC, where every day has 24 hours, so DST never shifts a day.
const toUtc = (date: string) => new Date(`${date}T00:00:00Z`);
const fromUtc = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Monday of the ISO week containing `date`. */
export function weekStart(date: string): string {
  const weekday = (toUtc(date).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(date, -weekday);
}

export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}
