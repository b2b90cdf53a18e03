import { test } from 'node:test'
import assert from 'node:assert/strict'
import { run } from '../testing/helpers.js'
import { findReportedSpeech } from './reported-speech.js'

const reports = (text: string) => {
  const doc = run(text, 'en')
  return findReportedSpeech(doc).map((r) => ({ text: r.text, speaker: r.speaker ? doc.entity(r.speaker)?.name : undefined, source: r.source?.text, cue: r.cue.text, rule: r.rule, parts: r.parts }))
}

test('X said that …: the content follows the cue and "that"', () => {
  const [r] = reports('Albin Kurti said on Monday that the border would remain open.')
  assert.equal(r?.text, 'the border would remain open')
  assert.equal(r?.speaker, 'Albin Kurti')
  assert.equal(r?.rule, 'en.statement.cue-before-that')
})

test('…, X said: the content runs from the sentence start to the comma', () => {
  const [r] = reports('The talks will resume next week in Brussels, Josep Borrell said on Friday.')
  assert.equal(r?.text, 'The talks will resume next week in Brussels')
  assert.equal(r?.speaker, 'Josep Borrell')
  assert.equal(r?.rule, 'en.statement.cue-after')
})

test('according to X, …', () => {
  const [r] = reports('According to Dmitry Peskov, the two leaders will meet in Vladivostok.')
  assert.equal(r?.text, 'the two leaders will meet in Vladivostok')
  assert.equal(r?.speaker, 'Dmitry Peskov')
})

test('quoted words are left to the quotes layer; a reporting noun is not a cue', () => {
  assert.deepEqual(reports('“We will not allow violence,” Kurti said.'), [])
  assert.deepEqual(reports('The reports of shelling in the swing states of the east were false.'), [])
})

test('a transcript turn: NAME: … to the end of the paragraph', () => {
  const [r] = reports('PUTIN: The talks were useful. We will meet again.\n\nThe meeting ended at noon.')
  assert.equal(r?.text, 'The talks were useful. We will meet again')
  assert.equal(r?.rule, 'en.statement.transcript-turn')
})

test('an apposition between the subject and the cue: the content follows the cue', () => {
  const [r] = reports('The port director, Anna Berg, said the harbour would reopen after the storm.')
  assert.equal(r?.text, 'the harbour would reopen after the storm')
  assert.equal(r?.rule, 'en.statement.cue-before')
  assert.equal(r?.speaker, 'Anna Berg')
})

test('"that" opens the content only right after the cue and its object, not a later "when"', () => {
  const [r] = reports('Olaf Scholz said he believes Europe is strongest when its members act together.')
  assert.equal(r?.text, 'he believes Europe is strongest when its members act together')
})

test('a second cue of the same subject (… and said …, …, adding that …) opens a report of its own', () => {
  const list = reports('Josep Borrell praised the ceasefire in the north and said the talks would continue in Geneva.')
  assert.deepEqual(list.map((r) => [r.text, r.rule, r.speaker]), [
    ['the ceasefire in the north', 'en.statement.cue-before', 'Josep Borrell'],
    ['the talks would continue in Geneva', 'en.statement.coordinated-cue', 'Josep Borrell'],
  ])
  const [, g] = reports('Josep Borrell said the ceasefire was holding, adding that aid convoys had reached the north.')
  assert.equal(g?.text, 'aid convoys had reached the north')
  assert.equal(g?.rule, 'en.statement.gerund')
  assert.equal(g?.speaker, 'Josep Borrell')
})

test('a new subject after "but" ends the first content', () => {
  const [a, b] = reports('Olaf Scholz said the plan was ready, but the mayor said the city needed more time.')
  assert.equal(a?.text, 'the plan was ready')
  assert.equal(b?.text, 'the city needed more time')
  assert.equal(b?.source, 'the mayor')
})

