#pragma once

#include <QDateTime>
#include <QStringView>

namespace bulletin {

// Parses the date formats found in feeds and returns the instant in UTC, or an invalid
// QDateTime when the text is empty or not understood (never "now": a wrong date would sort
// a story to the top of the list forever).
//
// Understood: RFC 822/1123/2822 ("Thu, 01 Jan 2004 19:48:21 GMT") with numeric offsets,
// UT/GMT/UTC/Z, US zones (EST, PDT...), missing seconds, two-digit years, day names missing
// or in another language, and ISO 8601 / RFC 3339 / W3C-DTF ("2003-12-31T10:14:55.12-08:00",
// "2003-12-31", "2003-12", "-00:00"). A date without a time is 00:00:00 UTC; a time without
// a zone is taken as UTC.
QDateTime parseFeedDate(QStringView text);

// The ISO 8601 forms only (CAP and JSON Feed dates, Atom).
QDateTime parseIso8601Date(QStringView text);

// The RFC 822 family only.
QDateTime parseRfc822Date(QStringView text);

} // namespace bulletin
