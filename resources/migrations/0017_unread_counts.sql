-- additive: this version only adds a table of counts filled from the unread stories and the triggers that keep it, gives two triggers a cheaper first test and adds an index; no row of an existing table is rewritten, so the upgrade to it needs no backup copy.
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

-- The triggers that queue an account's read marks for its server (schema 13) look for the
-- story's server id first: a story that has none (every story of a feed of this computer's)
-- queues nothing, and now costs one look-up in a small table instead of a look-up of the
-- story and the two statements that found nothing to do. Marking a 10,000-story feed read
-- spent two thirds of its time in them.
DROP TRIGGER sync_pending_read;
CREATE TRIGGER sync_pending_read AFTER DELETE ON unread_articles
WHEN EXISTS (SELECT 1 FROM account_articles m WHERE m.article_id = old.id)
     AND NOT EXISTS (SELECT 1 FROM sync_applying)
     AND EXISTS (SELECT 1 FROM articles a WHERE a.id = old.id) BEGIN
    DELETE FROM sync_pending WHERE field = 'read' AND (account_id, remote_id) IN
        (SELECT m.account_id, m.remote_id FROM account_articles m WHERE m.article_id = old.id);
    INSERT INTO sync_pending(account_id, remote_id, field, value, queued_at)
        SELECT m.account_id, m.remote_id, 'read', 1, CAST(strftime('%s', 'now') AS INTEGER)
        FROM account_articles m WHERE m.article_id = old.id;
END;

DROP TRIGGER sync_pending_unread;
CREATE TRIGGER sync_pending_unread AFTER INSERT ON unread_articles
WHEN EXISTS (SELECT 1 FROM account_articles m WHERE m.article_id = new.id)
     AND NOT EXISTS (SELECT 1 FROM sync_applying) BEGIN
    DELETE FROM sync_pending WHERE field = 'read' AND (account_id, remote_id) IN
        (SELECT m.account_id, m.remote_id FROM account_articles m WHERE m.article_id = new.id);
    INSERT INTO sync_pending(account_id, remote_id, field, value, queued_at)
        SELECT m.account_id, m.remote_id, 'read', 0, CAST(strftime('%s', 'now') AS INTEGER)
        FROM account_articles m WHERE m.article_id = new.id;
END;

-- The banner's advisory (AdvisoryStore::mostSevereActive: the most severe active one not
-- dismissed, soonest to expire) in the banner's order, so that choosing it reads the first
-- entries instead of sorting every active advisory (10,310 of them in the 1,000,000-story
-- benchmark cache) at the window's start and after each refresh.
CREATE INDEX advisories_banner ON advisories(status, dismissed,
    (CASE lower(severity) WHEN 'extreme' THEN 4 WHEN 'severe' THEN 3 WHEN 'moderate' THEN 2
     WHEN 'minor' THEN 1 ELSE 0 END) DESC,
    (expires IS NULL), expires, (coalesce(effective, 0)) DESC, id DESC);
