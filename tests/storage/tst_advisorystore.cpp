// AdvisoryStore over a real cache file: the order the Advisories view pages through.
#include "storage/advisorystore.h"
#include "storage/articlestore.h"
#include "storage/database.h"
#include "storage/feedstore.h"
#include "storetestutil.h"

#include <QRandomGenerator>

using namespace bulletin;

class tst_AdvisoryStore final : public QObject
{
    Q_OBJECT

private slots:
    void orderIsTheOrderOfTheRecords();
};

void tst_AdvisoryStore::orderIsTheOrderOfTheRecords()
{
    // order() sorts in SQL what advisories(false) sorts in C++; a mix of severities (in any
    // case), statuses, expiries past, future and missing, and equal ones, in both.
    test::TemporaryCache cache;
    QVERIFY2(cache.open(), qPrintable(cache.error()));
    FeedStore feeds(cache->database().connection());
    ArticleStore articles(cache->database().connection());
    const qint64 feed = *feeds.addSubscription(QStringLiteral("https://example.org/feed"),
                                               QStringLiteral("Example"));
    const QStringList severities{QStringLiteral("Extreme"),  QStringLiteral("severe"),
                                 QStringLiteral("Moderate"), QStringLiteral("Minor"),
                                 QStringLiteral("Unknown"),  QString()};
    const QStringList statuses{QStringLiteral("active"), QStringLiteral("active"),
                               QStringLiteral("active"), QStringLiteral("cancelled"),
                               QStringLiteral("superseded")};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QRandomGenerator random(7);
    {
        Transaction transaction(cache->database().connection());
        for (int i = 0; i < 300; ++i) {
            Article article = makeArticle(QStringLiteral("a%1").arg(i),
                                          QStringLiteral("Story %1").arg(i),
                                          1'700'000'000 + random.bounded(20) * 3600);
            Advisory advisory;
            advisory.headline = article.title;
            advisory.severity = severities.at(random.bounded(int(severities.size())));
            advisory.status = statuses.at(random.bounded(int(statuses.size())));
            switch (random.bounded(4)) {
            case 0:
                break; // no expiry
            case 1:
                advisory.expires = now.addSecs(-3600 * random.bounded(1, 5));
                break;
            default:
                advisory.expires = now.addSecs(3600 * random.bounded(1, 5));
                break;
            }
            if (random.bounded(2))
                advisory.effective = now.addSecs(-3600 * random.bounded(10));
            article.advisory = advisory;
            QCOMPARE(articles.upsert(feed, article).state, ArticleStore::UpsertState::Inserted);
        }
        QVERIFY(transaction.commit());
    }
    const AdvisoryStore store(cache->database().connection());
    const QList<AdvisoryStore::Record> records = store.advisories(false);
    const QList<AdvisoryStore::Placement> order = store.order();
    QCOMPARE(records.size(), 300);
    QCOMPARE(order.size(), records.size());
    int active = 0;
    int expired = 0;
    for (qsizetype i = 0; i < records.size(); ++i) {
        QCOMPARE(order.at(i).storyId, records.at(i).storyId);
        QCOMPARE(order.at(i).status, records.at(i).advisory.status);
        active += records.at(i).advisory.status == QLatin1String("active");
        expired += records.at(i).advisory.status == QLatin1String("expired");
    }
    QVERIFY(active > 50);
    QVERIFY(expired > 10);
    QCOMPARE(order.first().status, QStringLiteral("active"));

    // Page by page, each after the last one's key, the pages make up the same order, each
    // advisory once, whatever the page size.
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    for (const int pageSize : {1, 7, 200, 301}) {
        QList<AdvisoryStore::Placement> paged;
        AdvisoryStore::OrderKey after;
        for (;;) {
            const QList<AdvisoryStore::Placement> page = store.orderPage(after, pageSize, nowMs);
            QVERIFY(page.size() <= pageSize);
            if (page.isEmpty())
                break;
            paged << page;
            after = page.constLast().key;
        }
        QCOMPARE(paged.size(), order.size());
        for (qsizetype i = 0; i < order.size(); ++i) {
            QCOMPARE(paged.at(i).storyId, order.at(i).storyId);
            QCOMPARE(paged.at(i).status, order.at(i).status);
        }
    }
}

QTEST_GUILESS_MAIN(tst_AdvisoryStore)
#include "tst_advisorystore.moc"
