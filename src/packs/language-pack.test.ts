import { test } from 'node:test'
import assert from 'node:assert/strict'
import { availablePacks, loadPack } from './language-pack.js'

test('inClass, classValue and oneWordForms answer from the single-token forms of a class, the first entry of a form giving its value', () => {
  for (const code of availablePacks()) {
    const pack = loadPack(code)
    for (const [name, cls] of pack.classes) {
      const forms = pack.oneWordForms(name)
      for (const [key, entries] of cls) {
        const one = entries.find((e) => e.tokens.length === 1)
        assert.equal(pack.inClass(name, key), one !== undefined, `${code} {${name}} ${key}`)
        assert.equal(pack.classValue(name, key), one?.value, `${code} {${name}} ${key}`)
        assert.equal(forms.get(key), one?.value)
      }
      assert.equal(pack.inClass(name, 'zzqx-not-a-word'), false)
      assert.equal(pack.classValue(name, 'zzqx-not-a-word'), undefined)
    }
    assert.equal(pack.inClass('no-such-class', 'a'), false)
    assert.equal(pack.oneWordForms('no-such-class').size, 0)
  }
})
