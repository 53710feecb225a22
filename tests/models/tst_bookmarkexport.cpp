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
    void netscapeEscapesAndSkips();
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

void tst_BookmarkExport::netscapeEscapesAndSkips()
{
    const QString html = QString::fromUtf8(bookmarksToNetscapeHtml(sample()));
    QVERIFY(html.contains(QStringLiteral(">&lt;Gone&gt; &amp; kept</A>")));
    QVERIFY(!html.contains(QStringLiteral("javascript")));
    QVERIFY(!html.contains(QStringLiteral("Scripted")));
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
    QCOMPARE(first.value(QStringLiteral("bookmarked_at")).toString(), QStringLiteral("2024-05-01T12:00:00Z"));
    QCOMPARE(first.value(QStringLiteral("published")).toString(), QStringLiteral("2024-04-30T08:00:00Z"));
    QVERIFY(list.at(1).toObject().value(QStringLiteral("id")).isNull());
    QVERIFY(list.at(1).toObject().value(QStringLiteral("published")).isNull());
}

QTEST_APPLESS_MAIN(tst_BookmarkExport)
#include "tst_bookmarkexport.moc"
