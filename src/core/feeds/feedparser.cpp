#include "core/feeds/feedparser.h"

#include "core/feeds/jsonfeedreader.h"
#include "core/feeds/xmlfeedreader.h"
#include "core/feeds/xmlinput.h"

#include <algorithm>

namespace bulletin {

namespace {

// JSON Feed starts with '{' (after an optional UTF-8 BOM and white space); XML never does.
bool looksLikeJson(const QByteArray &bytes)
{
    qsizetype i = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < bytes.size()) {
        const char c = bytes[i];
        if (c == '{')
            return true;
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return false;
        ++i;
    }
    return false;
}

bool isBlank(const QByteArray &bytes)
{
    for (const char c : bytes) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return false;
    }
    return true;
}

// NUL bytes near the start, where the text is not UTF-16 or UTF-32 (in which they are
// part of every ASCII character).
bool looksBinary(const QByteArray &bytes, const QString &encoding)
{
    constexpr qsizetype kSniffBytes = 4096;
    if (encoding.startsWith(QLatin1String("utf-16"))
        || encoding.startsWith(QLatin1String("utf-32")))
        return false;
    return QByteArrayView(bytes).first(std::min(bytes.size(), kSniffBytes)).contains('\0');
}

FeedParseResult parse(QByteArray bytes, const QString &charsetHint, const QUrl &documentUrl)
{
    // Only an absolute address is a base; a relative one would make every link relative to
    // something unknown.
    const QString base = documentUrl.isValid() && !documentUrl.isRelative()
        ? documentUrl.toString(QUrl::FullyEncoded)
        : QString();
    if (isBlank(bytes)) {
        FeedParseResult result;
        result.error = QStringLiteral("not a feed: the document is empty");
        return result;
    }
    if (looksLikeJson(bytes)) {
        if (bytes.startsWith("\xEF\xBB\xBF"))
            bytes.remove(0, 3);
        return readJsonFeed(std::move(bytes), base);
    }

    XmlInput input = prepareXmlInput(bytes, charsetHint);
    const bool binary = looksBinary(bytes, input.encoding);
    bytes = QByteArray(); // input.utf8 shares it when nothing had to change
    if (!input.error.isEmpty()) {
        FeedParseResult result;
        result.error = input.error;
        return result;
    }
    const bool repaired = input.repaired;
    FeedParseResult result = XmlFeedReader(std::move(input), base).read();
    if (!result.feed && binary) {
        // An image, an archive or a program (a wrong address, a misconfigured server): the
        // XML reader's "Start tag expected" would not say what the bytes are.
        result.error = QStringLiteral(
            "not a feed: the content looks binary (it contains NUL bytes)");
        return result;
    }
    if (result.feed && repaired) {
        result.feed->wellFormed = false;
        if (result.feed->warning.isEmpty())
            result.feed->warning = QStringLiteral("repaired invalid bytes or undeclared entities");
    }
    return result;
}

} // namespace

FeedParseResult parseFeed(QByteArray bytes, const QString &charsetHint, const QUrl &documentUrl)
{
    FeedParseResult result = parse(std::move(bytes), charsetHint, documentUrl);
    // One line, always: an error or a warning may quote the document (an encoding name in the
    // XML reader's message), and a line break there would split it where it is printed or
    // logged.
    result.error = result.error.simplified();
    if (result.feed)
        result.feed->warning = result.feed->warning.simplified();
    return result;
}

} // namespace bulletin
