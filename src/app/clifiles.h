#pragma once

#include <QString>

namespace bulletin {

class CliArgs;

// The command line's file commands (docs/cli.md, "Importing files"): documents in, the
// subscriptions out. Each returns the exit status: 0, or 1 after one line on stderr per
// failure. Main thread only.

// `parse FILE [--url URL] [--charset NAME]`: the feed normalised, as JSON; needs no cache.
// --url, the address the file came from, resolves its relative links and must be an
// absolute http(s) address.
int cmdParse(const CliArgs &args);

// `import FILE... [--title T] [--source NAME] [--url URL] [--json]`: each file by its
// content (a feed, an OPML subscription list, a plain-text article) into the cache at
// cachePath, then the new stories' related coverage. A file that fails is reported and the
// others still go in; the status is 1 when any failed ({"imports": [{"path", "kind",
// "added", "updated", "unchanged", "story_ids", "note"}]}).
int cmdImport(const QString &cachePath, const CliArgs &args);

// `export-opml FILE`: the subscriptions as OPML, to standard output for "-"; FILE is
// replaced only once the new one is complete.
int cmdExportOpml(const QString &cachePath, const CliArgs &args);

// `check`: the cache's integrity check; a whole cache is backed up, damage is one line and
// exit status 1.
int cmdCheck(const QString &cachePath, const CliArgs &args);

} // namespace bulletin
