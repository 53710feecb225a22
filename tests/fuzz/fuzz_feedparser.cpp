// The feed parser (RSS, RDF, Atom, JSON Feed, CAP alerts and CAP feeds) and what a refresh
// or an import does next with each item: its JSON form (`bulletin parse`) and the stories
// made from it (the body sanitised for its text, a CAP alert or an advisory section mapped to
// an advisory).

#include "fuzzinput.h"

#include "core/feeds/feedjson.h"
#include "core/feeds/feedparser.h"
#include "services/feedarticles.h"

#include <QDateTime>
#include <QSet>

using namespace bulletin;

namespace {

// The charset a server might announce; the input's last byte picks one, so the fuzzer
// explores each with every document.
QString charsetHint(const QByteArray &input)
{
    static const QString kHints[] = {QString(), QStringLiteral("utf-8"),
                                     QStringLiteral("iso-8859-1"), QStringLiteral("windows-1252"),
                                     QStringLiteral("utf-16")};
    if (input.isEmpty())
        return {};
    return kHints[uchar(input.back()) % std::size(kHints)];
}

void testOne(const QByteArray &input)
{
    const FeedParseResult result = parseFeed(input, charsetHint(input));
    if (!result.feed) {
        fuzz::check(!result.error.isEmpty(), "a refused feed says why");
        fuzz::check(!result.error.contains(u'\n'), "the parse error is one line", result.error);
        return;
    }
    const ParsedFeed &feed = *result.feed;
    fuzz::check(!feed.warning.contains(u'\n'), "the parse warning is one line", feed.warning);
    fuzz::check(feed.entries >= feed.items.size() || feed.format == u"cap",
                "every item is counted as an entry");
    for (const ParsedItem &item : feed.items) {
        const QSet<QString> distinct(item.categories.cbegin(), item.categories.cend());
        fuzz::check(distinct.size() == item.categories.size(), "an item lists each category once");
        fuzz::check(!distinct.contains(QString()), "no category is empty");
        item.summaryText();
    }
    feedToJson(feed);
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    const QList<Article> articles = articlesFromFeed(feed, now);
    fuzz::check(articles.size() == (feed.format == u"cap" ? feed.alerts.size() : feed.items.size()),
                "every item (or bare alert) becomes a story");
    for (const Article &article : articles) {
        fuzz::check(!article.title.isEmpty(), "every story has a title for the list");
        fuzz::check(!article.guid.isEmpty(), "every story has an id to be found again");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::run(data, size, testOne);
    return 0;
}
