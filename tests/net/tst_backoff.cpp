#include "net/backoff.h"

#include <QTest>

using namespace bulletin;
using namespace std::chrono_literals;

namespace {
const QDateTime kNow(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
}

class tst_Backoff final : public QObject
{
    Q_OBJECT

private slots:
    void growsExponentiallyUpToCap_data();
    void growsExponentiallyUpToCap();
    void honoursRetryAfter_data();
    void honoursRetryAfter();
    void jitterIsBoundedAndDeterministic();
};

void tst_Backoff::growsExponentiallyUpToCap_data()
{
    QTest::addColumn<int>("failures");
    QTest::addColumn<qint64>("expectedSeconds");

    QTest::newRow("no failure: now") << 0 << qint64(0);
    QTest::newRow("negative count: now") << -3 << qint64(0);
    QTest::newRow("first failure") << 1 << qint64(300);
    QTest::newRow("second") << 2 << qint64(600);
    QTest::newRow("third") << 3 << qint64(1200);
    QTest::newRow("ninth") << 9 << qint64(76800);
    QTest::newRow("tenth reaches the cap") << 10 << qint64(24 * 3600);
    QTest::newRow("years of failures stay capped") << 100000 << qint64(24 * 3600);
}

void tst_Backoff::growsExponentiallyUpToCap()
{
    QFETCH(int, failures);
    QFETCH(qint64, expectedSeconds);
    QCOMPARE(kNow.secsTo(nextRetryTime(failures, kNow)), expectedSeconds);
}

void tst_Backoff::honoursRetryAfter_data()
{
    QTest::addColumn<int>("failures");
    QTest::addColumn<qint64>("retryAfterSeconds");
    QTest::addColumn<qint64>("expectedSeconds");

    QTest::newRow("later than the backoff wins") << 1 << qint64(3600) << qint64(3600);
    QTest::newRow("earlier than the backoff loses") << 3 << qint64(60) << qint64(1200);
    QTest::newRow("in the past is ignored") << 1 << qint64(-600) << qint64(300);
    QTest::newRow("beyond a week is not believed") << 1 << qint64(30 * 86400) << qint64(7 * 86400);
}

void tst_Backoff::honoursRetryAfter()
{
    QFETCH(int, failures);
    QFETCH(qint64, retryAfterSeconds);
    QFETCH(qint64, expectedSeconds);
    const QDateTime next = nextRetryTime(failures, kNow, kNow.addSecs(retryAfterSeconds));
    QCOMPARE(kNow.secsTo(next), expectedSeconds);
}

void tst_Backoff::jitterIsBoundedAndDeterministic()
{
    BackoffPolicy policy;
    policy.jitter = 0.5;
    QSet<qint64> seen;
    for (quint32 seed = 0; seed < 50; ++seed) {
        const qint64 delay = kNow.secsTo(nextRetryTime(2, kNow, std::nullopt, policy, seed));
        QVERIFY2(delay >= 600 && delay <= 900, QByteArray::number(delay).constData());
        QCOMPARE(kNow.secsTo(nextRetryTime(2, kNow, std::nullopt, policy, seed)), delay);
        seen.insert(delay);
    }
    QVERIFY2(seen.size() > 20, "jitter should spread feeds apart");
}

QTEST_GUILESS_MAIN(tst_Backoff)
#include "tst_backoff.moc"
