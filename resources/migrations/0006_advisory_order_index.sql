-- additive: this version only adds an index, so the upgrade to it needs no backup copy.
-- Schema version 6: the Advisories view's order from an index.
-- The view orders advisories by when they took effect, newest first, then by how severe
-- and how soon they expire the active ones are. Reading that order scanned the advisories
-- table, whose rows hold each advisory's text: over 10,000 advisories, ~15 MB read for the
-- ~0.5 MB the order needs, most of a second when the file is not in memory. This index
-- holds the order's columns, in the order's order.
CREATE INDEX advisories_order ON advisories(effective DESC, id DESC, article_id, status, severity, expires);
