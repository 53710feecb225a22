#pragma once

#include "storage/records.h"

#include <QByteArray>
#include <QList>

namespace bulletin {

// Exporting bookmarks: pure functions of the records, so tests need no window or files.

// The Netscape bookmark file format (<!DOCTYPE NETSCAPE-Bookmark-file-1>) that Firefox,
// Chrome, Edge and Safari all import: one "Bulletin" folder, a <DT><A> per bookmark with its
// ADD_DATE and a <DD> holding the note. A bookmark without an http(s) link cannot be opened
// by a browser and is left out; `skipped` (optional) says how many were.
QByteArray bookmarksToNetscapeHtml(const QList<BookmarkRecord> &bookmarks, int *skipped = nullptr);

// {"bookmarks": [...]} in the shape of `bulletin bookmarks --json`: the story summary fields
// plus "note" and "bookmarked_at"; "id" is the cached story's id, null once it has gone.
QByteArray bookmarksToJson(const QList<BookmarkRecord> &bookmarks);

} // namespace bulletin
