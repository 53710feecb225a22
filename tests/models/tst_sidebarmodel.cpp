#include "models/sidebarmodel.h"
#include "storage/accountstore.h"
#include "storage/cache.h"
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
    void anAccountIsATopLevelNodeWithItsCategoriesAndFeeds();
    void anAccountsHealthIsItsTooltipAndMark();

private:
    qint64 addStory(qint64 feed, int i, bool advisory = false);
    QModelIndex find(const SidebarModel &model, const QString &name,
                     const QModelIndex &parent = {});

    test::TemporaryCache m_cache;
    qint64 m_world = 0; // in News/Europe
    qint64 m_local = 0; // in News
    qint64 m_loose = 0; // no folder
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
    m_world = feeds
                  .addSubscription(QStringLiteral("https://example.org/world.xml"),
                                   QStringLiteral("World"), europe)
                  .value_or(0);
    m_local = feeds
                  .addSubscription(QStringLiteral("https://example.org/local.xml"),
                                   QStringLiteral("Local"), news)
                  .value_or(0);
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

QModelIndex tst_SidebarModel::find(const SidebarModel &model, const QString &name,
                                   const QModelIndex &parent)
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
                               QStringLiteral("Bookmarks"),   QStringLiteral("Advisories"),
                               QStringLiteral("News"),        QStringLiteral("Imported")};
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row, 0).data().toString();
    QCOMPARE(names, expected);
    QCOMPARE(model.index(0, SidebarModel::CountColumn).data().toString(), QStringLiteral("6"));
    QCOMPARE(model.index(1, SidebarModel::CountColumn).data().toString(), QStringLiteral("6"));
    QCOMPARE(model.index(2, SidebarModel::CountColumn).data().toString(),
             QString()); // no bookmarks
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
    QCOMPARE(world.siblingAtColumn(SidebarModel::CountColumn).data().toString(),
             QStringLiteral("3"));
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

    const QList<StorySummary> world = m_cache->articles().stories(
        {StoryFilter::Kind::Feed, m_world}, std::nullopt, 10);
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
    QAbstractItemModelTester tester(&adjusted,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(m_cache->articles().setRead({warned}, true));
    adjusted.adjustUnread(m_world, true, -1);
    SidebarModel counted(m_cache->feeds(), m_cache->articles(), m_cache->bookmarks());
    const auto counts = [this](const SidebarModel &model) {
        QList<int> list;
        for (const QString &name :
             {QStringLiteral("All stories"), QStringLiteral("Unread"), QStringLiteral("Advisories"),
              QStringLiteral("News"), QStringLiteral("Europe"), QStringLiteral("World"),
              QStringLiteral("Local"), QStringLiteral("Imported")})
            list << find(model, name).data(SidebarModel::CountRole).toInt();
        return list;
    };
    QCOMPARE(counts(adjusted), counts(counted));
    QVERIFY(m_cache->articles().setRead({warned}, false));
    adjusted.adjustUnread(m_world, true, 1);
    QCOMPARE(counts(adjusted),
             counts(SidebarModel(m_cache->feeds(), m_cache->articles(), m_cache->bookmarks())));
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

namespace {

// An account as a sync leaves it: a category "Tech" with the feed "Gadgets", the feed "Daily"
// at its top level, stories in both.
struct SyncedAccount
{
    qint64 id = 0;
    qint64 gadgets = 0;
    qint64 daily = 0;
};

SyncedAccount addSyncedAccount(Cache &cache)
{
    AccountStore accounts(cache.database().connection());
    SyncedAccount a;
    QString error;
    a.id = accounts
               .add(QStringLiteral("ttrss"), QStringLiteral("https://rss.example.net/tt-rss/"),
                    QStringLiteral("alice"), &error)
               .value_or(0);
    const qint64 tech
        = accounts.ensureFolder(a.id, QStringLiteral("7"), QStringLiteral("Tech")).value_or(0);
    a.gadgets = accounts
                    .ensureFeed(a.id,
                                {0, QStringLiteral("11"), QStringLiteral("Gadgets"),
                                 QStringLiteral("https://gadgets.example/feed"), tech})
                    .value_or(0);
    a.daily = accounts
                  .ensureFeed(a.id,
                              {0, QStringLiteral("12"), QStringLiteral("Daily"),
                               QStringLiteral("https://daily.example/rss"), 0})
                  .value_or(0);
    return a;
}

} // namespace

void tst_SidebarModel::anAccountIsATopLevelNodeWithItsCategoriesAndFeeds()
{
    const SyncedAccount account = addSyncedAccount(*m_cache);
    QVERIFY(account.id && account.gadgets && account.daily);
    for (int i = 0; i < 2; ++i)
        addStory(account.gadgets, i);
    addStory(account.daily, 0);

    SidebarModel model(m_cache->feeds(), m_cache->articles(), m_cache->bookmarks());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAccountStore(AccountStore(m_cache->database().connection()));

    // The local feeds stay as they are; the account follows them with its own tree.
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row, 0).data().toString();
    QCOMPARE(names,
             (QStringList{QStringLiteral("All stories"), QStringLiteral("Unread"),
                          QStringLiteral("Bookmarks"), QStringLiteral("Advisories"),
                          QStringLiteral("News"), QStringLiteral("Imported"),
                          QStringLiteral("alice on rss.example.net")}));
    const QModelIndex node = model.index(6, 0);
    QCOMPARE(node.data(SidebarModel::NodeKindRole).toInt(), int(SidebarModel::NodeKind::Account));
    QCOMPARE(model.accountAt(node), account.id);
    QCOMPARE(model.rowCount(node), 2);
    const QModelIndex tech = model.index(0, 0, node);
    QCOMPARE(tech.data().toString(), QStringLiteral("Tech"));
    QCOMPARE(model.index(0, 0, tech).data().toString(), QStringLiteral("Gadgets"));
    QCOMPARE(model.index(1, 0, node).data().toString(), QStringLiteral("Daily"));
    // Whose a source is: what Refresh and the feed's own actions go by.
    QCOMPARE(model.accountOf(model.filterFor(model.index(0, 0, tech))), account.id);
    QCOMPARE(model.accountOf(model.filterFor(tech)), account.id);
    QCOMPARE(model.accountOf(model.filterFor(node)), account.id);
    QCOMPARE(model.accountOf({StoryFilter::Kind::Feed, m_world}), 0);
    QCOMPARE(model.accountOf({StoryFilter::Kind::Unread}), 0);

    // Unread counts: the feeds', summed up the account's tree, and in the smart views.
    QCOMPARE(node.siblingAtColumn(SidebarModel::CountColumn).data().toString(),
             QStringLiteral("3"));
    QCOMPARE(tech.data(SidebarModel::CountRole).toInt(), 2);
    QCOMPARE(model.index(0, 0).data(SidebarModel::CountRole).toInt(), 9);

    // Its stories are a view like a folder's, and the node is found again from its filter.
    const StoryFilter filter = model.filterFor(node);
    QCOMPARE(filter, (StoryFilter{StoryFilter::Kind::Account, account.id}));
    QCOMPARE(model.indexFor(filter), node);
    QCOMPARE(m_cache->articles().stories(filter, std::nullopt, 10).size(), 3);
    QCOMPARE(m_cache->articles().count(filter), 3);

    // Reading one of them moves the account's count, as a folder's.
    const QList<StorySummary> gadgets = m_cache->articles().stories(
        {StoryFilter::Kind::Feed, account.gadgets}, std::nullopt, 10);
    QVERIFY(m_cache->articles().setRead({gadgets.first().id}, true));
    model.adjustUnread(account.gadgets, false, -1);
    QCOMPARE(node.data(SidebarModel::CountRole).toInt(), 2);
    QCOMPARE(tech.data(SidebarModel::CountRole).toInt(), 1);
}

