-- additive: this version adds tables, columns without a value to fill, indexes and triggers; no row of an existing table is rewritten, so the upgrade to it needs no backup copy.
-- Schema version 13: accounts on sync servers (Tiny Tiny RSS first), what their remote ids
-- are here, and the changes that wait to be sent.
-- An account's feeds, folders and stories are ordinary rows (the reader, advisories,
-- related coverage, search and bookmarks read them unchanged); these columns and tables
-- only say which account a row belongs to and what the server calls it.

CREATE TABLE accounts (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    url         TEXT NOT NULL,
    user        TEXT NOT NULL,
    last_sync   INTEGER,
    last_error  TEXT,
    -- The newest remote story id stored: the next pull asks only for newer ones.
    since_id    TEXT,
    -- Set when the user removed the account: it leaves every list at once, its feeds'
    -- stories are deleted in steps, and the row goes once they are.
    removing    INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    UNIQUE (kind, url, user)
);

-- An account's feed is an ordinary row of feeds with its account and the server's id: its
-- server fetches it, so Bulletin's refresh, OPML export and feed health leave out every feed
-- with an account_id. It keeps its address in remote_url and none in url, so that
-- subscribing here to the same address is a separate subscription of the local account.
ALTER TABLE feeds ADD COLUMN account_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE;
ALTER TABLE feeds ADD COLUMN remote_id TEXT;
ALTER TABLE feeds ADD COLUMN remote_url TEXT;
CREATE UNIQUE INDEX feeds_remote ON feeds(account_id, remote_id) WHERE account_id IS NOT NULL;

ALTER TABLE folders ADD COLUMN account_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE;
ALTER TABLE folders ADD COLUMN remote_id TEXT;
CREATE UNIQUE INDEX folders_remote ON folders(account_id, remote_id) WHERE account_id IS NOT NULL;

-- The server's id of each story of an account.
CREATE TABLE account_articles (
    article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    remote_id   TEXT NOT NULL,
    UNIQUE (account_id, remote_id)
);

-- Changes made here that the server has not taken yet: one row per story and field, the
-- latest value (a trigger deletes the older row, then inserts: an OR IGNORE or OR REPLACE
-- on the statement that fired it would decide the insert's conflicts otherwise). A new row
-- gets a new id, so that a sync clears only the rows it sent. Written by the triggers below in the same transaction as the change itself
-- (a read mark, a bookmark, a note), so no store call needs to know about sync and a kill
-- at any moment loses none. Keyed by the remote id: the change outlives the story's row.
CREATE TABLE sync_pending (
    -- AUTOINCREMENT: an id is never used twice, even for the row that replaces the last one.
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    remote_id   TEXT NOT NULL,
    field       TEXT NOT NULL CHECK (field IN ('read', 'starred', 'note')),
    value       INTEGER NOT NULL DEFAULT 0,
    note        TEXT,
    queued_at   INTEGER NOT NULL,
    UNIQUE (account_id, remote_id, field)
);

-- A row here, inside the sync's own transaction only, says that the writes are the
-- server's state being applied, which must not be queued to go back to it. It is inserted
-- at the start of such a transaction and deleted before its commit (AccountStore::
-- beginApplying, endApplying), so no other connection ever sees it and a kill rolls it back
-- with the rest.
CREATE TABLE sync_applying (
    one  INTEGER PRIMARY KEY CHECK (one = 1)
);

-- Read marks: a story is unread while unread_articles holds it. A story's row being
-- deleted (retention, unsubscribing, removing the account) takes its unread row with it;
-- that is no read mark, and the story is gone by then (checked by the WHEN).
CREATE TRIGGER sync_pending_read AFTER DELETE ON unread_articles
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
     AND EXISTS (SELECT 1 FROM articles a WHERE a.id = old.id) BEGIN
    DELETE FROM sync_pending WHERE field = 'read' AND (account_id, remote_id) IN
        (SELECT m.account_id, m.remote_id FROM account_articles m WHERE m.article_id = old.id);
    INSERT INTO sync_pending(account_id, remote_id, field, value, queued_at)
        SELECT m.account_id, m.remote_id, 'read', 1, CAST(strftime('%s', 'now') AS INTEGER)
        FROM account_articles m WHERE m.article_id = old.id;
END;

CREATE TRIGGER sync_pending_unread AFTER INSERT ON unread_articles
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) BEGIN
    DELETE FROM sync_pending WHERE field = 'read' AND (account_id, remote_id) IN
        (SELECT m.account_id, m.remote_id FROM account_articles m WHERE m.article_id = new.id);
    INSERT INTO sync_pending(account_id, remote_id, field, value, queued_at)
        SELECT m.account_id, m.remote_id, 'read', 0, CAST(strftime('%s', 'now') AS INTEGER)
        FROM account_articles m WHERE m.article_id = new.id;
