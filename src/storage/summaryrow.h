#pragma once

#include "storage/records.h"

#include <QSqlQuery>

namespace bulletin::sql {

// The columns of a StorySummary, for queries over "articles a JOIN feeds f"; they come
// first in the SELECT so that readSummary() finds them at 0..11.
inline constexpr auto kSummaryColumns
    = "a.id, a.guid, a.title, a.link, f.title, a.feed_id, a.published, a.sort_date, "
      "NOT EXISTS (SELECT 1 FROM unread_articles u WHERE u.id = a.id), "
      "EXISTS (SELECT 1 FROM bookmarks b WHERE b.article_id = a.id), "
      "EXISTS (SELECT 1 FROM advisories v WHERE v.article_id = a.id), a.headline_only";
inline constexpr int kSummaryColumnCount = 12;

StorySummary readSummary(const QSqlQuery &q);

// The columns of an Advisory in the advisories table "v", read back by readAdvisory() from
// column `first` on. The status of an active advisory whose expiry has passed reads as
// "expired": expiry retires an advisory without anyone writing to the cache.
inline constexpr auto kAdvisoryColumns
    = "v.origin, v.headline, v.text, v.instruction, v.severity, v.urgency, v.certainty, v.issuer, "
      "v.area, v.effective, v.onset, v.expires, v.status, v.msg_type, v.identifier, v.sender, "
      "v.refs";

Advisory readAdvisory(const QSqlQuery &q, int first);
// The status an advisory is shown with: "expired" for an active one past its expiry.
QString shownStatus(const QString &status, const QDateTime &expires);

} // namespace bulletin::sql
