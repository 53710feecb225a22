#pragma once

#include <QString>

namespace bulletin {

class CliArgs;

// The command line's advisory commands (docs/cli.md, "Advisory rules"; what the rules do is
// in docs/advisories.md). Each opens the cache at cachePath and returns the exit status: 0,
// or 1 after one line on stderr. Main thread only.

// `advisories [--json] [--active]`: the cached advisories with their stories.
int cmdAdvisories(const QString &cachePath, const CliArgs &args);

// `alert-source FEED-ID on|off`: every story of the feed becomes an advisory (from the next
// write of its stories; `advisory-rules apply` re-evaluates the cached ones).
int cmdAlertSource(const QString &cachePath, const CliArgs &args);

// `advisory-rules [--json]` shows the keywords, section headings and alert-source feeds;
// `add-keyword WORD | remove-keyword WORD | add-heading TEXT | remove-heading TEXT | reset`
// changes them (case-insensitively; adding what is there or removing what is not is an
// error) and shows the result; `apply [--json]` re-evaluates the cached stories that have no
// advisory of their own.
int cmdAdvisoryRules(const QString &cachePath, const CliArgs &args);

} // namespace bulletin
