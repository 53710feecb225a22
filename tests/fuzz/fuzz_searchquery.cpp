// The search query language (words, "phrases", prefix*, -excluded) as the search box and
// `bulletin search` use it: the FTS5 expression made from a query runs on a real cache file
// without a syntax error whenever it has a word to look for, and the words to highlight and
// the snippet come out of any query and any text. The input is the query, a newline, then a
// story's text for the snippet.

#include "fuzzinput.h"

#include "core/article.h"
#include "core/searchquery.h"
#include "storage/articlestore.h"
#include "storage/database.h"
#include "storage/feedstore.h"
#include "storage/searchstore.h"

#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

using namespace bulletin;

namespace {

struct SearchCache
{
    QTemporaryDir dir;
    Database db;
};

SearchCache *g_cache = nullptr;

constexpr qsizetype kMaxQueryLength = 64 * 1024;

void addStory(ArticleStore &articles, qint64 feed, int n, const QString &title, const QString &text)
{
    Article a;
    a.guid = QStringLiteral("story-%1").arg(n);
    a.title = title;
    a.link = QStringLiteral("https://example.org/%1").arg(n);
    a.published = QDateTime::fromSecsSinceEpoch(1700000000 + n, Qt::UTC);
    a.html = QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped());
    a.text = text;
    articles.upsert(feed, a);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    g_cache = new SearchCache;
    QString error;
    if (!g_cache->dir.isValid()
        || !g_cache->db.open(g_cache->dir.filePath(QStringLiteral("cache.sqlite")), &error)) {
        std::fprintf(stderr, "cannot open a cache for the search target: %s\n", qPrintable(error));
        std::abort();
    }
    FeedStore feeds(g_cache->db.connection());
    ArticleStore articles(g_cache->db.connection());
    const qint64 feed = *feeds.localSource(QStringLiteral("Local"));
    addStory(
        articles, feed, 1, QStringLiteral("Storm closes the harbour"),
        QStringLiteral(
            "Ships return after the storm; the harbour master says NEAR and AND are words too."));
    addStory(articles, feed, 2, QStringLiteral("Café owners count the damage"),
             QStringLiteral(
                 "Crème brûlée, naïve façades and the Zürich–Genève train: diacritics fold."));
    addStory(articles, feed, 3, QStringLiteral("Прогноз погоды"),
             QStringLiteral("Сильный ветер и дождь. 東京の天気は晴れ。 "
                            "Emoji 🌧 between words."));
    return 0;
}

namespace {

void testOne(const QByteArray &bytes)
{
    const QString input = QString::fromUtf8(bytes);
    const qsizetype newline = input.indexOf(u'\n');
    // A query is typed or pasted: a long paste, not a megabyte (a query of 100,000 words
    // runs, linearly, for seconds; the text for the snippet may be as long as a story).
    const QString query = (newline < 0 ? input : input.left(newline)).left(kMaxQueryLength);
    const QString text = newline < 0 ? QString() : input.mid(newline + 1);

    const QString expression = SearchStore::ftsExpression(query);
    SearchMatcher(query).matches(text);
    SearchStore::snippet(text, query);

    const SearchStore search(g_cache->db.connection());
    QString error;
    search.search(query, {}, 20, &error);
    if (expression.isEmpty())
        fuzz::check(!error.isEmpty(), "a query with no word to look for says so");
    else
        fuzz::check(error.isEmpty(), "a query with words runs",
                    error + QStringLiteral("\nexpression: ") + expression);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::run(data, size, testOne);
    return 0;
}
