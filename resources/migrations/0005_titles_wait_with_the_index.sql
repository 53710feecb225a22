-- Schema version 5: a story's headline enters the headline index when its text enters the
-- search index.
-- A refresh stores its stories with search indexing deferred (articles_fts_pending) and
-- indexes them in batches afterwards. The headline index was still filled by a trigger on
-- every new story row, one story per statement; and an FTS5 table writes what it holds in
-- memory to disk, as a segment of its own, at every statement of a transaction it takes
-- part in. So each stored story cost the headline index a one-row segment and the merging
-- of those segments: ~0.1 ms a story (a fifth of storing it), where indexing the headlines
-- of a batch in one statement costs a few hundredths of that.
-- Now both indexes follow the same rule: they hold every story that has a body row and is
-- not pending. A pending story enters both when ArticleStore::indexPending indexes it; any
-- other story as its body row is written, as before.

-- Stories still pending are in the headline index already (the old trigger put them
-- there): finish their text index now, so that none of them is put in the headline index
-- a second time.
INSERT INTO articles_fts(rowid, title, text)
    SELECT s.id, s.title, s.text FROM article_search s
    WHERE s.id IN (SELECT id FROM articles_fts_pending);
DELETE FROM articles_fts_pending;

DROP TRIGGER articles_title_fts_insert;
DROP TRIGGER articles_title_fts_delete;
DROP TRIGGER articles_title_fts_update;

CREATE TRIGGER article_bodies_title_fts_insert AFTER INSERT ON article_bodies
WHEN NOT EXISTS (SELECT 1 FROM articles_fts_pending p WHERE p.id = new.article_id) BEGIN
    INSERT INTO articles_title_fts(rowid, title)
        SELECT a.id, a.title FROM articles a WHERE a.id = new.article_id;
END;

CREATE TRIGGER articles_title_fts_update AFTER UPDATE OF title ON articles
WHEN NOT EXISTS (SELECT 1 FROM articles_fts_pending p WHERE p.id = new.id)
     AND EXISTS (SELECT 1 FROM article_bodies b WHERE b.article_id = new.id) BEGIN
    INSERT INTO articles_title_fts(articles_title_fts, rowid, title)
        VALUES ('delete', old.id, old.title);
    INSERT INTO articles_title_fts(rowid, title) VALUES (new.id, new.title);
END;

-- BEFORE the delete, like articles_fts_delete: the pending row and the body row go with
-- the story (ON DELETE CASCADE).
CREATE TRIGGER articles_title_fts_delete BEFORE DELETE ON articles
WHEN NOT EXISTS (SELECT 1 FROM articles_fts_pending p WHERE p.id = old.id)
     AND EXISTS (SELECT 1 FROM article_bodies b WHERE b.article_id = old.id) BEGIN
    INSERT INTO articles_title_fts(articles_title_fts, rowid, title)
        VALUES ('delete', old.id, old.title);
END;
