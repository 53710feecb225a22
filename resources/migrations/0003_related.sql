-- Schema version 3: a headline-only full-text index for related coverage.
-- Related coverage fetches candidates by their headlines and weighs headline words by how
-- many headlines hold them. The articles_fts index mixes titles with body text, so its
-- document frequencies describe bodies, and reading them from a big cache would scan long
-- doclists. This index holds titles only (external content on articles, kept in step by
-- triggers), and its fts5vocab table gives headline document frequencies cheaply.

CREATE VIRTUAL TABLE articles_title_fts USING fts5(
    title,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE articles_title_vocab USING fts5vocab(articles_title_fts, 'row');

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

-- Index the stories already in the cache.
INSERT INTO articles_title_fts(articles_title_fts) VALUES ('rebuild');
