/**
 * The database schema, one entry per version (`PRAGMA user_version` records how many have run).
 * Append new entries; never edit one that has shipped.
 */
export const migrations: readonly string[] = [
  `
  -- seq orders contacts for pagination: AUTOINCREMENT never reuses a value, so a cursor stays valid.
  CREATE TABLE people (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    first_name TEXT,
    last_name TEXT,
    email TEXT,
    email_key TEXT,
    phone TEXT,
    phone_key TEXT,
    source TEXT,
    stage_id TEXT,
    price REAL,
    timeframe TEXT,
    background TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    street TEXT,
    city TEXT,
    state TEXT,
    zip_code TEXT,
    assigned_agent_id TEXT,
    relationship INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    trashed_at TEXT
  );
  CREATE INDEX people_email_key ON people (email_key) WHERE trashed_at IS NULL;
  CREATE INDEX people_phone_key ON people (phone_key) WHERE trashed_at IS NULL;

  CREATE TABLE deals (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    pipeline_id TEXT NOT NULL,
    stage_id TEXT NOT NULL,
    people_ids TEXT NOT NULL DEFAULT '[]',
    team_ids TEXT NOT NULL DEFAULT '[]',
    price REAL,
    commission REAL,
    close_date TEXT,
    position REAL NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE activities (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    channel TEXT,
    direction TEXT,
    content TEXT,
    agent_id TEXT,
    starred INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );
  CREATE INDEX activities_person ON activities (person_id);

  -- Responses of POST /people sent with an Idempotency-Key, per API key (scope is a hash, never the key).
  CREATE TABLE idempotency (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (scope, key)
  );
  `,
  `
  -- Name search index (see name-search.ts). The folded full name of every active contact, the distinct
  -- words of those names with how many contacts use each, a trigram index of the words (substrings) and
  -- their one-edit keys (typos). Triggers keep it in step with every write to people; the cc_* functions
  -- they call are registered on each connection by search-functions.ts.
  CREATE TABLE people_names (
    seq INTEGER PRIMARY KEY, -- people.seq
    name TEXT NOT NULL
  );
  CREATE INDEX people_names_name ON people_names (name);

  CREATE TABLE name_vocab (
    id INTEGER PRIMARY KEY,
    word TEXT NOT NULL UNIQUE,
    uses INTEGER NOT NULL
  );
  CREATE VIRTUAL TABLE name_vocab_trigrams USING fts5(
    word, content = 'name_vocab', content_rowid = 'id', tokenize = 'trigram case_sensitive 1'
  );
  CREATE TABLE name_vocab_keys (
    key TEXT NOT NULL,
    word_id INTEGER NOT NULL,
    PRIMARY KEY (key, word_id)
  ) WITHOUT ROWID;

  CREATE TABLE name_words (
    word_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (word_id, seq)
  ) WITHOUT ROWID;
  CREATE INDEX name_words_seq ON name_words (seq);

  CREATE TRIGGER people_names_insert AFTER INSERT ON people WHEN new.trashed_at IS NULL BEGIN
    INSERT INTO people_names (seq, name) VALUES (new.seq, cc_full_name(new.first_name, new.last_name));
  END;
  CREATE TRIGGER people_names_update AFTER UPDATE OF first_name, last_name, trashed_at ON people
  WHEN new.first_name IS NOT old.first_name OR new.last_name IS NOT old.last_name
    OR new.trashed_at IS NOT old.trashed_at
  BEGIN
    DELETE FROM people_names WHERE seq = old.seq;
    INSERT INTO people_names (seq, name)
      SELECT new.seq, cc_full_name(new.first_name, new.last_name) WHERE new.trashed_at IS NULL;
  END;
  CREATE TRIGGER people_names_delete AFTER DELETE ON people BEGIN
    DELETE FROM people_names WHERE seq = old.seq;
  END;

  CREATE TRIGGER name_words_insert AFTER INSERT ON people_names BEGIN
    INSERT INTO name_vocab (word, uses) SELECT value, 1 FROM json_each(cc_name_words(new.name)) WHERE true
      ON CONFLICT (word) DO UPDATE SET uses = uses + 1;
    INSERT INTO name_words (word_id, seq)
      SELECT v.id, new.seq FROM json_each(cc_name_words(new.name)) AS w JOIN name_vocab AS v ON v.word = w.value;
  END;
  CREATE TRIGGER name_words_delete AFTER DELETE ON people_names
  WHEN EXISTS (SELECT 1 FROM name_words WHERE seq = old.seq) -- none when clearing everything (store.ts)
  BEGIN
    DELETE FROM name_words WHERE seq = old.seq;
    UPDATE name_vocab SET uses = uses - 1 WHERE word IN (SELECT value FROM json_each(cc_name_words(old.name)));
    DELETE FROM name_vocab WHERE uses = 0 AND word IN (SELECT value FROM json_each(cc_name_words(old.name)));
  END;

  CREATE TRIGGER name_vocab_insert AFTER INSERT ON name_vocab BEGIN
    INSERT INTO name_vocab_trigrams (rowid, word) VALUES (new.id, new.word);
    INSERT INTO name_vocab_keys (key, word_id) SELECT value, new.id FROM json_each(cc_typo_keys(new.word));
  END;
  CREATE TRIGGER name_vocab_delete AFTER DELETE ON name_vocab BEGIN
    INSERT INTO name_vocab_trigrams (name_vocab_trigrams, rowid, word) VALUES ('delete', old.id, old.word);
    DELETE FROM name_vocab_keys
      WHERE key IN (SELECT value FROM json_each(cc_typo_keys(old.word))) AND word_id = old.id;
  END;

  -- Existing contacts: the triggers above index each one.
  INSERT INTO people_names (seq, name)
    SELECT seq, cc_full_name(first_name, last_name) FROM people WHERE trashed_at IS NULL ORDER BY seq;
  `,
  `
  -- Expired idempotency responses are deleted on every save: the index keeps that from reading them all.
  CREATE INDEX idempotency_created ON idempotency (created_at);
  `,
]
