-- additive: this version only adds a column with a default value to the table of counts (500 rows in a large cache), fills it from the advisories, and replaces and adds triggers; no story, bookmark or read mark is rewritten, so the upgrade to it needs no backup copy.
-- Schema version 18: beside each feed's number of unread stories, its number of unread
-- stories with an advisory, kept by the same triggers and by two on the advisories (a story
-- gains or loses an advisory: a CAP update, a user's rule). The sidebar's Advisories count
-- was a look-up in unread_articles for each of the advisories (10,310 in the 1,000,000-story
-- benchmark cache), at the window's start and after each refresh; it is now a sum over the
-- feeds' rows. A story deleted with its advisory takes its mark off once, whichever of its
-- two rows goes first.
ALTER TABLE feed_unread ADD COLUMN advisories INTEGER NOT NULL DEFAULT 0;

UPDATE feed_unread SET advisories = x.n
    FROM (SELECT u.feed_id AS feed_id, count(*) AS n FROM advisories v
          JOIN unread_articles u ON u.id = v.article_id GROUP BY u.feed_id) AS x
    WHERE x.feed_id = feed_unread.feed_id;

DROP TRIGGER feed_unread_insert;
CREATE TRIGGER feed_unread_insert AFTER INSERT ON unread_articles BEGIN
    INSERT INTO feed_unread(feed_id, unread, advisories)
        VALUES (new.feed_id, 1, EXISTS (SELECT 1 FROM advisories v WHERE v.article_id = new.id))
        ON CONFLICT(feed_id) DO UPDATE SET unread = unread + 1,
            advisories = advisories + excluded.advisories;
END;

DROP TRIGGER feed_unread_delete;
CREATE TRIGGER feed_unread_delete AFTER DELETE ON unread_articles BEGIN
    UPDATE feed_unread SET unread = unread - 1,
        advisories = advisories - EXISTS (SELECT 1 FROM advisories v WHERE v.article_id = old.id)
        WHERE feed_id = old.feed_id;
END;

CREATE TRIGGER feed_unread_advisory_insert AFTER INSERT ON advisories BEGIN
    UPDATE feed_unread SET advisories = advisories + 1
        WHERE feed_id = (SELECT u.feed_id FROM unread_articles u WHERE u.id = new.article_id);
END;

CREATE TRIGGER feed_unread_advisory_delete AFTER DELETE ON advisories BEGIN
    UPDATE feed_unread SET advisories = advisories - 1
        WHERE feed_id = (SELECT u.feed_id FROM unread_articles u WHERE u.id = old.article_id);
END;
