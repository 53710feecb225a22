#pragma once

#include <QString>

#include <optional>

namespace bulletin {

class Cache;

// The feed or folder that an option such as `--feed ID` or `--folder ID` names, checked
// against the cache: a mistyped id is an error in words, never an empty list that looks
// like a source without stories. `kind` is "feed" or "folder". Returns the id; otherwise
// nothing, with *error set ("--feed needs a feed id, not \"abc\"", "no feed with id 999 in
// the cache").
std::optional<qint64> existingSourceId(Cache &cache, const QString &kind, const QString &value,
                                       QString *error);

} // namespace bulletin