test('a cue between commas: the content is the sentence around it, in two parts', () => {
  const doc = run('The new bridge over the river, the engineers said, will be closed for three weeks.', 'en')
  const [r] = findReportedSpeech(doc)
  assert.equal(r?.rule, 'en.statement.cue-inside')
  assert.deepEqual(r?.parts?.map((p) => doc.text.slice(p.start, p.end)), ['The new bridge over the river', 'will be closed for three weeks'])
  assert.equal(r?.source?.text, 'the engineers')
})

test('"…, said X, a …": the source after an inverted cue, whatever the length of its description', () => {
  const [r] = reports('The reform will cut waiting times in every hospital in the country, said Maria Kowalska, a senior adviser to the health ministry in Warsaw.')
  assert.equal(r?.text, 'The reform will cut waiting times in every hospital in the country')
  assert.equal(r?.rule, 'en.statement.cue-after')
  assert.equal(r?.speaker, 'Maria Kowalska')
})

test('attribution verbs: the object up to the clause boundary; a directive from its "to"', () => {
  const [c] = reports('Josep Borrell criticised the new tariffs on steel, which took effect on Monday.')
  assert.equal(c?.text, 'the new tariffs on steel')
  assert.equal(c?.cue, 'criticised')
  const [d] = reports('The union urged the government to raise the minimum wage.')
  assert.equal(d?.text, 'to raise the minimum wage')
  assert.equal(d?.source, 'The union')
})

test('a passive cue, a cue that is a noun or part of a name is no report', () => {
  // (the passive's subject is what the agent spoke of, never the speaker: rule passive-by)
  assert.deepEqual(reports('The plan was criticised by several mayors in the region.').map((r) => [r.text, r.source, r.rule]), [['The plan', 'several mayors', 'en.statement.passive-by']])
  assert.deepEqual(reports('The plan was criticised in the region.'), [])
  assert.deepEqual(reports('Officials from the United States met their counterparts in Vienna on Monday.'), [])
})

test('a reporting noun before "that": X\'s claim that …', () => {
  const [r] = reports('Reporters checked Olaf Scholz’s claim that the pipeline had been repaired.')
  assert.equal(r?.text, 'the pipeline had been repaired')
  assert.equal(r?.rule, 'en.statement.noun-that')
  assert.equal(r?.speaker, 'Olaf Scholz')
})

test('a pronoun speaker is the person named before it, recorded as a mention of that person', () => {
  const doc = run('Josep Borrell arrived in Kyiv on Monday. He said the European Union would send more aid.', 'en')
  const [r] = findReportedSpeech(doc)
  assert.equal(doc.entity(r!.speaker!)?.name, 'Josep Borrell')
  assert.ok(doc.entity(r!.speaker!)?.mentions.some((m) => m.text === 'He' && m.rule === 'en.coref.pronoun-male'))
})

test('a description names the source when no entity does', () => {
  const [r] = reports('Local officials said the road would reopen on Friday.')
  assert.equal(r?.speaker, undefined)
  assert.equal(r?.source, 'Local officials')
})

test('a headline "Source: content" attributes its content', () => {
  const [r] = reports('Borrell: Talks With Belgrade Will Resume in Spring\n\nThe talks were suspended in May.')
  assert.equal(r?.text, 'Talks With Belgrade Will Resume in Spring')
  assert.equal(r?.rule, 'en.statement.headline-colon')
  assert.equal(r?.source, 'Borrell')
})

test('…, according to X, with a description after the source', () => {
  const [r] = reports('Waiting times fell by a third last year, according to Maria Kowalska, an adviser to the health ministry.')
  assert.equal(r?.text, 'Waiting times fell by a third last year')
  assert.equal(r?.rule, 'en.statement.according-to-after')
})

test('a cue inside a quotation is part of the quoted words', () => {
  assert.deepEqual(reports('“I think the talks will fail without a ceasefire in the north,” Josep Borrell said.').filter((r) => r.cue === 'think'), [])
})

test('an attribution object ends before the setting of the words (in a statement, during …)', () => {
  const [r] = reports('The union criticised the new pension rules in a statement on Friday.')
  assert.equal(r?.text, 'the new pension rules')
})

