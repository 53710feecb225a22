#include "storage/accountstore.h"
#include "storage/advisorystore.h"
#include "storage/articlestore.h"
#include "storage/bookmarkstore.h"
#include "storage/feedstore.h"
#include "storetestutil.h"

#include <QSqlQuery>

using namespace bulletin;

namespace {

// How many stories of the search index match `terms`; -1 when the query fails.
int searchMatches(const QSqlDatabase &db, const QString &terms)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"));
    q.addBindValue(terms);
    return q.exec() && q.next() ? q.value(0).toInt() : -1;
}

} // namespace

class tst_ArticleStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void upsertInsertsUpdatesAndSkipsUnchanged()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        FeedStore feeds(cache->database().connection());
        ArticleStore articles(cache->database().connection());
        const qint64 feed = *feeds.addSubscription(QStringLiteral("https://example.org/feed"),
                                                   QStringLiteral("Example"));

        Article a = makeArticle(QStringLiteral("g1"), QStringLiteral("First"), 1000);
        const auto inserted = articles.upsert(feed, a);
        QCOMPARE(inserted.state, ArticleStore::UpsertState::Inserted);
        QCOMPARE(articles.upsert(feed, a).state, ArticleStore::UpsertState::Unchanged);

        QVERIFY(articles.setRead({inserted.id}, true));
        a.title = QStringLiteral("First (corrected)");
        const auto updated = articles.upsert(feed, a);
        QCOMPARE(updated.state, ArticleStore::UpsertState::Updated);
        QCOMPARE(updated.id, inserted.id);
        const auto story = articles.story(inserted.id);
        QVERIFY(story);
        QCOMPARE(story->summary.title, QStringLiteral("First (corrected)"));
        QVERIFY(story->summary.read); // read state survives an update
        QCOMPARE(articles.count({}), 1);
    }

    void sameLinkAndTitleWithNewGuidIsNotDuplicated()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        FeedStore feeds(cache->database().connection());
        ArticleStore articles(cache->database().connection());
        const qint64 feed = *feeds.localSource(QStringLiteral("Local"));
        Article a = makeArticle(QStringLiteral("g1"), QStringLiteral("Same"), 1000);
        articles.upsert(feed, a);
        a.guid = QStringLiteral("g1-regenerated");
        QCOMPARE(articles.upsert(feed, a).state, ArticleStore::UpsertState::Unchanged);
        QCOMPARE(articles.count({}), 1);
    }

    void keysetPagingIsNewestFirstWithoutGaps()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        FeedStore feeds(cache->database().connection());
        ArticleStore articles(cache->database().connection());
        const qint64 feed = *feeds.localSource(QStringLiteral("Local"));
        {
            Transaction t(cache->database().connection());
            for (int i = 0; i < 1000; ++i) {
                // Many stories share a date: the id breaks ties.
                articles.upsert(feed,
                                makeArticle(QString::number(i), QStringLiteral("Story %1").arg(i),
                                            1000 + i / 10));
            }
            QVERIFY(t.commit());
        }
        QList<StorySummary> all;
        std::optional<StoryCursor> cursor;
        for (;;) {
            const auto page = articles.stories({}, cursor, 64);
            all << page;
            if (page.size() < 64)
                break;
            cursor = StoryOrder::cursorOf(page.last());
        }
        QCOMPARE(all.size(), 1000);
        for (qsizetype i = 1; i < all.size(); ++i) {
            const auto &prev = all.at(i - 1);
            const auto &cur = all.at(i);
            QVERIFY(prev.sortDate > cur.sortDate
                    || (prev.sortDate == cur.sortDate && prev.id > cur.id));
        }
        QCOMPARE(all.first().title, QStringLiteral("Story 999"));
    }

    void filtersAndMarkAllRead()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        FeedStore feeds(cache->database().connection());
        ArticleStore articles(cache->database().connection());
        const qint64 folder = feeds.folderForPath(
            {QStringLiteral("News"), QStringLiteral("Europe")});
        QVERIFY(!feeds.hasFeeds()); // a folder is not a feed
        const qint64 a = *feeds.addSubscription(QStringLiteral("https://a.example/feed"),
                                                QStringLiteral("A"), folder);
        const qint64 b = *feeds.addSubscription(QStringLiteral("https://b.example/feed"),
                                                QStringLiteral("B"));
        for (int i = 0; i < 5; ++i)
            articles.upsert(
                a,
                makeArticle(QStringLiteral("a%1").arg(i), QStringLiteral("A%1").arg(i), 100 + i));
        for (int i = 0; i < 3; ++i)
            articles.upsert(
                b,
                makeArticle(QStringLiteral("b%1").arg(i), QStringLiteral("B%1").arg(i), 200 + i));
        QCOMPARE(articles.count({StoryFilter::Kind::Feed, a}), 5);
        QCOMPARE(articles.count(
                     {StoryFilter::Kind::Folder, feeds.folderForPath({QStringLiteral("News")})}),
                 5);
        QCOMPARE(articles.markAllRead({StoryFilter::Kind::Feed, b}).size(), 3);
        QCOMPARE(articles.count({StoryFilter::Kind::Unread}), 5);
        const auto feedList = feeds.feeds();
        QCOMPARE(feedList.size(), 2);
        for (const FeedRecord &f : feedList)
            QCOMPARE(f.unread, f.id == a ? 5 : 0);
        // The list a refresh chooses from: the same feeds in the same order, with their
        // settings, and no counting.
        const auto settingsList = feeds.feedSettingsList();
        QCOMPARE(settingsList.size(), feedList.size());
        for (qsizetype i = 0; i < settingsList.size(); ++i) {
            QCOMPARE(settingsList.at(i).id, feedList.at(i).id);
            QCOMPARE(settingsList.at(i).url, feedList.at(i).url);
            QCOMPARE(settingsList.at(i).folderId, feedList.at(i).folderId);
            QCOMPARE(settingsList.at(i).unread, 0);
        }
        QVERIFY(feeds.hasFeeds());
        // A folder holds the feeds of the folders inside it; what is read already is not
        // counted again.
        QCOMPARE(articles
                     .markAllRead(
                         {StoryFilter::Kind::Folder, feeds.folderForPath({QStringLiteral("News")})})
                     .size(),
                 5);
        QCOMPARE(articles.count({StoryFilter::Kind::Unread}), 0);
        // Nothing left to mark is no failure.
        bool ok = false;
        QVERIFY(articles.markAllRead({StoryFilter::Kind::Feed, b}, &ok).isEmpty());
        QVERIFY(ok);
    }

    // Undoing Mark All as Read puts back exactly what the mark changed: the stories read
    // before it stay read, and the other feed's stories are not touched.
    void markAllReadReturnsOnlyTheStoriesItChanged()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        FeedStore feeds(cache->database().connection());
        ArticleStore articles(cache->database().connection());
        const qint64 a = *feeds.addSubscription(QStringLiteral("https://a.example/feed"),
                                                QStringLiteral("A"));
        const qint64 b = *feeds.addSubscription(QStringLiteral("https://b.example/feed"),
                                                QStringLiteral("B"));
        QList<qint64> ofA;
        for (int i = 0; i < 6; ++i)
            ofA << articles
                       .upsert(a,
                               makeArticle(QStringLiteral("a%1").arg(i),
                                           QStringLiteral("A%1").arg(i), 100 + i))
                       .id;
        const qint64 ofB
            = articles.upsert(b, makeArticle(QStringLiteral("b"), QStringLiteral("B"), 300)).id;
        const QList<qint64> readBefore{ofA.at(1), ofA.at(4)};
        QVERIFY(articles.setRead(readBefore, true));

        QList<qint64> changed = articles.markAllRead({StoryFilter::Kind::Feed, a});
        std::sort(changed.begin(), changed.end());
        QCOMPARE(changed, (QList<qint64>{ofA.at(0), ofA.at(2), ofA.at(3), ofA.at(5)}));
        QCOMPARE(articles.unreadCount({StoryFilter::Kind::Feed, a}), 0);

        QVERIFY(articles.setRead(changed, false));
        for (const StorySummary &story : articles.summaries(ofA))
            QCOMPARE(story.read, readBefore.contains(story.id));
        QVERIFY(!articles.summary(ofB)->read);
        QCOMPARE(articles.unreadCount({StoryFilter::Kind::All}), 5);
    }

    // An account's stories: the mark and its undo each wait to be sent to the server, the
    // undo's unread replacing the mark's read.
    void undoingAMarkOfAnAccountsStoriesQueuesItForTheServer()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        ArticleStore articles(cache->database().connection());
        AccountStore accounts(cache->database().connection());
        QString error;
        const std::optional<qint64> account = accounts.add(QStringLiteral("ttrss"),
                                                           QStringLiteral("https://rss.example"),
                                                           QStringLiteral("reader"), &error);
        QVERIFY2(account, qPrintable(error));
        AccountFeed remote;
        remote.remoteId = QStringLiteral("7");
        remote.title = QStringLiteral("Remote");
        remote.url = QStringLiteral("https://remote.example/feed");
        const std::optional<qint64> feed = accounts.ensureFeed(*account, remote);
        QVERIFY(feed);
        const qint64 first
            = articles.upsert(*feed, makeArticle(QStringLiteral("r1"), QStringLiteral("R1"), 100))
                  .id;
        const qint64 second
            = articles.upsert(*feed, makeArticle(QStringLiteral("r2"), QStringLiteral("R2"), 101))
                  .id;
        QVERIFY(accounts.mapStories(
            *account, {{first, QStringLiteral("101")}, {second, QStringLiteral("102")}}));
        QVERIFY(articles.setRead({second}, true));
        QVERIFY(accounts.clearPending([&] {
            QList<qint64> ids;
            for (const PendingChange &change : accounts.pending(*account))
                ids << change.id;
            return ids;
        }()));

        const QList<qint64> changed = articles.markAllRead({StoryFilter::Kind::Feed, *feed});
        QCOMPARE(changed, QList<qint64>{first});
        QList<PendingChange> pending = accounts.pending(*account);
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().remoteId, QStringLiteral("101"));
        QVERIFY(pending.first().value); // read

        QVERIFY(articles.setRead(changed, false));
        pending = accounts.pending(*account);
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().remoteId, QStringLiteral("101"));
        QVERIFY(!pending.first().value); // unread again
    }

    void advisoryAndRelatedResolve()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        FeedStore feeds(cache->database().connection());
        ArticleStore articles(cache->database().connection());
        const qint64 feed = *feeds.localSource(QStringLiteral("Local"));
        Article target = makeArticle(QStringLiteral("t"), QStringLiteral("Target Headline"), 50);
        const qint64 targetId = articles.upsert(feed, target).id;

        Article a = makeArticle(QStringLiteral("s"), QStringLiteral("Story"), 100);
        Advisory v;
        v.headline = QStringLiteral("Flood warning");
        v.text = QStringLiteral("Move to higher ground.");
        v.severity = QStringLiteral("Severe");
        v.expires = QDateTime::fromSecsSinceEpoch(4102444800, Qt::UTC);
        a.advisory = v;
        a.related = {{QStringLiteral("target headline"), {}, QStringLiteral("publisher")},
                     {QStringLiteral("Unknown story"),
                      QStringLiteral("https://elsewhere.example/x"), QStringLiteral("publisher")}};
        const qint64 id = articles.upsert(feed, a).id;
        const auto story = articles.story(id);
        QVERIFY(story && story->advisory);
        QVERIFY(story->summary.hasAdvisory);
        QCOMPARE(story->advisory->severity, QStringLiteral("Severe"));
        QCOMPARE(story->advisory->expires, v.expires);
        QCOMPARE(story->related.size(), 2);
        QCOMPARE(story->related.at(0).id, std::optional<qint64>(targetId)); // by headline, any case
        QCOMPARE(story->related.at(0).source, QStringLiteral("Local"));
        QVERIFY(!story->related.at(1).id);
        QCOMPARE(articles.count({StoryFilter::Kind::Advisories}), 1);
    }

    void enclosuresAreStoredWithTheStoryAndGoWithIt()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        FeedStore feeds(cache->database().connection());
        ArticleStore articles(cache->database().connection());
        const qint64 feed = *feeds.addSubscription(QStringLiteral("https://radio.example/feed"),
                                                   QStringLiteral("Radio"));
        Article a = makeArticle(QStringLiteral("ep12"), QStringLiteral("Episode 12"), 1000);
        Enclosure episode;
        episode.url = QStringLiteral("https://radio.example/media/episode-12.mp3");
        episode.type = QStringLiteral("audio/mpeg");
        episode.length = 24100000;
        episode.durationSeconds = 3723;
        Enclosure map;
        map.url = QStringLiteral("https://radio.example/media/ferry-route.png");
        map.title = QStringLiteral("The ferry's new route");
        a.enclosures = {episode, map};
        const auto stored = articles.upsert(feed, a);
        QCOMPARE(stored.state, ArticleStore::UpsertState::Inserted);
        QCOMPARE(articles.upsert(feed, a).state, ArticleStore::UpsertState::Unchanged);

        // What was stored comes back as it was, in the feed's order, unknowns as unknown.
        const auto story = articles.story(stored.id);
        QVERIFY(story);
        QCOMPARE(story->enclosures.size(), 2);
        const Enclosure &first = story->enclosures.at(0);
        QCOMPARE(first.url, episode.url);
        QCOMPARE(first.type, episode.type);
        QCOMPARE(first.length, std::optional<qint64>(24100000));
        QCOMPARE(first.durationSeconds, std::optional<qint64>(3723));
        QVERIFY(first.title.isEmpty());
        const Enclosure &second = story->enclosures.at(1);
        QCOMPARE(second.url, map.url);
        QCOMPARE(second.title, map.title);
        QVERIFY(second.type.isEmpty());
        QVERIFY(!second.length && !second.durationSeconds);

        // The feed changes the story's enclosures: the story keeps what the feed says now,
        // and stays read.
        QVERIFY(articles.setRead({stored.id}, true));
        a.enclosures = {map};
        QCOMPARE(articles.upsert(feed, a).state, ArticleStore::UpsertState::Updated);
        QCOMPARE(articles.enclosures(stored.id).size(), 1);
        QCOMPARE(articles.enclosures(stored.id).at(0).url, map.url);
        QVERIFY(articles.summary(stored.id)->read);
        a.enclosures.clear();
        QCOMPARE(articles.upsert(feed, a).state, ArticleStore::UpsertState::Updated);
        QVERIFY(articles.enclosures(stored.id).isEmpty());

        // They go with their story.
        a.enclosures = {episode, map};
        QCOMPARE(articles.upsert(feed, a).state, ArticleStore::UpsertState::Updated);
        QCOMPARE(
            scalar(cache->database(), QStringLiteral("SELECT count(*) FROM enclosures")).toInt(),
            2);
        QVERIFY(feeds.beginRemove(feed));
        while (feeds.purgeRemoved(100) > 0) {
        }
        QVERIFY(!articles.summary(stored.id));
        QCOMPARE(
            scalar(cache->database(), QStringLiteral("SELECT count(*) FROM enclosures")).toInt(),
            0);
    }

    void ftsFollowsArticles()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        FeedStore feeds(cache->database().connection());
        ArticleStore articles(cache->database().connection());
        const qint64 feed = *feeds.localSource(QStringLiteral("Local"));
        Article a = makeArticle(QStringLiteral("x"), QStringLiteral("Volcano erupts"), 10,
                                QStringLiteral("ash cloud over the island"));
        articles.upsert(feed, a);
        const auto countMatches = [&](const QString &term) {
            return searchMatches(cache->database().connection(), term);
        };
        // FTS5 checks its index against the stories' titles and bodies (the content view).
        const auto indexMatchesStories = [&] {
            QSqlQuery q(cache->database().connection());
            return q.exec(QStringLiteral(
                "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')"));
        };
        QCOMPARE(countMatches(QStringLiteral("ash")), 1);
        QVERIFY(indexMatchesStories());
        a.text = QStringLiteral("lava flows reach the sea");
        articles.upsert(feed, a);
        QCOMPARE(countMatches(QStringLiteral("ash")), 0);
        QCOMPARE(countMatches(QStringLiteral("lava")), 1);
        QVERIFY(indexMatchesStories());
        // Title and body change together (a corrected story): both old words leave the index.
        a.title = QStringLiteral("Eruption ends");
        a.text = QStringLiteral("the island is calm again");
        articles.upsert(feed, a);
        QCOMPARE(countMatches(QStringLiteral("volcano")), 0);
        QCOMPARE(countMatches(QStringLiteral("lava")), 0);
        QCOMPARE(countMatches(QStringLiteral("eruption calm")), 1);
        QVERIFY(indexMatchesStories());
        // Read state changes no indexed word and leaves the index alone.
        const qint64 id = articles.upsert(feed, a).id;
        QVERIFY(articles.setRead({id}, true));
        QCOMPARE(countMatches(QStringLiteral("eruption calm")), 1);
        QVERIFY(feeds.remove(feed));
        QCOMPARE(countMatches(QStringLiteral("calm")), 0);
        QVERIFY(indexMatchesStories());
        QSqlQuery bodies(cache->database().connection());
        QVERIFY(bodies.exec(QStringLiteral("SELECT count(*) FROM article_bodies"))
                && bodies.next());
        QCOMPARE(bodies.value(0).toInt(), 0); // the bodies went with their stories
    }

    void theUnreadAdvisoriesCountFollowsItsStories()
    {
        // The sidebar's Advisories count is kept by the cache as stories with an advisory
        // come, are read, gain or lose their advisory (an update, a user's rule) and go; each
        // step agrees with counting the unread stories that have one.
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        QSqlDatabase db = cache->database().connection();
        FeedStore feeds(db);
        ArticleStore articles(db);
        AdvisoryStore advisories(db);
        const qint64 a = *feeds.addSubscription(QStringLiteral("https://a.example/feed"),
                                                QStringLiteral("A"));
        const qint64 b = *feeds.addSubscription(QStringLiteral("https://b.example/feed"),
                                                QStringLiteral("B"));
        const auto counted = [&] {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("SELECT count(*) FROM unread_articles u "
                                       "JOIN advisories v ON v.article_id = u.id"))
                || !q.next())
                return -1;
            return q.value(0).toInt();
        };
        const auto warned = [](const QString &guid, qint64 secs) {
            Article article = makeArticle(guid, QStringLiteral("Storm ") + guid, secs);
            Advisory advisory;
            advisory.headline = QStringLiteral("Storm warning");
            advisory.severity = QStringLiteral("Severe");
            article.advisory = advisory;
            return article;
        };
        QList<qint64> stormsA;
        for (int i = 0; i < 4; ++i)
            stormsA << articles.upsert(a, warned(QStringLiteral("a%1").arg(i), 100 + i)).id;
        const qint64 plainA
            = articles.upsert(a, makeArticle(QStringLiteral("p"), QStringLiteral("Plain"), 90)).id;
        const qint64 stormB = articles.upsert(b, warned(QStringLiteral("b0"), 200)).id;
        QCOMPARE(articles.unreadCount({StoryFilter::Kind::Advisories}), 5);
        QCOMPARE(counted(), 5);

        QVERIFY(articles.setRead({stormsA.at(0), plainA}, true));
        QCOMPARE(articles.unreadCount({StoryFilter::Kind::Advisories}), 4);
        QVERIFY(articles.setRead({stormsA.at(0)}, false));
        QCOMPARE(articles.unreadCount({StoryFilter::Kind::Advisories}), 5);
        // Sent again, changed: its advisory is written again, and it still counts once.
        articles.upsert(a, warned(QStringLiteral("a1"), 101));
        QCOMPARE(articles.unreadCount({StoryFilter::Kind::Advisories}), 5);
        // Sent again without its advisory: it no longer counts.
        articles.upsert(a, makeArticle(QStringLiteral("a2"), QStringLiteral("Calm again"), 102));
        QCOMPARE(articles.unreadCount({StoryFilter::Kind::Advisories}), 4);
        // A user's rule gives the read plain story an advisory (it stays uncounted while read),
        // and counts once it is unread; removing the rule's advisory takes it off.
        Advisory rule;
        rule.headline = QStringLiteral("Watch this");
        QVERIFY(advisories.setRuleAdvisory(plainA, rule));
        QCOMPARE(articles.unreadCount({StoryFilter::Kind::Advisories}), 4);
        QVERIFY(articles.setRead({plainA}, false));
        QCOMPARE(articles.unreadCount({StoryFilter::Kind::Advisories}), 5);
        QVERIFY(advisories.setRuleAdvisory(plainA, std::nullopt));
        QCOMPARE(articles.unreadCount({StoryFilter::Kind::Advisories}), 4);
        QCOMPARE(counted(), 4);

        QCOMPARE(articles.markAllRead({StoryFilter::Kind::Feed, b}).size(), 1);
        QCOMPARE(articles.unreadCount({StoryFilter::Kind::Advisories}), 3);
        QVERIFY(articles.setRead({stormB}, false));
        // A story deleted (by retention, say) takes its mark off once.
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("DELETE FROM articles WHERE id = %1").arg(stormsA.at(3))));
        QCOMPARE(articles.unreadCount({StoryFilter::Kind::Advisories}), 3);
        // A feed removed in steps takes its stories' marks with it.
        QVERIFY(feeds.beginRemove(a));
        while (feeds.purgeRemoved(1) > 0) {
        }
        QCOMPARE(articles.unreadCount({StoryFilter::Kind::Advisories}), 1);
        QCOMPARE(counted(), 1);
    }

    void eachFeedsUnreadCountFollowsItsStories()
    {
        // The sidebar's counts come from a table the cache keeps as stories come, are read
        // or unread again, and go; each step agrees with the unread stories themselves.
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        QSqlDatabase db = cache->database().connection();
        FeedStore feeds(db);
        ArticleStore articles(db);
        const qint64 a = *feeds.addSubscription(QStringLiteral("https://a.example/feed"),
                                                QStringLiteral("A"));
        const qint64 b = *feeds.addSubscription(QStringLiteral("https://b.example/feed"),
                                                QStringLiteral("B"));
        const auto unreadOf = [&](qint64 feed) {
            for (const FeedRecord &f : feeds.feeds()) {
                if (f.id == feed) {
                    // What the feed's list holds agrees with the count shown.
                    if (f.unread != articles.unreadCount({StoryFilter::Kind::Feed, feed}))
                        return -1;
                    return f.unread;
                }
            }
            return -2;
        };
        QList<qint64> ofA;
        for (int i = 0; i < 5; ++i)
            ofA << articles
                       .upsert(a,
                               makeArticle(QStringLiteral("a%1").arg(i),
                                           QStringLiteral("A %1").arg(i), 100 + i))
                       .id;
        for (int i = 0; i < 3; ++i)
            articles.upsert(
                b,
                makeArticle(QStringLiteral("b%1").arg(i), QStringLiteral("B %1").arg(i), 200 + i));
        QCOMPARE(unreadOf(a), 5);
        QCOMPARE(unreadOf(b), 3);

        QVERIFY(articles.setRead({ofA.at(0), ofA.at(1)}, true));
        QVERIFY(articles.setRead({ofA.at(1)}, true)); // already read: no change
        QCOMPARE(unreadOf(a), 3);
        QVERIFY(articles.setRead({ofA.at(0)}, false));
        QVERIFY(articles.setRead({ofA.at(0)}, false)); // already unread: no change
        QCOMPARE(unreadOf(a), 4);
        // A story the feed sends again, changed, keeps its place in the count.
        QCOMPARE(
            articles.upsert(a, makeArticle(QStringLiteral("a2"), QStringLiteral("A 2, new"), 102))
                .state,
            ArticleStore::UpsertState::Updated);
        QCOMPARE(unreadOf(a), 4);

        QCOMPARE(articles.markAllRead({StoryFilter::Kind::Feed, b}).size(), 3);
        QCOMPARE(unreadOf(b), 0);
        QCOMPARE(unreadOf(a), 4);

        // A story deleted (by retention, say) takes its unread mark off the count.
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("DELETE FROM articles WHERE id = %1").arg(ofA.at(4))));
        QCOMPARE(unreadOf(a), 3);

        // Removed in steps: the count falls with the stories, and goes with the feed.
        QVERIFY(feeds.beginRemove(a));
        while (feeds.purgeRemoved(1) > 0) {
        }
        QVERIFY(!feeds.feed(a));
        QVERIFY(
            q.exec(QStringLiteral("SELECT count(*) FROM feed_unread WHERE feed_id = %1").arg(a)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QCOMPARE(unreadOf(b), 0);
        QCOMPARE(articles.unreadCount({StoryFilter::Kind::All}), 0);
    }

    void unsubscribingHidesTheFeedThenDeletesInSteps()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        FeedStore feeds(cache->database().connection());
        ArticleStore articles(cache->database().connection());
        BookmarkStore bookmarks(cache->database().connection());
        const qint64 big = *feeds.addSubscription(QStringLiteral("https://big.example/feed"),
                                                  QStringLiteral("Big"));
        const qint64 other = *feeds.addSubscription(QStringLiteral("https://other.example/feed"),
                                                    QStringLiteral("Other"));
        {
            Transaction transaction(cache->database().connection());
            for (int i = 0; i < 250; ++i)
                articles.upsert(big,
                                makeArticle(QStringLiteral("b%1").arg(i),
                                            QStringLiteral("Big %1").arg(i), 100 + i,
                                            QStringLiteral("walrus sighting")));
            articles.upsert(other,
                            makeArticle(QStringLiteral("o"), QStringLiteral("Other"), 50,
                                        QStringLiteral("walrus")));
            QVERIFY(transaction.commit());
        }
        const qint64 kept
            = articles.stories({StoryFilter::Kind::Feed, big}, std::nullopt, 1).value(0).id;
        QVERIFY(bookmarks.add(kept));
        const auto feedIds = [&] {
            QList<qint64> ids;
            for (const FeedRecord &f : feeds.feeds())
                ids << f.id;
            return ids;
        };

        // At once: no list of feeds has it, so no refresh asks it again; its stories are still
        // there.
        QVERIFY(!feeds.hasRemovals());
        QVERIFY(feeds.beginRemove(big));
        QVERIFY(feeds.hasRemovals());
        QCOMPARE(feedIds(), QList<qint64>{other});
        QCOMPARE(feeds.feedSettingsList().size(), 1);
        QCOMPARE(articles.count({StoryFilter::Kind::Feed, big}), 250);

        // Then a bounded number at a time, the feed itself with the last of them.
        QCOMPARE(feeds.purgeRemoved(100), 1);
        QCOMPARE(articles.count({StoryFilter::Kind::Feed, big}), 150);
        QCOMPARE(feeds.purgeRemoved(100), 1);
        QCOMPARE(feeds.purgeRemoved(100), 0);
        QVERIFY(!feeds.feed(big));
        QVERIFY(!feeds.hasRemovals());
        QCOMPARE(searchMatches(cache->database().connection(), QStringLiteral("walrus")), 1);
        QCOMPARE(articles.count({}), 1);
        QCOMPARE(bookmarks.count(), 1); // its snapshot stays
        QCOMPARE(feeds.purgeRemoved(100), 0);

        // Subscribing again before the stories are gone keeps the feed and what it still has.
        const qint64 again = *feeds.addSubscription(QStringLiteral("https://again.example/feed"),
                                                    QStringLiteral("Again"));
        articles.upsert(
            again,
            makeArticle(QStringLiteral("a"), QStringLiteral("Again"), 70, QStringLiteral("text")));
        QVERIFY(feeds.beginRemove(again));
        QCOMPARE(feedIds(), QList<qint64>{other});
        QCOMPARE(*feeds.addSubscription(QStringLiteral("https://again.example/feed"), QString()),
                 again);
        QVERIFY(!feeds.hasRemovals());
        QCOMPARE(feeds.purgeRemoved(100), 0);
        QCOMPARE(articles.count({StoryFilter::Kind::Feed, again}), 1);
        QVERIFY(feedIds().contains(again));
        // So does asking for the same local source.
        const qint64 local = *feeds.localSource(QStringLiteral("Clippings"));
        QVERIFY(feeds.beginRemove(local));
        QCOMPARE(*feeds.localSource(QStringLiteral("Clippings")), local);
        QVERIFY(!feeds.hasRemovals());
    }

    void headlinesWaitWithTheSearchIndex()
    {
        // A refresh defers indexing: its stories enter the search index and the headline
        // index (related coverage) together when indexPending runs, and not before.
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        FeedStore feeds(cache->database().connection());
        ArticleStore articles(cache->database().connection());
        const qint64 feed = *feeds.localSource(QStringLiteral("Local"));
        const auto query = [&](const QString &sql, const QString &value) {
            QSqlQuery q(cache->database().connection());
            q.prepare(sql);
            q.addBindValue(value);
            return q.exec() && q.next() ? q.value(0).toInt() : -1;
        };
        // How many headlines hold the word, by the index's own counts (a 'delete' of a
        // headline that was never indexed would throw them off) and by a search.
        const auto headlines = [&](const QString &word) {
            const int vocab = query(
                QStringLiteral(
                    "SELECT coalesce(sum(doc), 0) FROM articles_title_vocab WHERE term = ?"),
                word);
            const int found = query(
                QStringLiteral(
                    "SELECT count(*) FROM articles_title_fts WHERE articles_title_fts MATCH ?"),
                word);
            return vocab == found ? found : -100 - vocab;
        };
        const auto texts = [&](const QString &word) {
            return searchMatches(cache->database().connection(), word);
        };

        articles.setDeferIndexing(true);
        Article kestrel = makeArticle(QStringLiteral("k"), QStringLiteral("Kestrel nests"), 10,
                                      QStringLiteral("under the bridge"));
        Article osprey = makeArticle(QStringLiteral("o"), QStringLiteral("Osprey returns"), 20,
                                     QStringLiteral("to the lake"));
        Article merlin = makeArticle(QStringLiteral("m"), QStringLiteral("Merlin seen"), 30,
                                     QStringLiteral("over the moor"));
        const qint64 kestrelId = articles.upsert(feed, kestrel).id;
        articles.upsert(feed, osprey);
        osprey.title = QStringLiteral("Harrier returns"); // corrected while it waits
        QCOMPARE(articles.upsert(feed, osprey).state, ArticleStore::UpsertState::Updated);
        const qint64 merlinId = articles.upsert(feed, merlin).id;
        QSqlQuery remove(cache->database().connection());
        QVERIFY(remove.exec(QStringLiteral("DELETE FROM articles WHERE id = %1")
                                .arg(merlinId))); // gone before indexing
        QCOMPARE(headlines(QStringLiteral("kestrel")), 0);
        QCOMPARE(texts(QStringLiteral("bridge")), 0);
        QCOMPARE(articles.pendingIndexCount(), 2);
        {
            Transaction t(cache->database().connection());
            QCOMPARE(articles.indexPending(100), 2);
            QVERIFY(t.commit());
        }
        QCOMPARE(articles.pendingIndexCount(), 0);
        QCOMPARE(headlines(QStringLiteral("kestrel")), 1);
        QCOMPARE(headlines(QStringLiteral("harrier")), 1);
        QCOMPARE(headlines(QStringLiteral("osprey")), 0);
        QCOMPARE(headlines(QStringLiteral("merlin")), 0);
        QCOMPARE(headlines(QStringLiteral("returns")), 1);
        QCOMPARE(texts(QStringLiteral("bridge")), 1);

        // Stored without deferring: indexed at once, and an indexed story's edits and its
        // deletion follow in both indexes.
        articles.setDeferIndexing(false);
        articles.upsert(feed,
                        makeArticle(QStringLiteral("k2"), QStringLiteral("Kestrel hunts"), 40));
        QCOMPARE(headlines(QStringLiteral("kestrel")), 2);
        kestrel.title = QStringLiteral("Falcon nests");
        articles.upsert(feed, kestrel);
        QCOMPARE(headlines(QStringLiteral("kestrel")), 1);
        QCOMPARE(headlines(QStringLiteral("falcon")), 1);
        QVERIFY(remove.exec(QStringLiteral("DELETE FROM articles WHERE id = %1").arg(kestrelId)));
        QCOMPARE(headlines(QStringLiteral("falcon")), 0);
        QCOMPARE(headlines(QStringLiteral("nests")), 0);
        QCOMPARE(headlines(QStringLiteral("kestrel")), 1);
        QCOMPARE(texts(QStringLiteral("bridge")), 0);
    }

    void aDamagedBodyIsReportedForThatStoryAlone_data()
    {
        QTest::addColumn<int>("keep"); // bytes of the stored body kept; -1: one changed instead
        QTest::addColumn<QByteArray>("replacement");
        QTest::newRow("cut short") << 20 << QByteArray();
        QTest::newRow("a byte changed") << -1 << QByteArray();
        QTest::newRow("not compressed at all")
            << 0 << QByteArray("<p>plain text where a frame belongs</p>");
        QTest::newRow("zeros") << 0 << QByteArray(40, '\0');
    }

    void aDamagedBodyIsReportedForThatStoryAlone()
    {
        QFETCH(int, keep);
        QFETCH(QByteArray, replacement);
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        FeedStore feeds(cache->database().connection());
        ArticleStore articles(cache->database().connection());
        BookmarkStore bookmarks(cache->database().connection());
        const qint64 feed = *feeds.localSource(QStringLiteral("Local"));
        const qint64 damaged = articles
                                   .upsert(feed,
                                           makeArticle(QStringLiteral("d"), QStringLiteral("Heron"),
                                                       1000,
                                                       QStringLiteral("herons nest by the weir")))
                                   .id;
        const qint64 intact = articles
                                  .upsert(feed,
                                          makeArticle(QStringLiteral("i"), QStringLiteral("Crane"),
                                                      2000,
                                                      QStringLiteral("cranes fly over the marsh")))
                                  .id;
        QVERIFY(articles.setRead({damaged}, true));
        QVERIFY(bookmarks.add(damaged, QStringLiteral("mine")));

        QSqlQuery q(cache->database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT body FROM article_bodies WHERE article_id = %1")
                           .arg(damaged))
                && q.next());
        QByteArray stored = q.value(0).toByteArray();
        q.finish();
        if (keep < 0)
            stored[stored.size() / 2] = char(stored.at(stored.size() / 2) ^ 0x40);
        else
            stored = stored.left(keep) + replacement;
        QVERIFY(
            q.prepare(QStringLiteral("UPDATE article_bodies SET body = ? WHERE article_id = ?")));
        q.addBindValue(stored);
        q.addBindValue(damaged);
        QVERIFY(q.exec());

        // The damaged story opens with its headline and marks, and says what is wrong.
        const std::optional<StoryDetail> story = articles.story(damaged);
        QVERIFY(story);
        QCOMPARE(story->summary.title, QStringLiteral("Heron"));
        QVERIFY(story->summary.read);
        QVERIFY(story->text.startsWith(
            QLatin1String("The text of this story is damaged in the cache")));
        QVERIFY(story->html.contains(QLatin1String("damaged in the cache")));
        QVERIFY(!story->text.contains(QLatin1String("herons")));
        // The other story is whole, and found by a search.
        const std::optional<StoryDetail> other = articles.story(intact);
        QVERIFY(other);
        QCOMPARE(other->text, QStringLiteral("cranes fly over the marsh"));
        QCOMPARE(searchMatches(cache->database().connection(), QStringLiteral("cranes")), 1);
        // The bookmark and its note stay; the damaged story can still be deleted.
        QCOMPARE(bookmarks.bookmarkPage(std::nullopt, 10).value(0).note, QStringLiteral("mine"));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM articles WHERE id = %1").arg(damaged)));
        QCOMPARE(bookmarks.bookmarkPage(std::nullopt, 10).size(), 1);
        QCOMPARE(articles.count({}), 1);
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        QVERIFY(q.exec(
            QStringLiteral("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")));
    }

    void indexesMergeAfterIndexing()
    {
        // Indexing does not merge the segments it writes (schema 7); mergeIndexes does, in
        // steps, and says when nothing is left to merge.
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        FeedStore feeds(cache->database().connection());
        ArticleStore articles(cache->database().connection());
        const qint64 feed = *feeds.localSource(QStringLiteral("Local"));
        QSqlQuery q(cache->database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT v FROM articles_fts_config WHERE k = 'automerge'"))
                && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        q.finish();
        const auto matches = [&](const QString &word) {
            return searchMatches(cache->database().connection(), word);
        };
        articles.setDeferIndexing(true);
        // Six batches, six segments of one size in each index.
        for (int batch = 0; batch < 6; ++batch) {
            for (int i = 0; i < 5; ++i) {
                const QString id = QStringLiteral("s%1-%2").arg(batch).arg(i);
                articles.upsert(feed,
                                makeArticle(id, QStringLiteral("Heron %1").arg(id), batch * 10 + i,
                                            QStringLiteral("wading in batch%1").arg(batch)));
            }
            Transaction t(cache->database().connection());
            QCOMPARE(articles.indexPending(100), 5);
            QVERIFY(t.commit());
        }
        QCOMPARE(matches(QStringLiteral("wading")), 30);
        int steps = 0;
        while (steps < 100) {
            Transaction t(cache->database().connection());
            const bool merged = articles.mergeIndexes(200);
            QVERIFY(t.commit());
            if (!merged)
                break;
            ++steps;
        }
        QVERIFY2(steps > 0, "there were segments to merge");
        QVERIFY(steps < 100);
        QCOMPARE(matches(QStringLiteral("wading")), 30);
        QCOMPARE(matches(QStringLiteral("batch3")), 5);
        QVERIFY(q.exec(
            QStringLiteral("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")));
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO articles_title_fts(articles_title_fts) VALUES ('integrity-check')")));
        // Merged, nothing is left to do.
        Transaction t(cache->database().connection());
        QVERIFY(!articles.mergeIndexes(200));
    }
};

QTEST_GUILESS_MAIN(tst_ArticleStore)
#include "tst_articlestore.moc"
