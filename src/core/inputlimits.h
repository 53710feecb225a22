#pragma once

#include <QByteArrayView>
#include <QString>

namespace bulletin {

// The bounds Bulletin keeps on what it reads, so that no input, however large, makes the
// parsers, the plain-text importer or the reader run away with memory or time. Each cut is
// said: the text itself ends with textCutNotice() (so the reader, search and exports all
// show it), and the parse or import that cut says how many texts it cut.
//
// The most characters one text keeps: a feed item's HTML or title, a plain-text article.
// Two million characters are some 300,000 words, a long book; the longest article in the
// project's corpora has under 100,000.
constexpr qsizetype kMaxTextChars = 2'000'000;

// The deepest nesting of XML elements a feed or an OPML file may have. Real documents
// nest a few levels (an XHTML article some tens); the XML reader keeps a record of every
// open element, so a file of 200,000 nested elements cost ten times its size.
constexpr int kMaxNestingDepth = 1000;

// " [… Bulletin cut the rest of this text: it is longer than 2,000,000 characters.]"
QString textCutNotice();

// Cuts `text` to at most kMaxTextChars characters and ends it with the notice. Returns
// false, leaving `text` alone, when it is not longer than that.
bool capText(QString &text);

// Ends a text that was cut (to whatever length) with the notice. An HTML tag or character
// reference that the cut split at the very end is dropped first, so that the notice is text
// and not part of a tag; a surrogate pair is never split.
void endCutText(QString &text);

// "1 text" / "N texts" longer than the limit "were cut": for a parse's warning or an
// import's note.
QString textsCutMessage(int count);

// The length of the longest start of valid UTF-8 that decodes to at most `units` UTF-16
// code units (QString characters), ending at a character boundary.
qsizetype utf8PrefixFor(QByteArrayView utf8, qsizetype units);

// A count for a message: "2,000,000" (messages are English, whatever the locale).
QString formatCount(qint64 count);

} // namespace bulletin