test('an attribution object runs through a list and a relative "that"', () => {
  const [r] = reports('The governor called for new rules that protect workers, students and retirees.')
  assert.equal(r?.text, 'new rules that protect workers, students and retirees')
  assert.equal(r?.rule, 'en.statement.cue-before')
})

test('a cue followed by "that" opens its content even near the end of the sentence', () => {
  const list = reports('Back in Vienna, Olaf Scholz said that gas prices would fall.')
  assert.deepEqual(list.map((r) => [r.text, r.rule]), [['gas prices would fall', 'en.statement.cue-before-that']])
})

test('a cue followed by where or by whom it was said has no content', () => {
  assert.deepEqual(reports('Olaf Scholz said at a rally in Hamburg last week.'), [])
})

test('a progressive cue after "is" is no passive', () => {
  const [r] = reports('Olaf Scholz is demanding a new vote on the budget.')
  assert.deepEqual([r?.text, r?.speaker], ['a new vote on the budget', 'Olaf Scholz'])
})

test('"that" before punctuation is a pronoun, not where the content opens', () => {
  const [r] = reports('Engineers at the port said the storm could change that.')
  assert.deepEqual([r?.text, r?.rule], ['the storm could change that', 'en.statement.cue-before'])
})

test('a cue between commas after a short subject: the content is both parts', () => {
  const [r] = reports('Prices, Anna Berg said, would keep rising through the winter.')
  assert.deepEqual([r?.rule, r?.parts?.length, r?.speaker], ['en.statement.cue-inside', 2, 'Anna Berg'])
})

test('an inverted cue whose source opens with a title or a number', () => {
  const [a] = reports('The mines were a burden, said Mr. Barrett, the lawyer for the agency.')
  assert.deepEqual([a?.text, a?.source, a?.rule], ['The mines were a burden', 'Mr. Barrett', 'en.statement.cue-after'])
  const [b] = reports('The talks went badly, said one diplomat in the room.')
  assert.deepEqual([b?.text, b?.source, b?.rule], ['The talks went badly', 'one diplomat', 'en.statement.cue-after'])
})

test('a subject pronoun right after the cue opens the content (not an inverted cue, not a later "that")', () => {
  const [a] = reports('Speaking at a rally in Ohio, Anna Berg says she will lower taxes.')
  assert.deepEqual([a?.text, a?.speaker, a?.rule], ['she will lower taxes', 'Anna Berg', 'en.statement.cue-before'])
  const [b] = reports('Anna Berg says she\'s certain that the bill will pass.')
  assert.equal(b?.text, 'she\'s certain that the bill will pass')
})

test('a semicolon ends the content', () => {
  const [r] = reports('The institute estimates that the plan would raise taxes; another centre puts the figure lower.')
  assert.equal(r?.text, 'the plan would raise taxes')
})

test('attribution verbs of criticism, records and beliefs', () => {
  assert.equal(reports('The senator lambasted the new tariffs in a statement.')[0]?.text, 'the new tariffs')
  assert.equal(reports('The report documents abuses in three prisons.')[0]?.text, 'abuses in three prisons')
  assert.equal(reports('Many farmers feel the new rules are unfair.')[0]?.text, 'the new rules are unfair')
})

test('a cue in a clause that opens the sentence reports up to the main clause', () => {
  const [r] = reports('When Olaf Scholz said the bridge would close, the residents protested.')
  assert.deepEqual([r?.text, r?.speaker], ['the bridge would close', 'Olaf Scholz'])
})

test('a stance noun owned by a source opens what it attributes; after an article it has no source', () => {
  const [r] = reports('Anna Berg repeated her support for the new port rules.')
  assert.deepEqual([r?.text, r?.speaker, r?.rule], ['the new port rules', 'Anna Berg', 'en.statement.stance-noun'])
  assert.deepEqual(reports('The support for the plan is weak.'), [])
})

test('words that set the scene before a comma are not the content of the cue after them', () => {
  const [r] = reports('During a tour of the port, Anna Berg said the docks would be rebuilt.')
  assert.deepEqual([r?.text, r?.rule], ['the docks would be rebuilt', 'en.statement.cue-before'])
})

