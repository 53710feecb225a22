#include "core/headingshape.h"

#include <QRegularExpression>

namespace bulletin {

namespace {

constexpr int kMaxHeadingLength = 80;
constexpr int kMaxHeadingWords = 10;
constexpr int kMaxHeadlineLength = 120;
constexpr int kMaxHeadlineWords = 20;

bool hasShape(QStringView line, int maxLength, int maxWords, bool mayOpenWithQuote)
{
    if (line.isEmpty() || line.size() > maxLength || line.contains(u'\n')
        || endsWithPunctuation(line) || isSeverityLine(line))
        return false;
    int words = 0;
    bool inWord = false;
    for (const QChar c : line) {
        if (c.isSpace()) {
            inWord = false;
        } else if (!inWord) {
            inWord = true;
            if (++words > maxWords)
                return false;
        }
    }
    const QChar first = line.front();
    static const QString openingQuotes = QStringLiteral("\"'\u201C\u2018\u00AB");
    return first.isUpper() || first.isDigit()
        || (mayOpenWithQuote && openingQuotes.contains(first));
}

} // namespace

bool endsWithPunctuation(QStringView line)
{
    static const QString punctuation = QStringLiteral(".!?:;,\u2026\"\u201D)");
    return !line.isEmpty() && punctuation.contains(line.back());
}

bool looksLikeHeading(QStringView line)
{
    return hasShape(line, kMaxHeadingLength, kMaxHeadingWords, false);
}

bool looksLikeHeadline(QStringView line)
{
    return hasShape(line, kMaxHeadlineLength, kMaxHeadlineWords, true);
}

bool isSeverityLine(QStringView line)
{
    static const QRegularExpression pattern(
        QStringLiteral(
            "^\\s*severity\\s*[:\\-]\\s*(extreme|severe|moderate|minor|unknown)\\s*[.!]?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    return line.size() < 40 && pattern.match(line).hasMatch();
}

} // namespace bulletin
