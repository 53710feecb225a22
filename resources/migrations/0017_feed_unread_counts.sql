-- additive: this version only adds a table of counts filled from the unread stories and the triggers that keep it; no row of an existing table is rewritten, so the upgrade to it needs no backup copy.
-- Schema version 17: each feed's number of unread stories, kept by triggers as
-- unread_articles gains and loses rows (a new story, a story marked read or unread, a story
-- deleted with its feed or by retention), so that the sidebar reads one row per feed at the
-- window's start and after each change, instead of counting every unread story's index
-- entry (200,000 of them at 1,000,000 stories). A feed's row goes with the feed.
CREATE TABLE feed_unread (
    feed_id  INTEGER PRIMARY KEY REFERENCES feeds(id) ON DELETE CASCADE,
    unread   INTEGER NOT NULL
);

INSERT INTO feed_unread(feed_id, unread)
    SELECT feed_id, count(*) FROM unread_articles GROUP BY feed_id;

CREATE TRIGGER feed_unread_insert AFTER INSERT ON unread_articles BEGIN
    INSERT INTO feed_unread(feed_id, unread) VALUES (new.feed_id, 1)
        ON CONFLICT(feed_id) DO UPDATE SET unread = unread + 1;
END;

CREATE TRIGGER feed_unread_delete AFTER DELETE ON unread_articles BEGIN
    UPDATE feed_unread SET unread = unread - 1 WHERE feed_id = old.feed_id;
END;
