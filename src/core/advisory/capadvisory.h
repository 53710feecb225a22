#pragma once

#include "core/article.h"
#include "core/feeds/parsedfeed.h"

#include <QDateTime>

#include <optional>

namespace bulletin {

// One advisory model for all sources: a CAP alert becomes an Advisory. Of several <info>
// blocks (one per language) the one in `preferredLanguage` is taken, else English, else the
// first. An alert with no <info> (a bare Cancel) still gives an advisory that retires the
// ones it references. `now` decides whether it has expired.
std::optional<Advisory> advisoryFromCap(const CapAlert &alert, const QString &preferredLanguage,
                                        const QDateTime &now);

// The CAP info block a reader shows, by the rule above; nullptr when the alert has none.
const CapInfo *preferredInfo(const CapAlert &alert, const QString &preferredLanguage);

// "sender,identifier,sent" → {sender, identifier}; empty strings when malformed.
std::pair<QString, QString> parseCapReference(const QString &reference);

} // namespace bulletin
