#include "models/sidebarmodel.h"
#include "services/cache.h"
#include "storage/database.h"
#include "support/testcache.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace bulletin;

class tst_SidebarModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void smartViewsComeFirst();
    void foldersNestWithCounts();
    void filtersRoundTrip();
    void refreshCountsKeepsShape();
    void feedChangesRebuild();
    void adjustUnreadMatchesTheDatabase();

private:
    qint64 addStory(qint64 feed, int i, bool advisory = false);
    QModelIndex find(const SidebarModel &model, const QString &name, const QModelIndex &parent = {});

    test::TemporaryCache m_cache;
    qint64 m_world = 0;   // in News/Europe
    qint64 m_local = 0;   // in News
    qint64 m_loose = 0;   // no folder
};

qint64 tst_SidebarModel::addStory(qint64 feed, int i, bool advisory)
{
    Article article;
    article.guid = QStringLiteral("g%1-%2").arg(feed).arg(i);
    article.title = QStringLiteral("Story %1-%2").arg(feed).arg(i);
    article.published = QDateTime(QDate(2024, 3, 1), QTime(9, 0), Qt::UTC).addSecs(i * 60);
    article.text = article.title;
    if (advisory) {
        Advisory a;
        a.headline = QStringLiteral("Warning");
        a.text = QStringLiteral("Take care.");
        a.status = QStringLiteral("active");
        a.origin = QStringLiteral("section");
        article.advisory = a;
    }
    return m_cache->articles().upsert(feed, article).id;
}

void tst_SidebarModel::init()
{
    QVERIFY2(m_cache.open(), qPrintable(m_cache.error()));
    FeedStore &feeds = m_cache->feeds();
    const qint64 europe = feeds.folderForPath({QStringLiteral("News"), QStringLiteral("Europe")});
    const qint64 news = feeds.folderForPath({QStringLiteral("News")});
    QVERIFY(europe && news);
    m_world = feeds.addSubscription(QStringLiteral("https://example.org/world.xml"), QStringLiteral("World"), europe).value_or(0);
    m_local = feeds.addSubscription(QStringLiteral("https://example.org/local.xml"), QStringLiteral("Local"), news).value_or(0);
    m_loose = feeds.localSource(QStringLiteral("Imported")).value_or(0);
    QVERIFY(m_world && m_local && m_loose);
    Transaction transaction(m_cache->database().connection());
    for (int i = 0; i < 3; ++i)
        addStory(m_world, i);
    for (int i = 0; i < 2; ++i)
        addStory(m_local, i, i == 0);
    addStory(m_loose, 0);
    QVERIFY(transaction.commit());
}

void tst_SidebarModel::cleanup()
{
    m_cache.close();
}

QModelIndex tst_SidebarModel::find(const SidebarModel &model, const QString &name, const QModelIndex &parent)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data().toString() == name)
            return index;
        if (const QModelIndex inner = find(model, name, index); inner.isValid())
            return inner;
    }
    return {};
}

void tst_SidebarModel::smartViewsComeFirst()
{
    SidebarModel model(m_cache->feeds(), m_cache->articles(), m_cache->bookmarks());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), 2);
    const QStringList expected{QStringLiteral("All stories"), QStringLiteral("Unread"),
                               QStringLiteral("Bookmarks"), QStringLiteral("Advisories"),
                               QStringLiteral("News"), QStringLiteral("Imported")};
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row, 0).data().toString();
    QCOMPARE(names, expected);
    QCOMPARE(model.index(0, SidebarModel::CountColumn).data().toString(), QStringLiteral("6"));
    QCOMPARE(model.index(1, SidebarModel::CountColumn).data().toString(), QStringLiteral("6"));
    QCOMPARE(model.index(2, SidebarModel::CountColumn).data().toString(), QString()); // no bookmarks
    QCOMPARE(model.index(3, SidebarModel::CountColumn).data().toString(), QStringLiteral("1"));
}

void tst_SidebarModel::foldersNestWithCounts()
{
    SidebarModel model(m_cache->feeds(), m_cache->articles(), m_cache->bookmarks());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex news = find(model, QStringLiteral("News"));
    QVERIFY(news.isValid());
    QCOMPARE(model.rowCount(news), 2); // the subfolder, then its own feed
    const QModelIndex europe = model.index(0, 0, news);
    QCOMPARE(europe.data().toString(), QStringLiteral("Europe"));
    QCOMPARE(model.index(1, 0, news).data().toString(), QStringLiteral("Local"));
    const QModelIndex world = model.index(0, 0, europe);
    QCOMPARE(world.data().toString(), QStringLiteral("World"));
    QCOMPARE(world.parent(), europe);
    QCOMPARE(news.data(SidebarModel::CountRole).toInt(), 5);
    QCOMPARE(europe.data(SidebarModel::CountRole).toInt(), 3);
    QCOMPARE(world.siblingAtColumn(SidebarModel::CountColumn).data().toString(), QStringLiteral("3"));
}

