// The Kronika web UI: an article view, a corpus view, and timeline, network and map views of the stored events.
// Hash routes (#/article, #/doc/ID, #/corpus, #/timeline, #/network, #/map) keep it one static page.
import { render } from 'preact'
import { lazy, Suspense } from 'preact/compat'
import { useEffect, useState } from 'preact/hooks'
import { ArticleView } from './views/article.tsx'
import './style.css'

const CorpusView = lazy(() => import('./views/corpus.tsx').then((m) => ({ default: m.CorpusView })))
const TimelineView = lazy(() => import('./views/timeline.tsx').then((m) => ({ default: m.TimelineView })))
const NetworkView = lazy(() => import('./views/network.tsx').then((m) => ({ default: m.NetworkView })))
const MapView = lazy(() => import('./views/map.tsx').then((m) => ({ default: m.MapView })))

interface Route { view: string; id?: string; query: URLSearchParams }

function parseHash(): Route {
  const raw = location.hash.replace(/^#\/?/, '')
  const [path = '', qs = ''] = raw.split('?')
  const [view = 'article', id] = path.split('/')
  return { view: view || 'article', ...(id ? { id: decodeURIComponent(id) } : {}), query: new URLSearchParams(qs) }
}

const NAV = [['article', 'Article'], ['corpus', 'Corpus'], ['timeline', 'Timeline'], ['network', 'Network'], ['map', 'Map']] as const

function App() {
  const [route, setRoute] = useState(parseHash)
  useEffect(() => {
    const on = () => setRoute(parseHash())
    window.addEventListener('hashchange', on)
    return () => window.removeEventListener('hashchange', on)
  }, [])
  const active = route.view === 'doc' ? 'article' : route.view
  const at = route.query.get('at')
  return (
    <>
      <header class="top">
        <a class="brand" href="#/article">Kronika</a>
        <nav>
          {NAV.map(([v, label]) => <a href={`#/${v}`} class={active === v ? 'active' : ''} id={`nav-${v}`}>{label}</a>)}
        </nav>
        <span class="spacer" />
        <a href="/docs/" target="_blank" class="muted">API</a>
      </header>
      <main>
        <Suspense fallback={<p class="muted">Loading…</p>}>
          {route.view === 'corpus' ? <CorpusView query={route.query} />
            : route.view === 'timeline' ? <TimelineView />
            : route.view === 'network' ? <NetworkView />
            : route.view === 'map' ? <MapView />
            : route.view === 'doc' && route.id ? <ArticleView docId={route.id} {...(at ? { at: Number(at) } : {})} />
            : <ArticleView />}
        </Suspense>
      </main>
    </>
  )
}

render(<App />, document.getElementById('app')!)
