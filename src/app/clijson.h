#pragma once

#include "storage/records.h"

#include <QHash>
#include <QJsonObject>

#include <optional>

namespace bulletin {

// The command line's JSON shapes (documented in docs/cli.md).
// "S"; feedAccounts (AccountStore::feedAccounts) gives its "account_id", null for a local story.
QJsonObject storyJson(const StorySummary &story, const QHash<qint64, qint64> &feedAccounts);
QJsonObject advisoryJson(const Advisory &advisory);
QJsonObject relatedJson(const RelatedStory &related);
// S plus note and bookmarked_at; accountId: of its story, while that is in the cache.
QJsonObject bookmarkJson(const BookmarkRecord &bookmark, std::optional<qint64> accountId);
QJsonValue timeJson(const QDateTime &time); // ISO 8601 UTC or null
QJsonValue idJson(const std::optional<qint64> &id); // the id or null

} // namespace bulletin
