// The actor network (sigma + graphology): actors as nodes sized by the reports that name them, linked by the
// events between them; edges redden with the share of conflict (quad 3–4) reports.
import { useEffect, useRef, useState } from 'preact/hooks'
import Graph from 'graphology'
import forceAtlas2 from 'graphology-layout-forceatlas2'
import Sigma from 'sigma'
import { getJson } from '../api.ts'
import type { Network } from '../corpus-api.ts'

const TYPE_COLORS: Record<string, string> = { PER: '#2563eb', ORG: '#7c3aed', LOC: '#059669', MISC: '#6b7280' }

export function NetworkView() {
  const [data, setData] = useState<Network | undefined>()
  const [error, setError] = useState('')
  const [picked, setPicked] = useState<string | undefined>()
  const box = useRef<HTMLDivElement>(null)

  useEffect(() => { getJson<Network>('/v1/network', { nodes: 120 }).then(setData).catch((e: Error) => setError(e.message)) }, [])

  useEffect(() => {
    const el = box.current
    if (!el || !data || data.nodes.length === 0) return
    const graph = new Graph({ type: 'directed', multi: false })
    const max = Math.max(...data.nodes.map((n) => n.reports), 1)
    data.nodes.forEach((n, i) => {
      const a = (2 * Math.PI * i) / data.nodes.length
      graph.addNode(n.key, {
        label: n.name, x: Math.cos(a), y: Math.sin(a),
        size: 4 + 12 * Math.sqrt(n.reports / max), color: TYPE_COLORS[n.type ?? 'MISC'] ?? '#6b7280',
      })
    })
    for (const e of data.edges) {
      if (!graph.hasNode(e.source) || !graph.hasNode(e.target) || graph.hasEdge(e.source, e.target)) continue
      const red = Math.round(120 + 135 * e.conflict), blue = Math.round(170 - 120 * e.conflict)
      graph.addEdge(e.source, e.target, { size: 1 + Math.log2(1 + e.reports), color: `rgb(${red}, 120, ${blue})`, label: Object.keys(e.types).join(', ') })
    }
    forceAtlas2.assign(graph, { iterations: 300, settings: { ...forceAtlas2.inferSettings(graph), gravity: 1, scalingRatio: 8 } })
    const renderer = new Sigma(graph, el, { settings: { renderEdgeLabels: false, labelRenderedSizeThreshold: 0, labelDensity: 1, itemSizesReference: 'screen', stagePadding: 40 } })
    renderer.on('clickNode', ({ node }) => setPicked(node))
    return () => renderer.kill()
  }, [data])

  const node = picked ? data?.nodes.find((n) => n.key === picked) : undefined
  const links = picked ? data?.edges.filter((e) => e.source === picked || e.target === picked) ?? [] : []
  const name = (k: string) => data?.nodes.find((n) => n.key === k)?.name ?? k
  return (
    <div class="chart-panel">
      <div class="chart-controls">
        {data && <span class="muted" id="network-summary">{data.nodes.length} actors, {data.edges.length} links from {data.events} events</span>}
        <span class="legend-item"><span class="swatch" style="background:#2563eb" /> person</span>
        <span class="legend-item"><span class="swatch" style="background:#7c3aed" /> organisation</span>
        <span class="legend-item"><span class="swatch" style="background:#059669" /> country / place</span>
        <span class="muted">edge colour: blue cooperation → red conflict</span>
      </div>
      {error && <div class="error">{error}</div>}
      {data && data.nodes.length === 0 && <p class="muted">No events between actors yet.</p>}
      <div ref={box} id="network-canvas" />
      {node && (
        <div class="evidence">
          <strong>{node.name}</strong> <code>{node.key}</code> — {node.reports} reports in {node.events} events.{' '}
          <a href={`#/corpus?actor=${encodeURIComponent(node.key)}`}>its events as actor</a>
          <ul>{links.map((e) => <li>{name(e.source)} → {name(e.target)}: {Object.entries(e.types).map(([t, n]) => `${t} ×${n}`).join(', ')}</li>)}</ul>
        </div>
      )}
    </div>
  )
}
