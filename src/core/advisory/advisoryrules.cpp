#include "core/advisory/advisoryrules.h"

#include "core/headingshape.h"
#include "core/html/htmltext.h"
#include "core/html/htmltextcut.h"
#include "core/html/htmltokenizer.h"

#include <QRegularExpression>

#include <algorithm>

namespace bulletin {

namespace {

constexpr int kSummaryLength = 300;

// The regular expression of one keyword: its words in order, any white space between them,
// not preceded or followed by a letter, digit or underscore.
QRegularExpression keywordPattern(const QString &keyword)
{
    QStringList words;
    for (const QString &word :
         keyword.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
        words << QRegularExpression::escape(word);
    return QRegularExpression(QStringLiteral("(?<![\\p{L}\\p{N}_])%1(?![\\p{L}\\p{N}_])")
                                  .arg(words.join(QStringLiteral("\\s+"))),
                              QRegularExpression::CaseInsensitiveOption
                                  | QRegularExpression::UseUnicodePropertiesOption);
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

// A heading element (<h1> to <h6>) of an article's HTML: its level and its text.
struct HeadingElement
{
    int level = 0;
    QString text; // white space collapsed
};

int headingLevel(const QString &tagName)
{
    if (tagName.size() == 2 && tagName.front() == u'h' && tagName.back() >= u'1'
        && tagName.back() <= u'6')
        return tagName.back().unicode() - u'0';
    return 0;
}

// The heading elements of the HTML, in document order. Raw text (a script inside a heading)
// is not part of a heading's text, as it is not part of the text the reader shows.
QList<HeadingElement> headingElements(QStringView html)
{
    QList<HeadingElement> headings;
    HtmlTokenizer tokenizer(html);
    HeadingElement open;
    for (HtmlToken token = tokenizer.next(); token.type != HtmlToken::Type::EndOfFile;
         token = tokenizer.next()) {
        if (token.type == HtmlToken::Type::StartTag) {
            // A heading start tag inside a heading closes it, as in an HTML5 parser.
            if (const int level = headingLevel(token.name); level > 0)
                open = {level, {}};
        } else if (token.type == HtmlToken::Type::EndTag) {
            if (open.level > 0 && headingLevel(token.name) > 0) {
                open.text = collapseWhitespace(open.text);
                headings << open;
                open = {};
            }
        } else if (token.type == HtmlToken::Type::Text && open.level > 0 && !token.rawText) {
            open.text += token.data;
        }
    }
    return headings;
}

// For each block, the level of the heading element it is the text of, or 0. Blocks and
// headings are both in document order; a heading whose text never became a block of its
// own (one cut by a <br>, one inside a <div> with other text) is skipped.
QList<int> blockHeadingLevels(const QList<QString> &blocks, const QList<HeadingElement> &headings)
{
    QList<int> levels(blocks.size(), 0);
    qsizetype next = 0;
    for (qsizetype i = 0; i < blocks.size() && next < headings.size(); ++i) {
        const QString block = collapseWhitespace(blocks.at(i));
        for (qsizetype k = next; k < headings.size(); ++k) {
            if (headings.at(k).text == block) {
                levels[i] = headings.at(k).level;
                next = k + 1;
                break;
            }
        }
    }
    return levels;
}

} // namespace

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

Advisory sectionAdvisory(const QString &heading, const QStringList &paragraphs,
                         const QString &issuer)
{
    QStringList text;
    QString severity;
    for (const QString &paragraph : paragraphs) {
        if (isSeverityLine(paragraph)) {
            // A field of the section: the banner shows it as the severity.
            if (severity.isEmpty())
                severity = severityFromText(paragraph);
            continue;
        }
        text << paragraph;
    }
    Advisory advisory;
    advisory.headline = heading;
    advisory.text = text.join(QLatin1Char('\n'));
    advisory.severity = severity.isEmpty() || severity == QLatin1String("Unknown")
        ? severityFromText(advisory.text)
        : severity;
    advisory.issuer = issuer;
    advisory.status = QStringLiteral("active");
    advisory.origin = QStringLiteral("section");
    return advisory;
}

QStringList AdvisoryRules::defaultHeadings()
{
    return {QStringLiteral("Public Advisory"),        QStringLiteral("Advisory"),
            QStringLiteral("Public Safety Advisory"), QStringLiteral("Warning"),
            QStringLiteral("Public Warning"),         QStringLiteral("Safety advice"),
            QStringLiteral("What you should do"),     QStringLiteral("What to do")};
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

std::optional<Advisory> advisoryFromTextSections(const QString &text,
                                                 const AdvisoryHeadingMatcher &matcher,
                                                 const QString &issuer, QStringView html)
{
    std::optional<AdvisorySection> section = findAdvisorySection(text, matcher, issuer, html);
    if (!section)
        return std::nullopt;
    return std::move(section->advisory);
}

std::optional<AdvisorySection> findAdvisorySection(const QString &text,
                                                   const AdvisoryHeadingMatcher &matcher,
                                                   const QString &issuer, QStringView html)
{
    if (matcher.isEmpty())
        return std::nullopt;
    // Most blocks are looked at only to see that they are not the heading: no copy.
    const QList<QStringView> all = blankLineBlocks(text);
    qsizetype start = -1;
    for (qsizetype i = 0; i < all.size() && start < 0; ++i) {
        const QStringView block = all.at(i).trimmed();
        if (!block.isEmpty() && !block.contains(u'\n') && matcher.matches(block))
            start = i;
    }
    if (start < 0)
        return std::nullopt;
    QList<QStringView> views; // the heading, then every block after it, as they are in the text
    QStringList blocks;
    for (qsizetype i = start; i < all.size(); ++i) {
        const QStringView block = all.at(i).trimmed();
        if (!block.isEmpty()) {
            views << block;
            blocks << block.toString();
        }
    }
    // Only a story with an advisory heading has its markup read again.
    const QList<int> levels = html.isEmpty() ? QList<int>(blocks.size(), 0)
                                             : blockHeadingLevels(blocks, headingElements(html));
    const int sectionLevel = levels.at(0);
    QStringList paragraphs;
    for (qsizetype i = 1; i < blocks.size(); ++i) {
        if (sectionLevel > 0) {
            // The markup says where sections start: at the next heading of the same or a
            // higher rank (an <h4> inside an <h3> section is part of it). A <p> is text,
            // whatever its length or punctuation.
            if (levels.at(i) > 0 && levels.at(i) <= sectionLevel)
                break;
        } else if (levels.at(i) > 0 || (i > 1 && looksLikeHeading(blocks.at(i)))) {
            // Without markup, the shape of a block tells. The block right after the heading
            // is its text even when it is short and has no full stop ("Do not click links
            // in unexpected emails"): a heading never heads an empty section.
            break;
        }
        paragraphs << blocks.at(i);
    }
    if (paragraphs.isEmpty())
        return std::nullopt;
    QString heading = collapseWhitespace(blocks.at(0));
    while (heading.endsWith(QLatin1Char(':')))
        heading.chop(1);
    const QStringView lastBlock = views.at(paragraphs.size());
    AdvisorySection section;
    section.advisory = sectionAdvisory(heading.trimmed(), paragraphs, issuer);
    section.start = views.at(0).data() - text.data();
    section.end = lastBlock.data() + lastBlock.size() - text.data();
    return section;
}

std::optional<Advisory> takeAdvisorySection(Article &article,
                                            const AdvisoryHeadingMatcher &headings,
                                            const QString &issuer, const SanitizeOptions &options)
{
    std::optional<AdvisorySection> section = findAdvisorySection(article.text, headings, issuer,
                                                                 article.html);
    if (!section)
        return std::nullopt;
    article.html = htmlWithoutText(article.html, section->start, section->end, options);
    return std::move(section->advisory);
}

} // namespace bulletin
