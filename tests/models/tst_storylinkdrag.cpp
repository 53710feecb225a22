#include "models/storylinkdrag.h"
#include "models/storylistmodel.h"
#include "storage/cache.h"
#include "support/testcache.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QTest>

using namespace bulletin;

// A story dragged out of the list: what the model's mimeData gives a browser, a chat or an
// editor for the selected rows, over a real cache.
class tst_StoryLinkDrag : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void selectedStoryGivesItsLinkAndHeadline();
    void severalRowsGiveTheirLinksInListOrder();
    void storyWithoutAWebLinkDragsNothing_data();
    void storyWithoutAWebLinkDragsNothing();
    void bookmarkWhoseStoryLeftTheCacheGivesItsLink();
    void headlineIsEscapedInHtml();

private:
    qint64 addStory(const QString &title, const QString &link, int minute);
    // The model's MIME data for every column of these rows, as a view's selection gives it.
    static QMimeData *dragOf(const StoryListModel &model, const QList<int> &rows);
    static QString mozUrl(const QMimeData &data);

    test::TemporaryCache m_cache;
    qint64 m_feed = 0;
};

void tst_StoryLinkDrag::init()
{
    QVERIFY2(m_cache.open(), qPrintable(m_cache.error()));
    m_feed = m_cache->feeds().localSource(QStringLiteral("Alpha News")).value_or(0);
    QVERIFY(m_feed);
}

void tst_StoryLinkDrag::cleanup()
{
    m_cache.close();
}

qint64 tst_StoryLinkDrag::addStory(const QString &title, const QString &link, int minute)
{
    Article article;
    article.guid = title;
    article.title = title;
    article.link = link;
    article.published = QDateTime(QDate(2024, 5, 1), QTime(8, minute), Qt::UTC);
    article.html = QStringLiteral("<p>Body</p>");
    article.text = QStringLiteral("Body");
    return m_cache->articles().upsert(m_feed, article).id;
}

QMimeData *tst_StoryLinkDrag::dragOf(const StoryListModel &model, const QList<int> &rows)
{
    QModelIndexList indexes;
    for (int row : rows) {
        for (int column = 0; column < model.columnCount(); ++column)
            indexes << model.index(row, column);
    }
    return model.mimeData(indexes);
}

QString tst_StoryLinkDrag::mozUrl(const QMimeData &data)
{
    const QByteArray bytes = data.data(QStringLiteral("text/x-moz-url"));
    return QString::fromUtf16(reinterpret_cast<const char16_t *>(bytes.constData()),
                              bytes.size() / 2);
}

void tst_StoryLinkDrag::selectedStoryGivesItsLinkAndHeadline()
{
    const qint64 id = addStory(QStringLiteral("Harbour reopens after storm"),
                               QStringLiteral("https://news.example/harbour?id=7&lang=en"), 1);
    StoryListModel model(m_cache->articles(), m_cache->bookmarks());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int row = model.rowForStory(id);
    QVERIFY(row >= 0);
    for (int column = 0; column < model.columnCount(); ++column)
        QVERIFY(model.flags(model.index(row, column)).testFlag(Qt::ItemIsDragEnabled));
    QVERIFY(model.mimeTypes().contains(QStringLiteral("text/uri-list")));

    const std::unique_ptr<QMimeData> data(dragOf(model, {row}));
    QVERIFY(data);
    QCOMPARE(data->urls(),
             QList<QUrl>{QUrl(QStringLiteral("https://news.example/harbour?id=7&lang=en"))});
    QCOMPARE(data->text(), QStringLiteral("https://news.example/harbour?id=7&lang=en"));
    QCOMPARE(
        mozUrl(*data),
        QStringLiteral("https://news.example/harbour?id=7&lang=en\nHarbour reopens after storm"));
    QCOMPARE(data->html(),
             QStringLiteral("<a href=\"https://news.example/harbour?id=7&amp;lang=en\">"
                            "Harbour reopens after storm</a>"));
}

