#include "core/plaintextimporter.h"

#include "core/advisory/advisoryrules.h"
#include "core/headingshape.h"
#include "core/html/htmltext.h"
#include "core/inputlimits.h"
#include "core/textutil.h"

#include <QRegularExpression>

#include <algorithm>

namespace bulletin {

namespace {

constexpr int kMaxTitleLength = 120;
constexpr int kMinClauseLength = 40;
// A related headline is rarely longer; a longer block that ends a sentence is article text.
constexpr int kLongSentence = 100;

// Section headings that introduce the publisher's related headlines. (Advisory headings
// come with the options: the user can add to them.)
const QStringList &relatedHeadings()
{
    static const QStringList headings = {
        QStringLiteral("more stories"), QStringLiteral("related stories"),
        QStringLiteral("related"),      QStringLiteral("related articles"),
        QStringLiteral("see also"),     QStringLiteral("read more"),
        QStringLiteral("more news")};
    return headings;
}

enum class BlockKind { Paragraph, Heading, ListItem };

struct Block
{
    BlockKind kind;
    QString text;
};

std::optional<QString> listItemText(const QString &line)
{
    for (const QLatin1String marker :
         {QLatin1String("- "), QLatin1String("* "), QLatin1String("\u2022 ")}) {
        if (line.startsWith(marker))
            return line.mid(marker.size()).trimmed();
    }
    if (line.startsWith(QChar(0x2022)) && line.size() > 1 && line.at(1).isSpace())
        return line.mid(2).trimmed();
    return std::nullopt;
}

// Splits the text into blocks. Files that separate paragraphs with blank lines may wrap
// their paragraphs over several lines; files without blank lines (like the sample) put
// one paragraph on each line.
QList<Block> splitBlocks(const QString &text)
{
    const QStringList lines = text.trimmed().split(QLatin1Char('\n'));
    bool blankSeparated = false;
    for (const QString &line : lines) {
        if (line.trimmed().isEmpty()) {
            blankSeparated = true; // a blank line between two lines of text
            break;
        }
    }

    QList<Block> blocks;
    // A heading never heads an empty section: a heading-shaped line right after a heading
    // is that section's text ("Public Advisory", then "Do not click links in unexpected
    // emails").
    const auto kindOf = [&blocks](const QString &line) {
        const bool afterHeading = !blocks.isEmpty()
            && blocks.constLast().kind == BlockKind::Heading;
        return !afterHeading && looksLikeHeading(line) ? BlockKind::Heading : BlockKind::Paragraph;
    };
    QStringList pending; // lines of the paragraph being built (blank-separated files)
    const auto flush = [&] {
        if (pending.isEmpty())
            return;
        const QString joined = collapseWhitespace(pending.join(QLatin1Char(' ')));
        blocks << Block{pending.size() == 1 ? kindOf(joined) : BlockKind::Paragraph, joined};
        pending.clear();
    };
    for (const QString &rawLine : lines) {
        const QString line = collapseWhitespace(rawLine);
        if (line.isEmpty()) {
            flush();
            continue;
        }
        if (const auto item = listItemText(line)) {
            flush();
            blocks << Block{BlockKind::ListItem, *item};
            continue;
        }
        if (blankSeparated)
            pending << line;
        else
            blocks << Block{kindOf(line), line};
    }
    flush();
    return blocks;
}

// The headline on a text's first line: a short line without end punctuation with a blank
// line after it. Returns the headline and sets *rest to the text after it; an empty string
// when the text does not start with one (the bundled sample starts with its first
// paragraph, and a file may start with a section heading such as "Public Advisory").
QString takeHeadline(const QString &text, const QStringList &advisoryHeadings, QString *rest)
{
    const QString trimmed = text.trimmed();
    const qsizetype end = trimmed.indexOf(QLatin1Char('\n'));
    if (end < 0)
        return {};
    const qsizetype next = trimmed.indexOf(QLatin1Char('\n'), end + 1);
    const QStringView secondLine = QStringView(trimmed).mid(end + 1,
                                                            next < 0 ? -1 : next - end - 1);
    const QString first = collapseWhitespace(trimmed.left(end));
    if (!secondLine.trimmed().isEmpty() || !looksLikeHeadline(first)
        || isAdvisoryHeading(first, advisoryHeadings)
        || relatedHeadings().contains(normalisedAdvisoryHeading(first)))
        return {};
    *rest = trimmed.mid(end + 1);
    return first;
}

QString publisherFrom(const QString &paragraph)
{
    static const QRegularExpression pattern(
        QStringLiteral("stay tuned to\\s+(.+?)(?:\\s+for\\b.*)?[.!]?$"),
        QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.match(paragraph);
    if (!match.hasMatch())
        return {};
    QString name = match.captured(1).trimmed();
    if (name.size() > 80)
        return {};
    return name;
}

struct HtmlWriter
{
    QString html;
    QString text;
    bool inList = false;

    void closeList()
    {
        if (inList)
            html += QLatin1String("</ul>\n");
        inList = false;
    }
    void add(const Block &block)
    {
        if (block.kind != BlockKind::ListItem)
            closeList();
        switch (block.kind) {
        case BlockKind::Heading:
            html += QStringLiteral("<h3>%1</h3>\n").arg(escapeHtml(block.text));
            break;
        case BlockKind::Paragraph:
            html += QStringLiteral("<p>%1</p>\n").arg(escapeHtml(block.text));
            break;
        case BlockKind::ListItem:
            if (!inList)
                html += QLatin1String("<ul>\n");
            inList = true;
            html += QStringLiteral("<li>%1</li>\n").arg(escapeHtml(block.text));
            break;
        }
        if (!text.isEmpty())
            text += block.kind == BlockKind::ListItem ? QLatin1String("\n") : QLatin1String("\n\n");
        text += block.kind == BlockKind::ListItem ? QStringLiteral("\u2022 ") + block.text
                                                  : block.text;
    }
};

// Why a file is not a plain-text article, or an empty string. Checked on the bytes, so that
// a file of any size is refused (or accepted) without a copy of it: empty, binary (NUL or
// other control characters than tab and line ends, C1 controls included), or not UTF-8.
QString refusal(const QByteArray &bytes)
{
    const auto blank = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
    };
    if (std::all_of(bytes.cbegin(), bytes.cend(), blank))
        return QStringLiteral("the file is empty");
    if (bytes.contains('\0'))
        return QStringLiteral("the file looks binary (it contains NUL bytes), not plain text");
    if (!bytes.isValidUtf8())
        return QStringLiteral("the file is not UTF-8 text");
    const auto *p = reinterpret_cast<const uchar *>(bytes.constData());
    const auto *const end = p + bytes.size();
    for (; p != end; ++p) {
        const uchar c = *p;
        const bool c0 = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
        const bool c1 = c == 0xC2 && p + 1 != end && p[1] >= 0x80 && p[1] <= 0x9F; // U+0080-U+009F
        if (c0 || c == 0x7F || c1)
            return QStringLiteral(
                "the file looks binary (it contains control characters), not plain text");
    }
    return {};
}

// How many UTF-16 code units valid UTF-8 decodes to.
qsizetype utf16Length(QByteArrayView utf8)
{
    qsizetype units = 0;
    for (const char b : utf8) {
        const auto c = uchar(b);
        if ((c & 0xC0) != 0x80)
            units += c >= 0xF0 ? 2 : 1;
    }
    return units;
}

// A text cut at a length limit ends at its last line break or space in the last thousand
// characters, so that no word is split; a run without one (a single endless word) is cut
// where it is.
QString cutAtWordBoundary(const QString &text)
{
    constexpr qsizetype kLookBack = 1000;
    for (qsizetype i = text.size() - 1; i >= 0 && i >= text.size() - kLookBack; --i) {
        if (text.at(i).isSpace())
            return text.left(i);
    }
    return text;
}

} // namespace

QString deriveTitle(const QString &firstParagraph)
{
    const QString paragraph = collapseWhitespace(firstParagraph);
    // The first sentence: up to ". " / "! " / "? " followed by an upper-case letter.
    static const QRegularExpression sentenceEnd(QStringLiteral("[.!?](?=\\s+[\\p{Lu}\"“])"));
    const auto match = sentenceEnd.match(paragraph);
    QString sentence = match.hasMatch() ? paragraph.left(match.capturedStart()) : paragraph;
    while (!sentence.isEmpty() && QStringLiteral(".!?").contains(sentence.back()))
        sentence.chop(1);
    if (sentence.size() <= kMaxTitleLength)
        return sentence;

    // Cut at the last clause boundary that leaves a meaningful headline...
    static const QRegularExpression clause(QStringLiteral("[,;:\u2014\u2013]\\s"));
    qsizetype cut = -1;
    auto it = clause.globalMatch(sentence);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedStart() > kMaxTitleLength)
            break;
        if (m.capturedStart() >= kMinClauseLength)
            cut = m.capturedStart();
    }
    if (cut > 0)
        return sentence.left(cut).trimmed();
    // ...or else at a word boundary, with an ellipsis.
    const qsizetype space = sentence.lastIndexOf(QLatin1Char(' '), kMaxTitleLength);
    return sentence.left(space > 0 ? space : kMaxTitleLength).trimmed() + QChar(0x2026);
}

