-- Schema version 4: story bodies and read state out of the story row.
-- A story row held its ~3 KB of HTML and ~3 KB of text, and its read flag: marking 10,000
-- stories read rewrote a page of body each into the journal (~40 MB), and even narrow rows
-- spread a feed's stories over nearly every page of the table. Now:
-- - article_bodies holds the HTML and text, one row per story, deleted with it;
-- - unread_articles lists the unread stories (with the feed and date their lists and counts
--   need, which never change for a story), so marking read deletes small dense rows;
-- - articles keeps what lists show.
-- Runs with foreign keys off (Database::migrate), so that dropping the old table does not
-- cascade into advisories, related links and bookmarks.

CREATE TABLE articles_v4 (
    id             INTEGER PRIMARY KEY,
    feed_id        INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    guid           TEXT NOT NULL,
    title          TEXT NOT NULL,
    link           TEXT,
    author         TEXT,
    published      INTEGER,
    updated        INTEGER,
    sort_date      INTEGER NOT NULL,
    categories     TEXT,
    headline_only  INTEGER NOT NULL DEFAULT 0,
    note           TEXT,
    content_hash   TEXT,
    fetched_at     INTEGER NOT NULL,
    UNIQUE (feed_id, guid)
);

INSERT INTO articles_v4(id, feed_id, guid, title, link, author, published, updated, sort_date,
                        categories, headline_only, note, content_hash, fetched_at)
    SELECT id, feed_id, guid, title, link, author, published, updated, sort_date,
           categories, headline_only, note, content_hash, fetched_at
    FROM articles;

-- Every story gets a body row (empty for headline-only ones): the search index holds
-- exactly the stories that have one.
CREATE TABLE article_bodies (
    article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    html        TEXT,
    text        TEXT
);

INSERT INTO article_bodies(article_id, html, text) SELECT id, html, text FROM articles;

-- Column names as in articles, so that a story filter reads the same over either table.
CREATE TABLE unread_articles (
    id         INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    feed_id    INTEGER NOT NULL,
    sort_date  INTEGER NOT NULL
);

INSERT INTO unread_articles(id, feed_id, sort_date)
    SELECT id, feed_id, sort_date FROM articles WHERE is_read = 0;

CREATE INDEX unread_articles_sort ON unread_articles(sort_date DESC, id DESC);
CREATE INDEX unread_articles_feed_sort ON unread_articles(feed_id, sort_date DESC, id DESC);

DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TRIGGER articles_title_fts_insert;
DROP TRIGGER articles_title_fts_delete;
DROP TRIGGER articles_title_fts_update;
DROP TABLE articles;
ALTER TABLE articles_v4 RENAME TO articles;

CREATE INDEX articles_sort ON articles(sort_date DESC, id DESC);
CREATE INDEX articles_feed_sort ON articles(feed_id, sort_date DESC, id DESC);
CREATE INDEX articles_link ON articles(link);
CREATE INDEX articles_title ON articles(title COLLATE NOCASE);

-- The full-text index reads titles and texts through this view. Its index data does not
-- change (same stories, same words), so the table's content option is pointed at the view
-- in place instead of rebuilding the index, which takes minutes for a large cache.
CREATE VIEW article_search(id, title, text) AS
    SELECT a.id, a.title, b.text FROM articles a JOIN article_bodies b ON b.article_id = a.id;

PRAGMA writable_schema = ON;
UPDATE sqlite_schema
    SET sql = replace(sql, 'content = ''articles''', 'content = ''article_search''')
    WHERE type = 'table' AND name = 'articles_fts';
PRAGMA writable_schema = OFF;

-- Stories stored but not yet in the full-text index. A refresh stores its stories first,
-- so that they can be read at once, and indexes them together afterwards (one statement
-- for a whole batch costs a fraction of indexing each story in its own statement);
-- ArticleStore::indexPending does that. Other writers index as they store.
CREATE TABLE articles_fts_pending (
    id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
);

-- The index holds every story that has a body row and is not pending, with the title and
-- text it had when indexed; the triggers keep it so. A body row is only ever deleted with
-- its story, so the story's delete trigger covers both; it runs BEFORE the delete, while
-- the body is still there to name the indexed words (and before the pending row goes).
CREATE TRIGGER article_bodies_fts_insert AFTER INSERT ON article_bodies
WHEN NOT EXISTS (SELECT 1 FROM articles_fts_pending p WHERE p.id = new.article_id) BEGIN
    INSERT INTO articles_fts(rowid, title, text)
        SELECT new.article_id, a.title, new.text FROM articles a WHERE a.id = new.article_id;
END;

CREATE TRIGGER article_bodies_fts_update AFTER UPDATE OF text ON article_bodies
WHEN NOT EXISTS (SELECT 1 FROM articles_fts_pending p WHERE p.id = new.article_id) BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        SELECT 'delete', old.article_id, a.title, old.text FROM articles a WHERE a.id = old.article_id;
    INSERT INTO articles_fts(rowid, title, text)
        SELECT new.article_id, a.title, new.text FROM articles a WHERE a.id = new.article_id;
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title ON articles
WHEN NOT EXISTS (SELECT 1 FROM articles_fts_pending p WHERE p.id = new.id) BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        SELECT 'delete', old.id, old.title, b.text FROM article_bodies b WHERE b.article_id = old.id;
    INSERT INTO articles_fts(rowid, title, text)
        SELECT new.id, new.title, b.text FROM article_bodies b WHERE b.article_id = new.id;
END;

CREATE TRIGGER articles_fts_delete BEFORE DELETE ON articles
WHEN NOT EXISTS (SELECT 1 FROM articles_fts_pending p WHERE p.id = old.id) BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        SELECT 'delete', old.id, old.title, b.text FROM article_bodies b WHERE b.article_id = old.id;
END;

CREATE TRIGGER articles_title_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_title_fts(rowid, title) VALUES (new.id, new.title);
END;

CREATE TRIGGER articles_title_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_title_fts(articles_title_fts, rowid, title)
        VALUES ('delete', old.id, old.title);
END;

CREATE TRIGGER articles_title_fts_update AFTER UPDATE OF title ON articles BEGIN
    INSERT INTO articles_title_fts(articles_title_fts, rowid, title)
        VALUES ('delete', old.id, old.title);
    INSERT INTO articles_title_fts(rowid, title) VALUES (new.id, new.title);
END;
