-- Schema version 2: searches the user saved as sidebar entries.
CREATE TABLE saved_searches (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    query       TEXT NOT NULL,
    scope_kind  TEXT,
    scope_id    INTEGER,
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL
);
