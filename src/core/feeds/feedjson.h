#pragma once

#include "core/feeds/parsedfeed.h"

#include <QJsonObject>

#include <functional>

namespace bulletin {

// The JSON form of a parsed feed printed by `bulletin parse FILE`; the contract is in
// corpus/README.md (feeds) and corpus/cap/README.md (CAP). Empty strings and invalid dates
// are null; dates are "YYYY-MM-DDTHH:MM:SSZ" in UTC.
//
// A bare CAP alert gives {"kind": "alert", "alerts": [one alert]}. A feed gives the feed
// fields plus "kind": "feed", "entries" and "alerts" with one alert per entry, in order:
// an entry that carries no CAP data gets {"carried": "none", ...} with every field null,
// because a CAP index feed may only link its alerts (the AMBER RSS index does not even say
// that it is one).
QJsonObject feedToJson(const ParsedFeed &feed);

// Writes feedToJson(feed) as QJsonDocument::Indented would print it, one entry at a time,
// through `write`: printing a feed of any size costs the memory of its largest entry, not
// another copy of every entry (a 60 MB feed peaked at 12 times its size as one document).
void writeFeedJson(const ParsedFeed &feed, const std::function<void(const QByteArray &)> &write);

QJsonObject capAlertToJson(const CapAlert &alert);

} // namespace bulletin
