#include "models/bookmarkexport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace bulletin;

class tst_BookmarkExport : public QObject
{
    Q_OBJECT

private slots:
    void netscapeFormat();
    void netscapeEscapesAndListsUnlinked();
    void relativeLinkResolvesAgainstItsFeed_data();
    void relativeLinkResolvesAgainstItsFeed();
    void json();

private:
    static QList<BookmarkRecord> sample();
};

QList<BookmarkRecord> tst_BookmarkExport::sample()
{
    BookmarkRecord live;
    live.bookmarkId = 3;
    live.articleId = 42;
    live.title = QStringLiteral("Postal service hit by cyberattack");
    live.link = QStringLiteral("https://example.org/postal?a=1&b=2");
    live.source = QStringLiteral("Questiqa Europe News");
    live.note = QStringLiteral("Read again\nbefore Friday");
    live.createdAt = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    live.published = QDateTime(QDate(2024, 4, 30), QTime(8, 0), Qt::UTC);
    BookmarkRecord gone;
    gone.bookmarkId = 2;
    gone.title = QStringLiteral("<Gone> & kept");
    gone.link = QStringLiteral("http://example.com/gone");
    gone.createdAt = QDateTime(QDate(2024, 4, 1), QTime(12, 0), Qt::UTC);
    BookmarkRecord unsafe;
    unsafe.bookmarkId = 1;
    unsafe.title = QStringLiteral("Scripted");
    unsafe.link = QStringLiteral("javascript:alert(1)");
    return {live, gone, unsafe};
}

void tst_BookmarkExport::netscapeFormat()
{
    int skipped = -1;
    const QString html = QString::fromUtf8(bookmarksToNetscapeHtml(sample(), &skipped));
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE NETSCAPE-Bookmark-file-1>")));
    QVERIFY(html.contains(QStringLiteral("charset=UTF-8")));
    QVERIFY(html.contains(QStringLiteral("<DT><H3>Bulletin</H3>")));
    QVERIFY(html.contains(QStringLiteral("<DT><A HREF=\"https://example.org/postal?a=1&amp;b=2\" "
                                         "ADD_DATE=\"%1\">Postal service hit by cyberattack</A>")
                              .arg(sample().first().createdAt.toSecsSinceEpoch())));
    QVERIFY(html.contains(QStringLiteral("<DD>Read again<br>before Friday")));
    QCOMPARE(skipped, 1);
}

void tst_BookmarkExport::netscapeEscapesAndListsUnlinked()
{
    const QString html = QString::fromUtf8(bookmarksToNetscapeHtml(sample()));
    QVERIFY(html.contains(QStringLiteral(">&lt;Gone&gt; &amp; kept</A>")));
    // A bookmark no browser can open is still the user's: listed, without its link.
    QVERIFY(!html.contains(QStringLiteral("javascript")));
    QVERIFY(html.contains(QStringLiteral("<DT><A>Scripted</A>")));
}

// Stories stored before feeds' relative links were resolved kept links such as
// "/2026/12/01/post/": the export resolves them against the feed they came from.
void tst_BookmarkExport::relativeLinkResolvesAgainstItsFeed_data()
{
    QTest::addColumn<QString>("link");
    QTest::addColumn<QString>("feedUrl");
    QTest::addColumn<QString>("href"); // empty: listed without a link

    QTest::newRow("root-relative") << "/2026/12/01/post/"
                                   << "http://127.0.0.1:8080/feeds/atom.xml"
                                   << "http://127.0.0.1:8080/2026/12/01/post/";
    QTest::newRow("relative to the feed's folder") << "posts/a b.html"
                                                   << "https://news.example/feeds/rss.xml"
                                                   << "https://news.example/feeds/posts/a%20b.html";
    QTest::newRow("absolute stays") << "https://other.example/x"
                                    << "https://news.example/feed"
                                    << "https://other.example/x";
    QTest::newRow("no feed address") << "/2026/12/01/post/"
                                     << ""
                                     << "";
    QTest::newRow("feed is a local file") << "post.html"
                                          << "file:///home/me/feed.xml"
                                          << "";
    QTest::newRow("no link at all") << ""
                                    << "https://news.example/feed"
                                    << "";
}

void tst_BookmarkExport::relativeLinkResolvesAgainstItsFeed()
{
    QFETCH(QString, link);
    QFETCH(QString, feedUrl);
    QFETCH(QString, href);
    BookmarkRecord old;
    old.bookmarkId = 7;
    old.title = QStringLiteral("Harbour reopens");
    old.link = link;
    old.feedUrl = feedUrl;
    old.note = QStringLiteral("for the trip");
    old.createdAt = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    int unlinked = -1;
    const QString html = QString::fromUtf8(bookmarksToNetscapeHtml({old}, &unlinked));
    const QString added = QStringLiteral(" ADD_DATE=\"%1\"").arg(old.createdAt.toSecsSinceEpoch());
    if (href.isEmpty()) {
        QCOMPARE(unlinked, 1);
        QVERIFY2(html.contains(QStringLiteral("<DT><A%1>Harbour reopens</A>").arg(added)),
                 qPrintable(html));
    } else {
        QCOMPARE(unlinked, 0);
        QVERIFY2(html.contains(
                     QStringLiteral("<DT><A HREF=\"%1\"%2>Harbour reopens</A>").arg(href, added)),
                 qPrintable(html));
    }
    QVERIFY(html.contains(QStringLiteral("<DD>for the trip")));
}

void tst_BookmarkExport::json()
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bookmarksToJson(sample()), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray list = doc.object().value(QStringLiteral("bookmarks")).toArray();
    QCOMPARE(list.size(), 3);
    const QJsonObject first = list.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("id")).toInteger(), 42);
    QCOMPARE(first.value(QStringLiteral("title")).toString(), sample().first().title);
    QCOMPARE(first.value(QStringLiteral("note")).toString(), sample().first().note);
    QCOMPARE(first.value(QStringLiteral("bookmarked_at")).toString(),
             QStringLiteral("2024-05-01T12:00:00Z"));
    QCOMPARE(first.value(QStringLiteral("published")).toString(),
             QStringLiteral("2024-04-30T08:00:00Z"));
    QVERIFY(list.at(1).toObject().value(QStringLiteral("id")).isNull());
    QVERIFY(list.at(1).toObject().value(QStringLiteral("published")).isNull());
}

QTEST_APPLESS_MAIN(tst_BookmarkExport)
#include "tst_bookmarkexport.moc"
