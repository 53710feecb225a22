#pragma once

#include <QString>

namespace bulletin {

class CliArgs;

// The command line's reading commands (docs/cli.md, "Commands" and "JSON output"). Each
// opens the cache at cachePath, prints on standard output and returns the exit status: 0, or
// 1 after one line on stderr (a bad id or option, a cache that cannot be used, a failed
// write). Main thread only.

// How many stories `list` and `search` print without --limit (the newest, or the best).
constexpr int kDefaultListLimit = 50;

// `list [--json] [--limit N] [--unread] [--feed ID] [--folder ID] [--bookmarked]
// [--advisories] [--grouped]`: the newest stories of the view, one line each, or
// {"stories": [S]}; --grouped gathers the listed reports of one news event under it
// ({"events": [{"id", "sources", "stories"}]}). Pages through the cache's keyset, so a large
// --limit never builds one huge query.
int cmdList(const QString &cachePath, const CliArgs &args);

// `show ID [--json]`: one story as the reader shows it, its related coverage (the
// publisher's links first, then what the cache finds) and its advisory.
int cmdShow(const QString &cachePath, const CliArgs &args);

// `search QUERY [--json] [--limit N] [--feed ID] [--folder ID] [--unread]`: the best matches,
// each with a snippet ({"results": [S + "snippet", "rank"]}).
int cmdSearch(const QString &cachePath, const CliArgs &args);

// `read ID [--off]`: marks a story read (or unread); a story of a sync account also queues
// the change for its server, in the same transaction.
int cmdRead(const QString &cachePath, const CliArgs &args);

} // namespace bulletin