test('"…, citing X": what is cited is the content', () => {
  const [r] = reports('The court halted the sale, citing a risk to public safety.')
  assert.deepEqual([r?.text, r?.rule], ['a risk to public safety', 'en.statement.gerund'])
})

test('a cue after an object pronoun (let them know) does not end the content', () => {
  const [r] = reports('The mayor said she wanted to meet the residents and let them know the plan had changed.')
  assert.equal(r?.text, 'she wanted to meet the residents and let them know the plan had changed')
})

test('"that" and one noun after an attribution verb is a determiner, not a complementizer', () => {
  const [r] = reports('The harbour board criticised that decision in a letter to the council.')
  assert.deepEqual([r?.text, r?.rule], ['that decision', 'en.statement.cue-before'])
  const [s] = reports('The harbour board criticised that the decision was taken in secret.')
  assert.equal(s?.text, 'the decision was taken in secret')
})

test('a quotation on either side of a cue between commas is the quotes layer\'s, not a split statement', () => {
  const split = (text: string) => reports(text).filter((r) => r.rule === 'en.statement.cue-inside')
  assert.deepEqual(split("''We rebuilt the whole pier in a year,'' Anna Berg said, pointing at the cranes."), [])
  assert.deepEqual(split('The old mayor smiled and said, "Nobody will remember the fog."'), [])
  assert.equal(split('The pier, Anna Berg said, would open in May.').length, 1)
})

test('a stance noun\'s object ends where the main clause\'s verb starts (an auxiliary or a modal)', () => {
  const [r] = reports("Anna Berg's criticism of the harbour fees was echoed by the fishermen.")
  assert.deepEqual([r?.text, r?.rule], ['the harbour fees', 'en.statement.stance-noun'])
  // (not inside a relative clause of the object)
  const [s] = reports('Anna Berg voiced concerns about a levy that would double the harbour fees.')
  assert.equal(s?.text, 'a levy that would double the harbour fees')
})

test('an attribution verb\'s object ends at a participle after a comma, not at an -ing preposition', () => {
  const [r] = reports('The mayor criticised the new harbour fees, pointing to the empty berths.')
  assert.equal(r?.text, 'the new harbour fees')
  const [s] = reports('The mayor criticised the new harbour fees, including the levy on ferries.')
  assert.equal(s?.text, 'the new harbour fees, including the levy on ferries')
})

test('an attribution verb\'s object ends at a phrase naming where the words were set down', () => {
  const [r] = reports('The mayor criticised the harbour board in late-night tweets.')
  assert.equal(r?.text, 'the harbour board')
})

test('an attribution verb\'s object may be one or two words when it opens a noun phrase', () => {
  assert.equal(reports('The mayor criticised it.')[0]?.text, 'it')
  assert.equal(reports('The mayor praised Anna Berg.')[0]?.text, 'Anna Berg')
  assert.deepEqual(reports('The mayor criticised online.'), [])
})

test('an attribution verb\'s object ends at a comma before a preposition', () => {
  const [r] = reports('The fishermen criticised the harbour fees, in large part because of the fuel prices.')
  assert.equal(r?.text, 'the harbour fees')
})

test('an attribution verb\'s object ends at a comma before an indefinite article (an apposition about the act)', () => {
  const [r] = reports('The dockers praised the harbour board, a rare show of unity in the port.')
  assert.equal(r?.text, 'the harbour board')
})

test('a cue followed by a comma and a quotation does not close the words before it', () => {
  const closing = reports('The old mayor stood up at the end of the long meeting, smiled and said, "Nobody will remember the fog."').filter((r) => r.rule === 'en.statement.cue-after')
  assert.deepEqual(closing, [])
})

test('a speech verb\'s object of two words is kept when it opens a noun phrase', () => {
  assert.equal(reports('The port authority denied the report.')[0]?.text, 'the report')
  assert.deepEqual(reports('The port authority denied everything.'), [])
})
