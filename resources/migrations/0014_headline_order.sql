-- additive: this version only adds an index, so the upgrade to it needs no backup copy.
-- Schema version 14: a feed's stories in headline order from an index.
-- The story list can be sorted by headline. Over all stories the order comes from
-- articles_title, but a feed's stories were read from their rows to be sorted: a page of a
-- 10,000-story feed read every one of its rows (a quarter of a second when the file is not
-- in memory). This index lists each feed's headlines in the list's order (NOCASE, then id).
CREATE INDEX articles_feed_title ON articles(feed_id, title COLLATE NOCASE);
