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
]
