import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Progress } from './progress.js'

function fakeStream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const s = { text: '', isTTY, columns: 200, write(chunk: string) { s.text += chunk; return true } }
  return s as unknown as NodeJS.WriteStream & { text: string }
}

test('the bar is drawn on a terminal and nothing is written otherwise', () => {
  const tty = fakeStream(true)
  const p = new Progress(tty)
  p.addTotal(4)
  p.tick('ok')
  p.finish()
  assert.match(tty.text, /ingest \[#*\.*\] 0\/4/)
  assert.match(tty.text, /\r\x1b\[K$/)
  const pipe = fakeStream(false)
  const q = new Progress(pipe)
  q.addTotal(4); q.tick('error'); q.finish()
  assert.equal(pipe.text, '')
})
