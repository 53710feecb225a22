#pragma once

#include "storage/records.h"

#include <QByteArray>
#include <QList>

namespace bulletin {

// Exporting bookmarks: pure functions of the records, so tests need no window or files.

// The Netscape bookmark file format (<!DOCTYPE NETSCAPE-Bookmark-file-1>) that Firefox,
// Chrome, Edge and Safari all import: one "Bulletin" folder, a <DT><A> per bookmark with its
// ADD_DATE and a <DD> holding the note. Every bookmark is in the file: a relative link (a
// story stored before feeds' relative links were resolved) is resolved against the address
// of the feed it came from (BookmarkRecord::feedUrl); one that still has no http(s) address
// (no feed address known, javascript:, none at all) is listed without a link, as a
// browser cannot open it. `unlinked` (optional) says how many have no link.
QByteArray bookmarksToNetscapeHtml(const QList<BookmarkRecord> &bookmarks, int *unlinked = nullptr);

// The http(s) address a browser opens for the bookmark, fully encoded (a relative link
// resolved against its feed's address); empty when there is none.
QString bookmarkWebLink(const BookmarkRecord &bookmark);

// {"bookmarks": [...]} in the shape of `bulletin bookmarks --json`: the story summary fields
// plus "note" and "bookmarked_at"; "id" is the cached story's id, null once it has gone.
QByteArray bookmarksToJson(const QList<BookmarkRecord> &bookmarks);

} // namespace bulletin
