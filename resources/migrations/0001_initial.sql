-- Bulletin cache, schema version 1.
-- Times are Unix seconds (UTC). Every table that holds user data (bookmarks, read state,
-- subscriptions) is written only inside transactions by the storage layer.

CREATE TABLE folders (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    parent_id  INTEGER REFERENCES folders(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL DEFAULT 0
);

-- A feed is a subscription (kind 'feed', fetched over http(s)), or a local source that
-- stories were imported into (kind 'local': plain-text files, feed files on disk).
CREATE TABLE feeds (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL DEFAULT 'feed' CHECK (kind IN ('feed', 'local')),
    url              TEXT UNIQUE,
    title            TEXT NOT NULL,
    site_url         TEXT,
    folder_id        INTEGER REFERENCES folders(id) ON DELETE SET NULL,
    is_alert_source  INTEGER NOT NULL DEFAULT 0,
    etag             TEXT,
    last_modified    TEXT,
    last_attempt     INTEGER,
    last_success     INTEGER,
    last_error       TEXT,
    failures         INTEGER NOT NULL DEFAULT 0,
    retry_after      INTEGER,
    refresh_minutes  INTEGER,
    ttl_minutes      INTEGER,
    created_at       INTEGER NOT NULL
);
CREATE INDEX feeds_folder ON feeds(folder_id);

CREATE TABLE articles (
    id             INTEGER PRIMARY KEY,
    feed_id        INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    guid           TEXT NOT NULL,
    title          TEXT NOT NULL,
    link           TEXT,
    author         TEXT,
    published      INTEGER,
    updated        INTEGER,
    sort_date      INTEGER NOT NULL,
    html           TEXT,
    text           TEXT,
    categories     TEXT,
    headline_only  INTEGER NOT NULL DEFAULT 0,
    note           TEXT,
    content_hash   TEXT,
    is_read        INTEGER NOT NULL DEFAULT 0,
    fetched_at     INTEGER NOT NULL,
    UNIQUE (feed_id, guid)
);
CREATE INDEX articles_sort ON articles(sort_date DESC, id DESC);
CREATE INDEX articles_feed_sort ON articles(feed_id, sort_date DESC, id DESC);
CREATE INDEX articles_unread_sort ON articles(is_read, sort_date DESC, id DESC);
CREATE INDEX articles_link ON articles(link);
CREATE INDEX articles_title ON articles(title COLLATE NOCASE);
CREATE INDEX articles_feed_read ON articles(feed_id, is_read);

CREATE TABLE advisories (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
    origin       TEXT NOT NULL DEFAULT 'section',
    headline     TEXT,
    text         TEXT,
    instruction  TEXT,
    severity     TEXT,
    urgency      TEXT,
    certainty    TEXT,
    issuer       TEXT,
    area         TEXT,
    effective    INTEGER,
    onset        INTEGER,
    expires      INTEGER,
    status       TEXT NOT NULL DEFAULT 'active',
    msg_type     TEXT,
    identifier   TEXT,
    sender       TEXT,
    refs         TEXT,
    dismissed    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX advisories_status ON advisories(status, expires);
CREATE INDEX advisories_identifier ON advisories(sender, identifier);

CREATE TABLE related_links (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    title       TEXT NOT NULL,
    link        TEXT,
    kind        TEXT NOT NULL DEFAULT 'publisher'
);
CREATE INDEX related_links_article ON related_links(article_id, position);

-- A bookmark is the user's data: it keeps its own snapshot of the story so that it
-- outlives the article (retention, unsubscribing) and the feed.
CREATE TABLE bookmarks (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER UNIQUE REFERENCES articles(id) ON DELETE SET NULL,
    guid         TEXT,
    feed_url     TEXT,
    title        TEXT NOT NULL,
    link         TEXT,
    source       TEXT,
    published    INTEGER,
    text         TEXT,
    html         TEXT,
    note         TEXT,
    created_at   INTEGER NOT NULL
);
CREATE INDEX bookmarks_created ON bookmarks(created_at DESC, id DESC);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

-- Small key/value settings that belong to the cache (not to the user's preferences).
CREATE TABLE meta (
    key    TEXT PRIMARY KEY,
    value  TEXT
);