void tst_SidebarModel::anAccountsHealthIsItsTooltipAndMark()
{
    const SyncedAccount account = addSyncedAccount(*m_cache);
    QVERIFY(account.id);
    SidebarModel model(m_cache->feeds(), m_cache->articles(), m_cache->bookmarks());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAccountStore(AccountStore(m_cache->database().connection()));
    const QModelIndex node = model.indexFor({StoryFilter::Kind::Account, account.id});
    QVERIFY(node.isValid());
    QVERIFY(node.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Never synced yet")));
    QVERIFY(!node.data(SidebarModel::FailingRole).toBool());
    QVERIFY(node.data(Qt::DecorationRole).isNull());

    // A failed sync: the error in words and a mark, in place (the view keeps its selection).
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    AccountStore store(m_cache->database().connection());
    QVERIFY(store.recordSync(account.id,
                             QStringLiteral("the server refused the user name or password")));
    model.refreshCounts();
    QCOMPARE(reset.size(), 0);
    QVERIFY(!changed.isEmpty());
    QVERIFY(node.data(SidebarModel::FailingRole).toBool());
    QVERIFY(!node.data(Qt::DecorationRole).isNull());
    const QString tooltip = node.data(Qt::ToolTipRole).toString();
    QVERIFY2(tooltip.contains(
                 QStringLiteral("Last sync failed: the server refused the user name or password")),
             qPrintable(tooltip));
    QVERIFY(tooltip.contains(QStringLiteral("https://rss.example.net/tt-rss/")));

    // A sync that went through clears the mark and says when.
    QVERIFY(store.recordSync(account.id, QString(),
                             QDateTime(QDate(2026, 12, 7), QTime(9, 30), Qt::UTC)));
    model.refreshCounts();
    QVERIFY(!node.data(SidebarModel::FailingRole).toBool());
    QVERIFY2(node.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Last synced ")),
             qPrintable(node.data(Qt::ToolTipRole).toString()));
    QVERIFY(!node.data(Qt::ToolTipRole).toString().contains(QStringLiteral("failed")));
}

QTEST_MAIN(tst_SidebarModel)
#include "tst_sidebarmodel.moc"