void tst_SidebarModel::filtersRoundTrip()
{
    SidebarModel model(m_cache->feeds(), m_cache->articles(), m_cache->bookmarks());
    const QModelIndex world = find(model, QStringLiteral("World"));
    const StoryFilter feedFilter = model.filterFor(world);
    QCOMPARE(feedFilter.kind, StoryFilter::Kind::Feed);
    QCOMPARE(feedFilter.id, m_world);
    QCOMPARE(model.indexFor(feedFilter), world);

    const QModelIndex news = find(model, QStringLiteral("News"));
    QCOMPARE(model.filterFor(news).kind, StoryFilter::Kind::Folder);
    QCOMPARE(model.indexFor(model.filterFor(news)), news);
    QCOMPARE(model.filterFor(model.index(2, 0)).kind, StoryFilter::Kind::Bookmarked);
    QCOMPARE(model.indexFor({StoryFilter::Kind::Advisories}), model.index(3, 0));
    QVERIFY(!model.indexFor({StoryFilter::Kind::Feed, 987654}).isValid());
}

void tst_SidebarModel::refreshCountsKeepsShape()
{
    SidebarModel model(m_cache->feeds(), m_cache->articles(), m_cache->bookmarks());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    const QList<StorySummary> world = m_cache->articles().stories({StoryFilter::Kind::Feed, m_world}, std::nullopt, 10);
    QVERIFY(m_cache->articles().setRead({world.first().id}, true));
    QVERIFY(m_cache->bookmarks().add(world.first().id));
    model.refreshCounts();
    QCOMPARE(reset.size(), 0);
    QVERIFY(changed.size() >= 5); // All, Unread, Bookmarks, News, Europe, World
    QCOMPARE(find(model, QStringLiteral("World")).data(SidebarModel::CountRole).toInt(), 2);
    QCOMPARE(find(model, QStringLiteral("News")).data(SidebarModel::CountRole).toInt(), 4);
    QCOMPARE(model.index(0, 0).data(SidebarModel::CountRole).toInt(), 5);
    QCOMPARE(model.index(2, 0).data(SidebarModel::CountRole).toInt(), 1);
}

void tst_SidebarModel::adjustUnreadMatchesTheDatabase()
{
    // Moving the counts by one story gives what counting every feed again gives.
    const qint64 warned = addStory(m_world, 99, true);
    SidebarModel adjusted(m_cache->feeds(), m_cache->articles(), m_cache->bookmarks());
    QAbstractItemModelTester tester(&adjusted, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(m_cache->articles().setRead({warned}, true));
    adjusted.adjustUnread(m_world, true, -1);
    SidebarModel counted(m_cache->feeds(), m_cache->articles(), m_cache->bookmarks());
    const auto counts = [this](const SidebarModel &model) {
        QList<int> list;
        for (const QString &name : {QStringLiteral("All stories"), QStringLiteral("Unread"), QStringLiteral("Advisories"),
                                    QStringLiteral("News"), QStringLiteral("Europe"), QStringLiteral("World"),
                                    QStringLiteral("Local"), QStringLiteral("Imported")})
            list << find(model, name).data(SidebarModel::CountRole).toInt();
        return list;
    };
    QCOMPARE(counts(adjusted), counts(counted));
    QVERIFY(m_cache->articles().setRead({warned}, false));
    adjusted.adjustUnread(m_world, true, 1);
    QCOMPARE(counts(adjusted), counts(SidebarModel(m_cache->feeds(), m_cache->articles(), m_cache->bookmarks())));
}

void tst_SidebarModel::feedChangesRebuild()
{
    SidebarModel model(m_cache->feeds(), m_cache->articles(), m_cache->bookmarks());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(m_cache->feeds().remove(m_loose));
    model.refreshCounts();
    QCOMPARE(reset.size(), 1);
    QVERIFY(!find(model, QStringLiteral("Imported")).isValid());
    QCOMPARE(model.index(0, 0).data(SidebarModel::CountRole).toInt(), 5);
}

QTEST_MAIN(tst_SidebarModel)
#include "tst_sidebarmodel.moc"
