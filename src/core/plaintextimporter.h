#pragma once

#include "core/advisory/advisoryrules.h"
#include "core/article.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace bulletin {

// Reads a plain-text article in the shape of the bundled sample (see DESIGN.md):
// paragraphs, one per line or separated by blank lines; short lines without end
// punctuation are section headings (see looksLikeHeading: a longer line is a paragraph
// whatever its punctuation, and the line right after a heading is always its text); "- "
// lines are list items; a "Public Advisory" section (or "Advisory", "Warning", "Safety
// advice", "What you should do", or any heading in PlainTextOptions::advisoryHeadings)
// becomes the advisory, a "Severity: X" line in it its severity; a "More Stories" (or
// "Related stories") section lists related headlines; a closing "stay tuned to
// <Publisher>" line names the publisher.
//
// The title: the caller's; else a headline on the first line (a short line without end
// punctuation with a blank line after it, see looksLikeHeadline); else one derived from
// the first sentence (the sample has no headline line). The note says which.
//
// Pure function of its input; QtCore only.
struct PlainTextImport
{
    Article article;
    QString publisher; // from "stay tuned to ...", empty when the text names none
    bool titleDerived = false; // true when the title was derived from the first sentence
    QString note; // says where the title and source came from
};

struct PlainTextOptions
{
    QString title; // given by the caller; derived from the text when empty
    QString source; // given by the caller; overrides the publisher line
    QString url;
    // Headings that start an advisory section (the user's list; see AdvisoryRules).
    QStringList advisoryHeadings = AdvisoryRules::defaultHeadings();
};

struct PlainTextResult
{
    std::optional<PlainTextImport> import;
    QString error; // one line, when the input was refused
};

PlainTextResult importPlainText(const QByteArray &bytes, const PlainTextOptions &options = {});

// A headline for a text that has none: its first sentence, cut at a clause or word
// boundary when long.
QString deriveTitle(const QString &firstParagraph);

} // namespace bulletin
