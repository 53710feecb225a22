-- additive: this version adds a column with a default value and fills it in the feeds table's own rows from the advisories the cache holds; no story, bookmark or read state is rewritten, so the upgrade to it needs no backup copy.
-- Schema version 11: feeds that carry CAP alerts.
-- A feed of public warnings (a CAP alert or an Atom/RSS feed whose entries carry or link CAP
-- alerts) is refreshed on the alert sources' short interval rather than the news default, so
-- that a new warning reaches the banner minutes after it is issued. `carries_alerts` says the
-- feed's last full read was such a feed (FeedWriter sets it); a 304 has no body to tell, so
-- the cached feeds are filled in here from their stories' CAP advisories.
ALTER TABLE feeds ADD COLUMN carries_alerts INTEGER NOT NULL DEFAULT 0;
UPDATE feeds SET carries_alerts = 1
 WHERE id IN (SELECT a.feed_id FROM advisories v JOIN articles a ON a.id = v.article_id
               WHERE v.origin = 'cap');
