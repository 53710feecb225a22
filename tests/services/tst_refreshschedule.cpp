#include "services/refreshschedule.h"

#include <QTest>

Q_DECLARE_METATYPE(bulletin::FeedRecord)

using namespace bulletin;

class tst_RefreshSchedule final : public QObject
{
    Q_OBJECT

private slots:
    void nextRefresh_data();
    void nextRefresh();
    void alertIntervalIsSettable();
    void localSourcesAreNeverDue();
};

namespace {

const QDateTime kBase = QDateTime(QDate(2024, 1, 1), QTime(12, 0), Qt::UTC);

FeedRecord feed(int refreshMinutes, int ttlMinutes, int failures = 0,
                const QDateTime &retryAfter = {})
{
    FeedRecord record;
    record.id = 7;
    record.kind = QStringLiteral("feed");
    record.lastAttempt = kBase;
    record.lastSuccess = failures > 0 ? kBase.addDays(-1) : kBase;
    record.refreshMinutes = refreshMinutes;
    record.ttlMinutes = ttlMinutes;
    record.failures = failures;
    record.retryAfter = retryAfter;
    return record;
}

// A feed of public warnings: one that carries CAP alerts, or one the user marked.
FeedRecord alertFeed(int refreshMinutes, int ttlMinutes, bool markedByUser)
{
    FeedRecord record = feed(refreshMinutes, ttlMinutes);
    (markedByUser ? record.alertSource : record.carriesAlerts) = true;
    return record;
}

} // namespace

void tst_RefreshSchedule::nextRefresh_data()
{
    QTest::addColumn<FeedRecord>("record");
    QTest::addColumn<qint64>("minutesAfterBase");

    FeedRecord never = feed(0, 0);
    never.lastSuccess = {};
    never.lastAttempt = {};
    QTest::newRow("never fetched: due at once") << never << qint64(-kBase.toSecsSinceEpoch() / 60);
    QTest::newRow("default interval") << feed(0, 0) << qint64(60);
    QTest::newRow("feed's own interval") << feed(15, 0) << qint64(15);
    QTest::newRow("ttl is a lower bound") << feed(15, 90) << qint64(90);
    QTest::newRow("ttl below the interval changes nothing") << feed(30, 10) << qint64(30);
    QTest::newRow("ttl capped at a day") << feed(0, 7 * 24 * 60) << qint64(24 * 60);
    QTest::newRow("never below the minimum") << feed(1, 0) << qint64(5);
    QTest::newRow("first failure backs off 5 min") << feed(0, 0, 1) << qint64(5);
    QTest::newRow("third failure backs off 20 min") << feed(0, 0, 3) << qint64(20);
    QTest::newRow("retry-after wins when later")
        << feed(0, 0, 1, kBase.addSecs(3 * 3600)) << qint64(180);
    // A new warning must not wait for the news feeds' hour.
    QTest::newRow("CAP feed: the alert interval") << alertFeed(0, 0, false) << qint64(5);
    QTest::newRow("alert source: the alert interval") << alertFeed(0, 0, true) << qint64(5);
    QTest::newRow("alert feed: the publisher's ttl still a lower bound")
        << alertFeed(0, 15, false) << qint64(15);
    QTest::newRow("alert feed: its own interval wins") << alertFeed(30, 0, true) << qint64(30);
}

void tst_RefreshSchedule::nextRefresh()
{
    QFETCH(FeedRecord, record);
    QFETCH(qint64, minutesAfterBase);
    const QDateTime next = nextRefreshTime(record, RefreshSchedule{});
    QCOMPARE((next.toSecsSinceEpoch() - kBase.toSecsSinceEpoch()) / 60, minutesAfterBase);
    QCOMPARE(isRefreshDue(record, next, RefreshSchedule{}), true);
    QCOMPARE(isRefreshDue(record, next.addSecs(-1), RefreshSchedule{}), false);
}

void tst_RefreshSchedule::alertIntervalIsSettable()
{
    RefreshSchedule schedule;
    schedule.alertMinutes = 10;
    QCOMPARE(nextRefreshTime(alertFeed(0, 0, false), schedule), kBase.addSecs(10 * 60));
    QCOMPARE(nextRefreshTime(feed(0, 0), schedule), kBase.addSecs(60 * 60)); // news unchanged
    schedule.alertMinutes = 1; // never below the minimum, whatever the setting
    QCOMPARE(nextRefreshTime(alertFeed(0, 0, true), schedule), kBase.addSecs(5 * 60));
}

void tst_RefreshSchedule::localSourcesAreNeverDue()
{
    FeedRecord local = feed(0, 0);
    local.kind = QStringLiteral("local");
    QVERIFY(!nextRefreshTime(local, RefreshSchedule{}).isValid());
    QVERIFY(!isRefreshDue(local, kBase.addYears(10), RefreshSchedule{}));
}

QTEST_GUILESS_MAIN(tst_RefreshSchedule)
#include "tst_refreshschedule.moc"
