/**
 * The first schema: documents (content-hash ids) with full-text search, per-document facts pointing at spans,
 * corpus-wide entities, and events clustered from their reports.
 */
import type { Database } from 'better-sqlite3'

export const name = 'initial'

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE documents (
      seq INTEGER PRIMARY KEY,                -- ingestion order; the full-text index's rowid
      id TEXT NOT NULL UNIQUE,                -- content hash of text (sha-256, 32 hex)
      input_id TEXT,                          -- the record id: the input's own id, or a content hash
      lang TEXT NOT NULL,
      lang_method TEXT NOT NULL,              -- declared | detected | fallback
      lang_score REAL,
      published TEXT,                         -- as written in the record: 2023, 2023-09, 2023-09-11
      published_precision TEXT,
      published_from TEXT,
      seen_date TEXT NOT NULL,                -- publication day when known (first day of its period), else ingestion day
      found_via TEXT NOT NULL,                -- file | stdin | url | feed
      origin TEXT NOT NULL,                   -- path (with :line for JSON Lines) or URL it was first read from
      url TEXT,
      title TEXT,
      publisher TEXT,
      source TEXT,                            -- publisher, else the URL's host: what "sources" counts
      charset TEXT,
      text TEXT NOT NULL,
      chars INTEGER NOT NULL,
      minhash BLOB,                           -- MinHash signature of word shingles (uint32 each); NULL for very short texts
      family INTEGER NOT NULL,                -- seq of the first document this one near-duplicates (itself when none)
      family_similarity REAL,                 -- estimated Jaccard similarity to that document (NULL for itself)
      extracted INTEGER NOT NULL,             -- 1 when facts were extracted (a language pack exists)
      record TEXT NOT NULL,                   -- the record JSON without its text
      kronika_version TEXT NOT NULL,
      ingested_at TEXT NOT NULL
    );
    CREATE INDEX documents_seen ON documents(seen_date);
    CREATE INDEX documents_family ON documents(family);
    CREATE INDEX documents_source ON documents(source);
    CREATE INDEX documents_lang ON documents(lang);

    CREATE VIRTUAL TABLE documents_fts USING fts5(
      title, text, content='documents', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
    );

    -- MinHash LSH bands: near-duplicates very probably share at least one band value
    CREATE TABLE minhash_bands (band INTEGER NOT NULL, value INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (band, value, doc)) WITHOUT ROWID;

    -- every place a document was read from (the same text from another URL is a further sighting, not a new document)
    CREATE TABLE sightings (
      doc INTEGER NOT NULL REFERENCES documents(seq), locator TEXT NOT NULL, found_via TEXT NOT NULL, first_seen TEXT NOT NULL,
      PRIMARY KEY (doc, locator)
    ) WITHOUT ROWID;

    CREATE TABLE entities (
      key TEXT PRIMARY KEY,                   -- KB id (country:RUS, actor:vladimir-putin, place:524901) or name:TYPE:folded-name
      kb TEXT, name TEXT NOT NULL, type TEXT NOT NULL, country TEXT, sector TEXT,
      wikidata TEXT, geonames INTEGER, lon REAL, lat REAL, linked INTEGER NOT NULL
    );
    CREATE INDEX entities_country ON entities(country);

    -- which corpus entity each document-local entity id (e1, e2…) is
    CREATE TABLE doc_entities (
      doc INTEGER NOT NULL, local TEXT NOT NULL, entity TEXT NOT NULL, name TEXT NOT NULL, rule TEXT NOT NULL, mentions INTEGER NOT NULL,
      PRIMARY KEY (doc, local)
    ) WITHOUT ROWID;
    CREATE INDEX doc_entities_entity ON doc_entities(entity);

    CREATE TABLE mentions (doc INTEGER NOT NULL, local TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, rule TEXT NOT NULL);
    CREATE INDEX mentions_doc ON mentions(doc, local);

    CREATE TABLE times (doc INTEGER NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
      value TEXT NOT NULL, type TEXT NOT NULL, precision TEXT, rule TEXT NOT NULL, PRIMARY KEY (doc, idx)) WITHOUT ROWID;

    CREATE TABLE quotes (doc INTEGER NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
      speaker TEXT, cue_start INTEGER, cue_end INTEGER, cue_text TEXT, rule TEXT NOT NULL, PRIMARY KEY (doc, idx)) WITHOUT ROWID;
    CREATE INDEX quotes_speaker ON quotes(speaker);

    CREATE TABLE amounts (doc INTEGER NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
      value REAL NOT NULL, approx INTEGER NOT NULL, min REAL, max REAL, unit TEXT, object TEXT, rule TEXT NOT NULL, PRIMARY KEY (doc, idx)) WITHOUT ROWID;

    CREATE TABLE messages (doc INTEGER NOT NULL, idx INTEGER NOT NULL, start INTEGER, end INTEGER, reason TEXT NOT NULL, rule TEXT NOT NULL,
      severity TEXT NOT NULL, PRIMARY KEY (doc, idx)) WITHOUT ROWID;

    -- one row per real-world event; the counts are kept up to date as reports arrive
    CREATE TABLE events (
      id INTEGER PRIMARY KEY,
      type TEXT NOT NULL, mode TEXT, cameo TEXT, quad INTEGER,
      negated INTEGER NOT NULL,               -- reports that the event did not happen cluster apart
      date_start TEXT, date_end TEXT,         -- the days every report allows (intersection), ISO dates
      time_value TEXT,                        -- the most precise TIMEX3 value reported
      place TEXT,                             -- entity key of the most reported place
      actor TEXT NOT NULL, recipient TEXT NOT NULL,   -- JSON arrays of entity keys, most reported first
      first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
      mentions INTEGER NOT NULL,              -- every report, including several in one document
      reports INTEGER NOT NULL,               -- reporting documents
      stories INTEGER NOT NULL,               -- reporting documents, near-duplicates and wire copies counted once
      sources INTEGER NOT NULL, languages INTEGER NOT NULL, langs TEXT NOT NULL,
      modality TEXT NOT NULL,                 -- the most reported modality
      confidence REAL NOT NULL
    );
    CREATE INDEX events_type ON events(type, date_start);
    CREATE INDEX events_first_seen ON events(first_seen);

    -- argument keys of an event (kb:…, cc:…, nm:…) for finding candidate events of a new report
    -- type and days are copied from the event so that candidates are found by key, type and time in one index range;
    -- days are NULL for undated events and for those wider than the search window (see assign-event.ts)
    CREATE TABLE event_keys (event INTEGER NOT NULL, role TEXT NOT NULL, key TEXT NOT NULL, type TEXT NOT NULL, n INTEGER NOT NULL,
      date_start TEXT, date_end TEXT, PRIMARY KEY (event, role, key)) WITHOUT ROWID;
    CREATE INDEX event_keys_key ON event_keys(key, type, date_start, date_end, event);

    -- one event as one document reports it
    CREATE TABLE reports (
      id INTEGER PRIMARY KEY,
      doc INTEGER NOT NULL, local TEXT NOT NULL, event INTEGER,
      type TEXT NOT NULL, mode TEXT, cameo TEXT, quad INTEGER, modality TEXT NOT NULL,
      actor TEXT NOT NULL, recipient TEXT NOT NULL,  -- JSON arrays of entity keys
      place TEXT, time_value TEXT, date_start TEXT, date_end TEXT,
      swapped INTEGER NOT NULL,               -- 1 when matched to its event with actor and recipient exchanged (symmetric types)
      trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger_text TEXT NOT NULL,
      evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, sentence INTEGER,
      attribution TEXT NOT NULL, rule TEXT NOT NULL, confidence REAL NOT NULL,
      UNIQUE (doc, local)
    );
    CREATE INDEX reports_event ON reports(event);
  `)
}
