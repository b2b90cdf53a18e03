/**
 * The quality gate: current evaluation figures against the committed baseline (eval/baseline.json). A figure
 * that drops by more than the tolerance fails the gate; one that rises is reported so the baseline can be raised.
 */

/** Figures by suite, then by metric name (an F1 or an accuracy, 0..1). */
export type Figures = Record<string, Record<string, number>>

export interface GateResult {
  ok: boolean
  drops: string[]
  rises: string[]
  missing: string[]
}

export function compareWithBaseline(current: Figures, baseline: Figures, tolerance = 0.01): GateResult {
  const drops: string[] = [], rises: string[] = [], missing: string[] = []
  for (const [suite, metrics] of Object.entries(baseline)) {
    const now = current[suite]
    if (!now) { missing.push(suite); continue }
    for (const [name, base] of Object.entries(metrics)) {
      const value = now[name]
      if (value === undefined) { drops.push(`${suite}.${name}: missing (baseline ${base})`); continue }
      if (value < base - tolerance - 1e-9) drops.push(`${suite}.${name}: ${value.toFixed(3)} < baseline ${base.toFixed(3)}`)
      else if (value > base + 1e-9) rises.push(`${suite}.${name}: ${value.toFixed(3)} > baseline ${base.toFixed(3)}`)
    }
  }
  return { ok: drops.length === 0, drops, rises, missing }
}
