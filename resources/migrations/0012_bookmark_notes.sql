-- additive: this version only adds a table and copies the notes into it, which rewrites no row, so the upgrade to it needs no backup copy.
-- Schema version 12: a bookmark's note in a table of its own.
-- The Bookmarks list shows each bookmark's note, but the note was the last column of the
-- bookmark's row, after the story's text and HTML snapshots: reading it meant reading them
-- from their overflow pages (~6 KB a bookmark when the file is not in memory).
-- bookmark_notes holds the notes, which the list reads with a small join. bookmarks.note is
-- no longer read or written: it keeps the notes as they were at this upgrade, because
-- dropping or clearing it would rewrite every bookmark with its snapshots.
CREATE TABLE bookmark_notes (
    bookmark_id  INTEGER PRIMARY KEY REFERENCES bookmarks(id) ON DELETE CASCADE,
    note         TEXT NOT NULL
);

INSERT INTO bookmark_notes(bookmark_id, note)
    SELECT id, note FROM bookmarks WHERE note IS NOT NULL AND note <> '';
