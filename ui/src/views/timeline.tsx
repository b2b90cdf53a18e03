// Events per day, week or month (uPlot), one series per PLOVER type, quad class or modality.
import { useEffect, useRef, useState } from 'preact/hooks'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { getJson } from '../api.ts'
import type { Timeline } from '../corpus-api.ts'

const PALETTE = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d', '#ea580c', '#4f46e5', '#0d9488', '#b91c1c', '#a16207', '#9333ea', '#0284c7', '#475569']
const QUAD_COLORS: Record<string, string> = { 0: '#6b7280', 1: '#2563eb', 2: '#059669', 3: '#d97706', 4: '#dc2626' }

export function TimelineView() {
  const [interval, setInterval] = useState('auto')
  const [by, setBy] = useState('type')
  const [data, setData] = useState<Timeline | undefined>()
  const [error, setError] = useState('')
  const box = useRef<HTMLDivElement>(null)

  useEffect(() => {
    getJson<Timeline>('/v1/timeline', { interval, by }).then(setData).catch((e: Error) => setError(e.message))
  }, [interval, by])

  useEffect(() => {
    const el = box.current
    if (!el || !data || data.buckets.length === 0) return
    const xs = data.buckets.map((d) => Date.parse(d + 'T00:00:00Z') / 1000)
    const plot = new uPlot({
      width: Math.max(400, el.clientWidth - 8), height: 420,
      scales: { x: { time: true } },
      axes: [{}, { label: 'events', size: 50, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000] }],
      series: [{}, ...data.series.map((s, i) => ({
        label: s.label, stroke: data.by === 'quad' ? QUAD_COLORS[s.key] ?? '#333' : PALETTE[i % PALETTE.length]!,
        // earlier series are drawn wider, so one hidden under an equal later one still shows at its edges
        width: 1.5 + 1.5 * (data.series.length - 1 - i) / Math.max(1, data.series.length - 1) * 2, points: { show: xs.length < 90, size: 7 },
      }))],
    }, [xs, ...data.series.map((s) => s.counts)] as uPlot.AlignedData, el)
    el.dataset.by = data.by
    return () => { plot.destroy(); delete el.dataset.by }
  }, [data])

  return (
    <div class="chart-panel" id="timeline">
      <div class="chart-controls">
        <label>per <select id="timeline-interval" value={interval} onChange={(e) => setInterval(e.currentTarget.value)}>
          <option value="auto">auto</option><option value="day">day</option><option value="week">week</option><option value="month">month</option>
        </select></label>
        <label>by <select id="timeline-by" value={by} onChange={(e) => setBy(e.currentTarget.value)}>
          <option value="type">event type</option><option value="quad">quad class</option><option value="modality">modality</option>
        </select></label>
        {data && <span class="muted">{data.events} events per {data.interval}{data.undated ? `, ${data.undated} without a date` : ''}</span>}
      </div>
      {error && <div class="error">{error}</div>}
      {data && data.buckets.length === 0 && <p class="muted">No dated events yet.</p>}
      <div ref={box} id="timeline-chart" />
    </div>
  )
}
