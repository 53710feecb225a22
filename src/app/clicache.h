#pragma once

#include <QString>

#include <memory>
#include <optional>

namespace bulletin {

class Cache;

// The cache as a command opens it, and the sources a command's options name in it.
// Main thread only, like the rest of the command line.

// Opens (creating or migrating as needed) the cache at `path`. On failure prints the reason
// on stderr, sets *status to the command's exit status (1) and returns nullptr.
std::unique_ptr<Cache> openCache(const QString &path, int *status);

// The feed or folder that an option such as `--feed ID` or `--folder ID` names, checked
// against the cache: a mistyped id is an error in words, never an empty list that looks
// like a source without stories. `kind` is "feed" or "folder". Returns the id; otherwise
// nothing, with *error set ("--feed needs a feed id, not \"abc\"", "no feed with id 999 in
// the cache").
std::optional<qint64> existingSourceId(Cache &cache, const QString &kind, const QString &value,
                                       QString *error);

} // namespace bulletin
