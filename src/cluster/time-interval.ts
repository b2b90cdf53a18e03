/**
 * The days an event can have happened on, from a TIMEX3 value or the publication date: `2023-09-11` is one day,
 * `2023-09` a month, `2023-W36` a week, `2023` a year. Values that are not calendar dates (PRESENT_REF, P3Y…) give
 * none, and the caller falls back to the publication date.
 */
export interface DayInterval {
  /** Days since 1970-01-01, inclusive. */
  start: number
  end: number
}

const DAY = 86_400_000

function day(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY)
}

/** The interval of a date-like TIMEX3 value, or undefined. */
export function intervalOf(value: string | undefined): DayInterval | undefined {
  if (!value) return undefined
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(value)
  if (m) { const d = day(+m[1]!, +m[2]!, +m[3]!); return { start: d, end: d } }
  m = /^(\d{4})-(\d{2})$/.exec(value)
  if (m) return { start: day(+m[1]!, +m[2]!, 1), end: day(+m[1]!, +m[2]! + 1, 1) - 1 }
  m = /^(\d{4})-W(\d{2})(?:-WE)?$/.exec(value)
  if (m) {
    // ISO week: week 1 holds January 4th; weeks start on Monday
    const jan4 = day(+m[1]!, 1, 4)
    const weekday = (new Date(jan4 * DAY).getUTCDay() + 6) % 7
    const start = jan4 - weekday + (+m[2]! - 1) * 7
    return { start, end: start + 6 }
  }
  m = /^(\d{4})-Q([1-4])$/.exec(value)
  if (m) { const q = +m[2]!; return { start: day(+m[1]!, q * 3 - 2, 1), end: day(+m[1]!, q * 3 + 1, 1) - 1 } }
  m = /^(\d{4})-H([12])$/.exec(value)
  if (m) { const h = +m[2]!; return { start: day(+m[1]!, h * 6 - 5, 1), end: day(+m[1]!, h * 6 + 1, 1) - 1 } }
  m = /^(\d{4})(?:-(?:SP|SU|FA|WI))?$/.exec(value)
  if (m) return { start: day(+m[1]!, 1, 1), end: day(+m[1]! + 1, 1, 1) - 1 }
  m = /^(\d{3})$/.exec(value)
  if (m) return { start: day(+m[1]! * 10, 1, 1), end: day(+m[1]! * 10 + 10, 1, 1) - 1 }
  return undefined
}

/** True when the intervals overlap once each is widened by `slack` days (reports lag, time zones differ). */
export function overlaps(a: DayInterval | undefined, b: DayInterval | undefined, slack = 0): boolean {
  if (!a || !b) return true
  return a.start - slack <= b.end + slack && b.start - slack <= a.end + slack
}

/** The days both allow; when they only meet through the slack, the narrower of the two. */
export function intersect(a: DayInterval | undefined, b: DayInterval | undefined): DayInterval | undefined {
  if (!a) return b
  if (!b) return a
  const start = Math.max(a.start, b.start), end = Math.min(a.end, b.end)
  if (start <= end) return { start, end }
  return a.end - a.start <= b.end - b.start ? a : b
}

/** ISO date of a day number. */
export function isoDay(n: number): string {
  return new Date(n * DAY).toISOString().slice(0, 10)
}

/** Day number of an ISO date (YYYY-MM-DD). */
export function dayOf(iso: string): number {
  return Math.floor(Date.parse(iso.slice(0, 10) + 'T00:00:00Z') / DAY)
}
