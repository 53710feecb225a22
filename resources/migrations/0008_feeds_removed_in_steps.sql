-- additive: this version only adds a column with a default value, which rewrites no row, so the upgrade to it needs no backup copy.
-- Schema version 8: unsubscribing marks the feed, and its stories are deleted in steps.
-- Deleting a feed deletes its stories with it (ON DELETE CASCADE), and with them their
-- bodies, search index entries and list index entries: for a feed of 10,000 stories in a
-- 100,000-story cache 1.6-1.8 s in one transaction, which the window spent on its GUI
-- thread. Now unsubscribing only sets `removing`: the feed leaves every list of feeds, so no
-- view or refresh shows or asks it again, and FeedStore::purgeRemoved deletes its stories a
-- hundred at a time on a thread of their own (FeedPurger), then the feed.
-- A kill between two steps leaves the mark, and the next window carries on.
ALTER TABLE feeds ADD COLUMN removing INTEGER NOT NULL DEFAULT 0;
