#include "core/advisory/advisoryrules.h"

#include "core/html/htmltext.h"

#include <QRegularExpression>

#include <algorithm>

namespace bulletin {

namespace {

constexpr int kSummaryLength = 300;
constexpr int kMaxHeadingLength = 100;
constexpr int kMaxHeadingWords = 14;

// The regular expression of one keyword: its words in order, any white space between them,
// not preceded or followed by a letter, digit or underscore.
QRegularExpression keywordPattern(const QString &keyword)
{
    QStringList words;
    for (const QString &word : keyword.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
        words << QRegularExpression::escape(word);
    return QRegularExpression(QStringLiteral("(?<![\\p{L}\\p{N}_])%1(?![\\p{L}\\p{N}_])")
                                  .arg(words.join(QStringLiteral("\\s+"))),
                              QRegularExpression::CaseInsensitiveOption
                                  | QRegularExpression::UseUnicodePropertiesOption);
}

QString severityFromText(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("\\bseverity\\s*[:\\-]\\s*(extreme|severe|moderate|minor)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return QStringLiteral("Unknown");
    const QString word = match.captured(1).toLower();
    return word.left(1).toUpper() + word.mid(1);
}

bool endsWithPunctuation(const QString &line)
{
    static const QString punctuation = QStringLiteral(".!?:;,\u2026\"\u201D)");
    return !line.isEmpty() && punctuation.contains(line.back());
}

// A block that ends an advisory section: a short line without end punctuation that starts
// with a capital letter or digit (the plain-text importer's rule for headings).
bool looksLikeHeading(const QString &block)
{
    if (block.isEmpty() || block.contains(QLatin1Char('\n')) || block.size() > kMaxHeadingLength
        || endsWithPunctuation(block))
        return false;
    if (block.split(QLatin1Char(' '), Qt::SkipEmptyParts).size() > kMaxHeadingWords)
        return false;
    return block.front().isUpper() || block.front().isDigit();
}

bool isAsciiSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == ' ' || (u >= '\t' && u <= '\r');
}

// The text's blocks, split at every blank line (a line break, any ASCII white space with
// at least one more line break in it); empty blocks are left out.
QList<QStringView> blankLineBlocks(QStringView text)
{
    QList<QStringView> blocks;
    const qsizetype n = text.size();
    qsizetype start = 0;
    for (qsizetype i = 0; (i = text.indexOf(u'\n', i)) >= 0; ++i) {
        qsizetype lastBreak = -1;
        for (qsizetype j = i + 1; j < n && isAsciiSpace(text[j]); ++j) {
            if (text[j] == u'\n')
                lastBreak = j;
        }
        if (lastBreak < 0)
            continue;
        if (i > start)
            blocks << text.mid(start, i - start);
        start = lastBreak + 1;
        i = lastBreak;
    }
    if (start < n)
        blocks << text.mid(start);
    return blocks;
}

} // namespace

QStringList AdvisoryRules::defaultHeadings()
{
    return {QStringLiteral("Public Advisory"), QStringLiteral("Advisory"),
            QStringLiteral("Public Safety Advisory"), QStringLiteral("Warning"),
            QStringLiteral("Public Warning"), QStringLiteral("Safety advice"),
            QStringLiteral("What you should do"), QStringLiteral("What to do")};
}

QString normalisedAdvisoryHeading(const QString &heading)
{
    QString h = collapseWhitespace(heading).toLower();
    while (!h.isEmpty() && (h.back() == QLatin1Char(':') || h.back().isSpace()))
        h.chop(1);
    return h;
}

bool isAdvisoryHeading(const QString &heading, const QStringList &headings)
{
    return AdvisoryHeadingMatcher(headings).matches(heading);
}

AdvisoryHeadingMatcher::AdvisoryHeadingMatcher(const QStringList &headings)
{
    for (const QString &h : headings) {
        const QString normalised = normalisedAdvisoryHeading(h);
        if (!normalised.isEmpty() && !m_headings.contains(normalised)) {
            m_headings << normalised;
            m_longest = std::max(m_longest, normalised.size());
        }
    }
}

bool AdvisoryHeadingMatcher::matches(QStringView block) const
{
    if (m_headings.isEmpty())
        return false;
    // Normalising keeps every character that is neither white space nor a colon (lower
    // case is never shorter), so a block with more of them than the longest heading has
    // cannot be one.
    qsizetype kept = 0;
    for (const QChar c : block) {
        if (!c.isSpace() && c != u':' && ++kept > m_longest)
            return false;
    }
    const QString wanted = normalisedAdvisoryHeading(block.toString());
    return !wanted.isEmpty() && m_headings.contains(wanted);
}

QString matchingKeyword(const QString &text, const QStringList &keywords)
{
    if (text.isEmpty())
        return {};
    for (const QString &keyword : keywords) {
        if (keyword.trimmed().isEmpty())
            continue;
        if (keywordPattern(keyword).match(text).hasMatch())
            return keyword.trimmed();
    }
    return {};
}

QString storySummary(const Article &article)
{
    QString text = article.text.trimmed();
    const qsizetype end = text.indexOf(QLatin1String("\n\n"));
    if (end > 0)
        text = text.left(end);
    text = collapseWhitespace(text);
    if (text.size() <= kSummaryLength)
        return text;
    const qsizetype space = text.lastIndexOf(QLatin1Char(' '), kSummaryLength);
    return text.left(space > 0 ? space : kSummaryLength).trimmed() + QChar(0x2026);
}

std::optional<Advisory> applyRules(const Article &article, const AdvisoryRules &rules,
                                   bool alertSourceFeed, const QString &feedTitle)
{
    if (article.advisory || article.headlineOnly)
        return std::nullopt;
    const QString summary = storySummary(article);
    QString text;
    if (alertSourceFeed) {
        text = summary;
    } else {
        QString keyword = matchingKeyword(article.title, rules.keywords);
        if (keyword.isEmpty())
            keyword = matchingKeyword(summary, rules.keywords);
        if (keyword.isEmpty())
            return std::nullopt;
        text = QStringLiteral("Matched your rule \u201C%1\u201D.").arg(keyword);
        if (!summary.isEmpty())
            text += QLatin1Char('\n') + summary;
    }
    Advisory advisory;
    advisory.headline = article.title;
    advisory.text = text;
    advisory.severity = severityFromText(article.title + QLatin1Char('\n') + summary);
    advisory.issuer = feedTitle;
    advisory.effective = article.published.isValid() ? article.published : article.updated;
    advisory.status = QStringLiteral("active");
    advisory.origin = QStringLiteral("rule");
    return advisory;
}

std::optional<Advisory> advisoryFromTextSections(const QString &text, const QStringList &headings,
                                                 const QString &issuer)
{
    return advisoryFromTextSections(text, AdvisoryHeadingMatcher(headings), issuer);
}

std::optional<Advisory> advisoryFromTextSections(const QString &text, const AdvisoryHeadingMatcher &matcher,
                                                 const QString &issuer)
{
    if (matcher.isEmpty())
        return std::nullopt;
    QString heading;
    QStringList paragraphs;
    for (const QStringView raw : blankLineBlocks(text)) {
        // Most blocks are looked at only to see that they are not the heading: no copy.
        const QStringView block = raw.trimmed();
        if (block.isEmpty())
            continue;
        if (heading.isEmpty()) {
            if (!block.contains(u'\n') && matcher.matches(block))
                heading = collapseWhitespace(block.toString());
            continue;
        }
        const QString paragraph = block.toString();
        if (looksLikeHeading(paragraph))
            break; // the next section
        paragraphs << paragraph;
    }
    if (heading.isEmpty() || paragraphs.isEmpty())
        return std::nullopt;
    while (heading.endsWith(QLatin1Char(':')))
        heading.chop(1);
    Advisory advisory;
    advisory.headline = heading.trimmed();
    advisory.text = paragraphs.join(QLatin1Char('\n'));
    advisory.severity = QStringLiteral("Unknown");
    advisory.issuer = issuer;
    advisory.status = QStringLiteral("active");
    advisory.origin = QStringLiteral("section");
    return advisory;
}

} // namespace bulletin