void tst_StoryLinkDrag::severalRowsGiveTheirLinksInListOrder()
{
    addStory(QStringLiteral("Older"), QStringLiteral("https://news.example/older"), 1);
    addStory(QStringLiteral("No link"), QString(), 2);
    addStory(QStringLiteral("Newer"), QStringLiteral("http://news.example/newer"), 3);
    StoryListModel model(m_cache->articles(), m_cache->bookmarks());
    QCOMPARE(model.rowCount(), 3);

    // Newest first: Newer, No link, Older; asked in another order, each row once.
    const std::unique_ptr<QMimeData> data(dragOf(model, {2, 1, 0, 2}));
    QVERIFY(data);
    QCOMPARE(data->urls(),
             (QList<QUrl>{QUrl(QStringLiteral("http://news.example/newer")),
                          QUrl(QStringLiteral("https://news.example/older"))}));
    QCOMPARE(data->text(), QStringLiteral("http://news.example/newer\nhttps://news.example/older"));
    QCOMPARE(mozUrl(*data),
             QStringLiteral("http://news.example/newer\nNewer\nhttps://news.example/older\nOlder"));
}

void tst_StoryLinkDrag::storyWithoutAWebLinkDragsNothing_data()
{
    QTest::addColumn<QString>("link");
    QTest::newRow("none") << QString();
    QTest::newRow("relative") << QStringLiteral("/2024/05/story.html");
    QTest::newRow("script") << QStringLiteral("javascript:alert(1)");
    QTest::newRow("local file") << QStringLiteral("file:///etc/passwd");
    QTest::newRow("no host") << QStringLiteral("https:///path");
    QTest::newRow("data") << QStringLiteral("data:text/html,<b>hi</b>");
}

void tst_StoryLinkDrag::storyWithoutAWebLinkDragsNothing()
{
    QFETCH(QString, link);
    addStory(QStringLiteral("Linkless"), link, 1);
    StoryListModel model(m_cache->articles(), m_cache->bookmarks());
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(!model.flags(model.index(0, 0)).testFlag(Qt::ItemIsDragEnabled));
    QVERIFY(model.flags(model.index(0, 0)).testFlag(Qt::ItemIsSelectable));
    const std::unique_ptr<QMimeData> data(dragOf(model, {0}));
    QVERIFY(!data);
}

void tst_StoryLinkDrag::bookmarkWhoseStoryLeftTheCacheGivesItsLink()
{
    const qint64 id = addStory(QStringLiteral("Kept"), QStringLiteral("https://news.example/kept"),
                               1);
    QVERIFY(m_cache->bookmarks().add(id));
    QVERIFY(m_cache->feeds().remove(m_feed));
    StoryListModel model(m_cache->articles(), m_cache->bookmarks());
    model.setFilter({StoryFilter::Kind::Bookmarked});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.storyIdAt(0), 0);
    const std::unique_ptr<QMimeData> data(dragOf(model, {0}));
    QVERIFY(data);
    QCOMPARE(data->urls(), QList<QUrl>{QUrl(QStringLiteral("https://news.example/kept"))});
}

void tst_StoryLinkDrag::headlineIsEscapedInHtml()
{
    const std::unique_ptr<QMimeData> data(
        storyLinksMimeData({{QUrl(QStringLiteral("https://news.example/a\"b")),
                             QStringLiteral("Tom & <Jerry>\nreturn")}}));
    QVERIFY(data);
    QCOMPARE(data->html(),
             QStringLiteral(
                 "<a href=\"https://news.example/a%22b\">Tom &amp; &lt;Jerry&gt; return</a>"));
    QCOMPARE(mozUrl(*data), QStringLiteral("https://news.example/a%22b\nTom & <Jerry> return"));
    QVERIFY(!storyLinksMimeData({}));
}

QTEST_MAIN(tst_StoryLinkDrag)
#include "tst_storylinkdrag.moc"
