#include "core/html/htmltextcut.h"

#include <QList>

namespace bulletin {

namespace {

// What the cut needs to know of each token the sanitiser read.
struct TokenMark
{
    HtmlToken::Type type = HtmlToken::Type::EndOfFile;
    bool opens = false; // a start tag that needs an end tag (not void, not "<br/>")
    qsizetype inputEnd = 0; // where the token ends in the input
    qsizetype textLength = 0; // the text's length once the token was read
};

// Elements that never have content, so never an end tag to balance.
bool isVoidElement(const QString &name)
{
    static const QStringList names = {
        QStringLiteral("area"),   QStringLiteral("base"),  QStringLiteral("br"),
        QStringLiteral("col"),    QStringLiteral("embed"), QStringLiteral("hr"),
        QStringLiteral("img"),    QStringLiteral("image"), QStringLiteral("input"),
        QStringLiteral("link"),   QStringLiteral("meta"),  QStringLiteral("param"),
        QStringLiteral("source"), QStringLiteral("track"), QStringLiteral("wbr")};
    return names.contains(name);
}

} // namespace

QString htmlWithoutText(QStringView html, qsizetype textStart, qsizetype textEnd,
                        const SanitizeOptions &options)
{
    const QString input = htmlWithLineFeeds(html);
    if (textStart < 0 || textEnd <= textStart)
        return input;
    QList<TokenMark> marks;
    SanitizeOptions textOnly = options;
    textOnly.textOnly = true;
    sanitizeHtml(input, textOnly,
                 [&marks](const HtmlToken &token, qsizetype inputEnd, qsizetype textLength) {
                     const bool opens = token.type == HtmlToken::Type::StartTag
                         && !token.selfClosing && !isVoidElement(token.name);
                     marks.append({token.type, opens, inputEnd, textLength});
                 });
    // The first token that shows a character of the range, and the one that shows its last.
    qsizetype first = -1;
    qsizetype last = -1;
    for (qsizetype i = 0; i < marks.size(); ++i) {
        if (first < 0 && marks.at(i).textLength > textStart)
            first = i;
        if (marks.at(i).textLength >= textEnd) {
            last = i;
            break;
        }
    }
    if (first < 0 || last < 0)
        return input;

    // The tokens between the text before the range and its first character: closing tags
    // of the block before, then opening tags of the range's first block.
    qsizetype gapStart = first;
    const auto addsText = [&marks](qsizetype i) {
        return marks.at(i).textLength != (i > 0 ? marks.at(i - 1).textLength : 0);
    };
    while (gapStart > 0 && !addsText(gapStart - 1))
        --gapStart;
    qsizetype cutFrom = gapStart > 0 ? marks.at(gapStart - 1).inputEnd : 0;
    qsizetype openedFrom = gapStart;
    for (qsizetype i = gapStart; i < first; ++i) {
        if (marks.at(i).type == HtmlToken::Type::EndTag) {
            cutFrom = marks.at(i).inputEnd;
            openedFrom = i + 1;
        }
    }

    // Elements opened inside the cut are closed inside it too.
    int open = 0;
    for (qsizetype i = openedFrom; i <= last; ++i) {
        if (marks.at(i).opens)
            ++open;
        else if (marks.at(i).type == HtmlToken::Type::EndTag)
            open = std::max(0, open - 1);
    }
    qsizetype cutTo = marks.at(last).inputEnd;
    for (qsizetype i = last + 1; i < marks.size() && open > 0 && !addsText(i); ++i) {
        const TokenMark &mark = marks.at(i);
        if (mark.type == HtmlToken::Type::EndTag) {
            --open;
            cutTo = mark.inputEnd;
        } else if (mark.type == HtmlToken::Type::StartTag) {
            break;
        }
    }
    return input.left(cutFrom) + input.mid(cutTo);
}

} // namespace bulletin
