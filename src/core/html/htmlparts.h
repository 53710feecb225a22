#pragma once

#include <QString>
#include <QStringView>

namespace bulletin {

// One part of a long story's sanitised HTML, for a reader that lays out a bounded amount of
// text at a time.
struct HtmlPart
{
    QString html; // balanced HTML of this part alone
    int index = 0; // 0-based; the requested index, clamped to the parts there are
    int count = 1; // how many parts the whole HTML makes (at least 1)
};

// Splits sanitised HTML (sanitizeHtml()'s output: balanced, escaped, no comments; void
// elements br, hr, img) into parts of at most about maxChars characters each, and returns
// part `index`. Each part is balanced HTML on its own: the elements open where a part ends
// are closed there and opened again, with their attributes, at the start of the next.
//
// A part ends after the last block (a paragraph, a list item, ...) that closes in its last
// quarter, else at the last white space within 1,000 characters, else (a run of text
// without one) where it reaches maxChars. Characters of text count one each, a character
// reference counts one, and so does each start tag, so that markup without text (a
// thousand images) is bounded too.
//
// Text runs without a break opportunity get a zero-width space (U+200B) every
// kUnbreakableRun characters: Qt's line breaking takes time quadratic in the length of
// a word it has to break anywhere (a 200,000-character word took 10 s to lay out, 400,000
// took 35 s), and linear time with these.
//
// Linear in the size of html whatever the index. Pure function, thread-safe.
HtmlPart htmlPart(QStringView html, int index, qsizetype maxChars);

// The longest run of characters without a break opportunity that htmlPart() leaves alone.
constexpr qsizetype kUnbreakableRun = 64;

} // namespace bulletin
