#pragma once

#include <QStringView>

namespace bulletin {

// How plain text marks its structure without markup: the shape of a line says whether it
// heads a section or a whole story. The plain-text importer and the advisory sections found
// in a feed item's text both read lines with these rules, so a section is read the same way
// wherever it comes from. Pure functions, thread-safe.

// True when the line ends with sentence or clause punctuation (. ! ? : ; , …) or with a
// closing quote or bracket.
bool endsWithPunctuation(QStringView line);

// A section heading: one line of at most 10 words and 80 characters, without end
// punctuation, that starts with a capital letter or a digit ("Public Advisory", "Details of
// the Cyberattack"). Instructions often come without a full stop ("Stay away from fallen
// power lines and report them to the utility"), so a longer line is a paragraph whatever its
// punctuation. A "Severity: Severe" line is a field of the section, never a heading.
bool looksLikeHeading(QStringView line);

// A headline written on a text's first line: like a heading, but up to 20 words and 120
// characters ("Germany and Poland Sign Groundbreaking Deal on Next-Generation Military
// Satellites"), and it may open with a quotation mark.
bool looksLikeHeadline(QStringView line);

// True for a line that only states a severity on CAP's scale: "Severity: Severe",
// "severity - extreme".
bool isSeverityLine(QStringView line);

} // namespace bulletin
