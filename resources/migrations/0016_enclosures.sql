-- additive: this version only adds a table, which rewrites no row, so the upgrade to it needs no backup copy.
-- Schema version 16: a story's enclosures (a podcast's episode, a video, attached images and
-- files), in the feed's order. The feed writer stores them with the story, in the same
-- transaction (ArticleStore::upsert); they go with the story. Only http and https
-- addresses are kept. Stories cached before this version have none until their feed
-- changes them.
CREATE TABLE enclosures (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    url         TEXT NOT NULL,
    type        TEXT,
    length      INTEGER,
    title       TEXT,
    duration    INTEGER
);
CREATE INDEX enclosures_article ON enclosures(article_id, position);