PlainTextResult importPlainText(const QByteArray &bytes, const PlainTextOptions &options)
{
    if (const QString refused = refusal(bytes); !refused.isEmpty())
        return {std::nullopt, refused};
    const bool bom = bytes.startsWith("\xEF\xBB\xBF");
    const QByteArrayView content = QByteArrayView(bytes).sliced(bom ? 3 : 0);
    // Only what the story keeps is decoded, so a file of any size costs the story's size.
    const qsizetype keptBytes = utf8PrefixFor(content, kMaxTextChars);
    const bool cut = keptBytes < content.size();
    QString text = QString::fromUtf8(content.first(keptBytes));
    if (cut)
        text = cutAtWordBoundary(text);
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));

    // The caller's title wins; the file's own headline then stays at the top of the text.
    QString rest;
    const QString headline = options.title.trimmed().isEmpty()
        ? takeHeadline(text, options.advisoryHeadings, &rest)
        : QString();
    const QList<Block> blocks = splitBlocks(headline.isEmpty() ? text : rest);
    PlainTextImport result;
    Article &article = result.article;

    enum class Section { Body, Advisory, Related };
    Section section = Section::Body;
    HtmlWriter body;
    QStringList advisoryParagraphs;
    QString advisoryHeading;
    QString firstParagraph;

    for (qsizetype i = 0; i < blocks.size(); ++i) {
        const Block &block = blocks.at(i);
        if (block.kind == BlockKind::Heading && section != Section::Related) {
            const QString heading = normalisedAdvisoryHeading(block.text);
            // An advisory heading with nothing after it stays in the text as a heading.
            if (advisoryHeading.isEmpty() && i + 1 < blocks.size()
                && isAdvisoryHeading(block.text, options.advisoryHeadings)) {
                section = Section::Advisory;
                advisoryHeading = block.text;
                continue;
            }
            if (relatedHeadings().contains(heading)) {
                section = Section::Related;
                continue;
            }
            section = Section::Body;
        }
        switch (section) {
        case Section::Advisory:
            advisoryParagraphs << (block.kind == BlockKind::ListItem
                                       ? QStringLiteral("\u2022 ") + block.text
                                       : block.text);
            break;
        case Section::Related:
            // The related headlines run to the end, unless a long sentence shows that the
            // article continues.
            if (block.kind != BlockKind::Heading && endsWithPunctuation(block.text)
                && block.text.size() > kLongSentence) {
                section = Section::Body;
                body.add(block);
            } else {
                article.related << RelatedLink{block.text, {}, QStringLiteral("publisher")};
            }
            break;
        case Section::Body:
            if (block.kind == BlockKind::Paragraph && firstParagraph.isEmpty())
                firstParagraph = block.text;
            if (block.kind == BlockKind::Paragraph && result.publisher.isEmpty())
                result.publisher = publisherFrom(block.text);
            body.add(block);
            break;
        }
    }
    body.closeList();

    if (body.text.isEmpty() && advisoryParagraphs.isEmpty())
        return {std::nullopt, QStringLiteral("the file has no article text")};

    QStringList notes;
    if (!options.title.trimmed().isEmpty()) {
        article.title = collapseWhitespace(options.title);
        notes << QStringLiteral("Title given on import.");
    } else if (!headline.isEmpty()) {
        article.title = headline;
        notes << QStringLiteral("Title taken from the file's first line.");
    } else {
        if (firstParagraph.isEmpty())
            firstParagraph = advisoryParagraphs.isEmpty() ? blocks.constFirst().text
                                                          : advisoryParagraphs.constFirst();
        article.title = deriveTitle(firstParagraph);
        // Punctuation alone has no sentence to take: it is its own headline (the list never
        // shows an empty row).
        if (article.title.isEmpty())
            article.title = firstParagraph.left(kMaxTitleLength);
        result.titleDerived = true;
        notes << QStringLiteral(
            "The file has no headline; this title was derived from its first sentence.");
    }
    if (!options.source.trimmed().isEmpty())
        notes << QStringLiteral("Source given on import.");
    else if (!result.publisher.isEmpty())
        notes << QStringLiteral("Source taken from the article's closing line.");
    if (cut) {
        notes << QStringLiteral(
                     "The text was cut: the file holds %1 characters and a story keeps at most %2.")
                     .arg(formatCount(utf16Length(content)), formatCount(kMaxTextChars));
    }
    result.note = notes.join(QLatin1Char(' '));

    article.link = options.url;
    article.guid = options.url.isEmpty() ? contentId(bytes) : options.url;
    if (cut)
        body.add(Block{BlockKind::Paragraph, textCutNotice().trimmed()});
    body.closeList();
    article.html = body.html;
    article.text = body.text;

    if (!advisoryParagraphs.isEmpty()) {
        const QString issuer = options.source.trimmed().isEmpty() ? result.publisher
                                                                  : options.source.trimmed();
        article.advisory = sectionAdvisory(advisoryHeading, advisoryParagraphs, issuer);
        // Search finds the advisory too: it is part of what the reader shows.
        article.text += QStringLiteral("\n\n") + advisoryHeading + QStringLiteral("\n")
            + article.advisory->text;
    }
    return {result, {}};
}

} // namespace bulletin
