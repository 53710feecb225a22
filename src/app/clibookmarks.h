#pragma once

#include <QString>

namespace bulletin {

class CliArgs;

// The command line's bookmark commands (docs/cli.md). Each opens the cache at cachePath and
// returns the exit status: 0, or 1 after one line on stderr. Main thread only.

// `bookmark ID [--note TEXT] [--off]`: bookmarks a story of the cache (with a note), or
// removes its bookmark; a story of a sync account also queues the change for its server.
int cmdBookmark(const QString &cachePath, const CliArgs &args);

// `bookmarks [--json]`: every bookmark, newest first, with its note; one whose story has left
// the cache is listed from its snapshot (id "-", or "id": null in {"bookmarks": [...]}).
int cmdBookmarks(const QString &cachePath, const CliArgs &args);

} // namespace bulletin