END;

-- Bookmarks are starred stories on the server, and a bookmark's note (bookmark_notes) is
-- the story's note there. Unbookmarking takes the note's row with it; that is no change of
-- the note (the server keeps an unstarred story's note), so a note's row deleted with its
-- bookmark queues nothing (the WHEN finds the bookmark gone).
CREATE TRIGGER sync_pending_star AFTER INSERT ON bookmarks
WHEN new.article_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sync_applying) BEGIN
    DELETE FROM sync_pending WHERE field = 'starred' AND (account_id, remote_id) IN
        (SELECT m.account_id, m.remote_id FROM account_articles m WHERE m.article_id = new.article_id);
    INSERT INTO sync_pending(account_id, remote_id, field, value, queued_at)
        SELECT m.account_id, m.remote_id, 'starred', 1, CAST(strftime('%s', 'now') AS INTEGER)
        FROM account_articles m WHERE m.article_id = new.article_id;
END;

CREATE TRIGGER sync_pending_unstar AFTER DELETE ON bookmarks
WHEN old.article_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sync_applying) BEGIN
    DELETE FROM sync_pending WHERE field = 'starred' AND (account_id, remote_id) IN
        (SELECT m.account_id, m.remote_id FROM account_articles m WHERE m.article_id = old.article_id);
    INSERT INTO sync_pending(account_id, remote_id, field, value, queued_at)
        SELECT m.account_id, m.remote_id, 'starred', 0, CAST(strftime('%s', 'now') AS INTEGER)
        FROM account_articles m WHERE m.article_id = old.article_id;
END;

CREATE TRIGGER sync_pending_note_added AFTER INSERT ON bookmark_notes
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) BEGIN
    DELETE FROM sync_pending WHERE field = 'note' AND (account_id, remote_id) IN
        (SELECT m.account_id, m.remote_id FROM bookmarks b
         JOIN account_articles m ON m.article_id = b.article_id WHERE b.id = new.bookmark_id);
    INSERT INTO sync_pending(account_id, remote_id, field, note, queued_at)
        SELECT m.account_id, m.remote_id, 'note', new.note, CAST(strftime('%s', 'now') AS INTEGER)
        FROM bookmarks b JOIN account_articles m ON m.article_id = b.article_id WHERE b.id = new.bookmark_id;
END;

CREATE TRIGGER sync_pending_note_changed AFTER UPDATE OF note ON bookmark_notes
WHEN new.note IS NOT old.note AND NOT EXISTS (SELECT 1 FROM sync_applying) BEGIN
    DELETE FROM sync_pending WHERE field = 'note' AND (account_id, remote_id) IN
        (SELECT m.account_id, m.remote_id FROM bookmarks b
         JOIN account_articles m ON m.article_id = b.article_id WHERE b.id = new.bookmark_id);
    INSERT INTO sync_pending(account_id, remote_id, field, note, queued_at)
        SELECT m.account_id, m.remote_id, 'note', new.note, CAST(strftime('%s', 'now') AS INTEGER)
        FROM bookmarks b JOIN account_articles m ON m.article_id = b.article_id WHERE b.id = new.bookmark_id;
END;

CREATE TRIGGER sync_pending_note_cleared AFTER DELETE ON bookmark_notes
WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
     AND EXISTS (SELECT 1 FROM bookmarks b WHERE b.id = old.bookmark_id) BEGIN
    DELETE FROM sync_pending WHERE field = 'note' AND (account_id, remote_id) IN
        (SELECT m.account_id, m.remote_id FROM bookmarks b
         JOIN account_articles m ON m.article_id = b.article_id WHERE b.id = old.bookmark_id);
    INSERT INTO sync_pending(account_id, remote_id, field, note, queued_at)
        SELECT m.account_id, m.remote_id, 'note', '', CAST(strftime('%s', 'now') AS INTEGER)
        FROM bookmarks b JOIN account_articles m ON m.article_id = b.article_id WHERE b.id = old.bookmark_id;
END;
