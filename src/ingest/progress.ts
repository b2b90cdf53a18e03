/** A one-line progress bar on standard error, drawn only when it is a terminal (quiet in pipes, logs and CI). */
export class Progress {
  private total = 0
  private counts = { ok: 0, duplicate: 0, error: 0 }
  private last = 0
  private readonly started = Date.now()
  private readonly enabled: boolean

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr, enabled = !!stream.isTTY) {
    this.enabled = enabled
  }

  /** More items became known (a file was read, a feed was listed). */
  addTotal(n: number): void {
    this.total += n
    this.draw()
  }

  tick(status: 'ok' | 'duplicate' | 'error'): void {
    this.counts[status]++
    this.draw()
  }

  private draw(force = false): void {
    if (!this.enabled) return
    const now = Date.now()
    if (!force && now - this.last < 100) return
    this.last = now
    const done = this.counts.ok + this.counts.duplicate + this.counts.error
    const total = Math.max(this.total, done)
    const width = 24
    const filled = total ? Math.round((done / total) * width) : 0
    const rate = done / Math.max(0.001, (now - this.started) / 1000)
    const line = `ingest [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} · ok ${this.counts.ok} · duplicate ${this.counts.duplicate} · error ${this.counts.error} · ${rate.toFixed(1)}/s`
    this.stream.write(`\r${line.slice(0, (this.stream.columns || 120) - 1)}\x1b[K`)
  }

  /** Clears the bar. */
  finish(): void {
    if (!this.enabled) return
    this.stream.write('\r\x1b[K')
  }
}
