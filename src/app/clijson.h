#pragma once

#include "storage/records.h"

#include <QJsonObject>

namespace bulletin {

// The command line's JSON shapes (documented in docs/cli.md).
QJsonObject storyJson(const StorySummary &story);            // "S"
QJsonObject advisoryJson(const Advisory &advisory);
QJsonObject relatedJson(const RelatedStory &related);
QJsonObject bookmarkJson(const BookmarkRecord &bookmark);   // S plus note and bookmarked_at
QJsonValue timeJson(const QDateTime &time);                 // ISO 8601 UTC or null

} // namespace bulletin
