-- additive: this version only changes how the search indexes merge, so the upgrade to it needs no backup copy.
-- Schema version 7: the search indexes are merged after a refresh has indexed its stories,
-- not while it does.
-- FTS5 writes what a statement indexed as a segment of its own, and by default ('automerge'
-- 4) merges segments as soon as four of a size are there, inside the statement that wrote
-- the fourth. A refresh indexes its stories in batches of a few hundred (short transactions,
-- so that read marks written meanwhile do not wait), and that merging was about half of
-- indexing them. With automerge off, a batch only writes its segment; the refresh's writer
-- then merges in short steps ('merge', ArticleStore::mergeIndexes) once its stories are
-- findable. FTS5 still merges on its own when sixteen segments of a size pile up
-- ('crisismerge'), so other writers that index as they store leave the index bounded.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 0);
INSERT INTO articles_title_fts(articles_title_fts, rank) VALUES ('automerge', 0);
