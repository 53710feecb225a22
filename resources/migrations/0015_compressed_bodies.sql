-- Schema version 15: story bodies compressed.
-- article_bodies held each story's HTML and its plain text as two TEXT columns: ~6 KB a
-- story, three quarters of a cache. Now one BLOB, `body`, holds both in one zstd frame
-- (src/storage/storybody.h), where the text costs little more than it adds to the HTML.
-- body_pack(), body_text() and body_html() are SQL functions that every connection to a
-- cache registers (Database::open).
--
-- The search index keeps its content external: it reads titles and texts through the
-- article_search view, now over body_text(), and the triggers below hand it the same words
-- as before. Its index data does not change, so it is not rebuilt.
--
-- Like every migration this runs in one transaction: a kill or a full disk before it
-- commits leaves the cache as it was, and the next start runs it again from the start.
-- The old table's pages are left free in the file: the mark below has Database give them
-- back to the file system (VACUUM) once this has committed, and again at the next start
-- if that was cut short.

DROP VIEW article_search;
DROP TRIGGER article_bodies_fts_insert;
DROP TRIGGER article_bodies_fts_update;
DROP TRIGGER article_bodies_title_fts_insert;
DROP TRIGGER articles_fts_update;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_title_fts_update;
DROP TRIGGER articles_title_fts_delete;

CREATE TABLE article_bodies_v15 (
    article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    body        BLOB
);

INSERT INTO article_bodies_v15(article_id, body)
    SELECT article_id, body_pack(html, text) FROM article_bodies ORDER BY article_id;

DROP TABLE article_bodies;
INSERT OR REPLACE INTO meta(key, value)
    SELECT 'compact_pending', '15' WHERE EXISTS (SELECT 1 FROM article_bodies_v15);
ALTER TABLE article_bodies_v15 RENAME TO article_bodies;

CREATE VIEW article_search(id, title, text) AS
    SELECT a.id, a.title, body_text(b.body) FROM articles a JOIN article_bodies b ON b.article_id = a.id;

-- As schemas 4 and 5 made them, reading the text through body_text(). A body is rewritten
-- only when the story's content changed (ArticleStore::upsert).
CREATE TRIGGER article_bodies_fts_insert AFTER INSERT ON article_bodies
WHEN NOT EXISTS (SELECT 1 FROM articles_fts_pending p WHERE p.id = new.article_id) BEGIN
    INSERT INTO articles_fts(rowid, title, text)
        SELECT new.article_id, a.title, body_text(new.body) FROM articles a WHERE a.id = new.article_id;
END;

CREATE TRIGGER article_bodies_fts_update AFTER UPDATE OF body ON article_bodies
WHEN NOT EXISTS (SELECT 1 FROM articles_fts_pending p WHERE p.id = new.article_id) BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        SELECT 'delete', old.article_id, a.title, body_text(old.body) FROM articles a WHERE a.id = old.article_id;
    INSERT INTO articles_fts(rowid, title, text)
        SELECT new.article_id, a.title, body_text(new.body) FROM articles a WHERE a.id = new.article_id;
END;

CREATE TRIGGER article_bodies_title_fts_insert AFTER INSERT ON article_bodies
WHEN NOT EXISTS (SELECT 1 FROM articles_fts_pending p WHERE p.id = new.article_id) BEGIN
    INSERT INTO articles_title_fts(rowid, title)
        SELECT a.id, a.title FROM articles a WHERE a.id = new.article_id;
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title ON articles
WHEN NOT EXISTS (SELECT 1 FROM articles_fts_pending p WHERE p.id = new.id) BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        SELECT 'delete', old.id, old.title, body_text(b.body) FROM article_bodies b WHERE b.article_id = old.id;
    INSERT INTO articles_fts(rowid, title, text)
        SELECT new.id, new.title, body_text(b.body) FROM article_bodies b WHERE b.article_id = new.id;
END;

CREATE TRIGGER articles_fts_delete BEFORE DELETE ON articles
WHEN NOT EXISTS (SELECT 1 FROM articles_fts_pending p WHERE p.id = old.id) BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        SELECT 'delete', old.id, old.title, body_text(b.body) FROM article_bodies b WHERE b.article_id = old.id;
END;

CREATE TRIGGER articles_title_fts_update AFTER UPDATE OF title ON articles
WHEN NOT EXISTS (SELECT 1 FROM articles_fts_pending p WHERE p.id = new.id)
     AND EXISTS (SELECT 1 FROM article_bodies b WHERE b.article_id = new.id) BEGIN
    INSERT INTO articles_title_fts(articles_title_fts, rowid, title)
        VALUES ('delete', old.id, old.title);
    INSERT INTO articles_title_fts(rowid, title) VALUES (new.id, new.title);
END;

CREATE TRIGGER articles_title_fts_delete BEFORE DELETE ON articles
WHEN NOT EXISTS (SELECT 1 FROM articles_fts_pending p WHERE p.id = old.id)
     AND EXISTS (SELECT 1 FROM article_bodies b WHERE b.article_id = old.id) BEGIN
    INSERT INTO articles_title_fts(articles_title_fts, rowid, title)
        VALUES ('delete', old.id, old.title);
END;
