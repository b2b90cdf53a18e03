/**
 * Binary search over lists kept in text order (tokens, mentions, candidates, times …): where the first item whose
 * position is at or after a given one stands.
 */

/** The index of the first item of `list` (sorted by `position`) whose position is ≥ `at`; `list.length` when none. */
export function firstAtOrAfter<T>(list: readonly T[], position: (item: T) => number, at: number): number {
  let lo = 0, hi = list.length
  while (lo < hi) { const mid = (lo + hi) >> 1; if (position(list[mid]!) < at) lo = mid + 1; else hi = mid }
  return lo
}
