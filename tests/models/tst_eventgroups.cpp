// The grouped view's bookkeeping: which story leads each event's row, the reports under it,
// and which events stay open when the events are worked out again.

#include "models/eventgroups.h"

#include <QTest>

using namespace bulletin;

using Shown = QList<std::pair<qint64, int>>; // story id and depth, top to bottom

class tst_EventGroups : public QObject
{
    Q_OBJECT

private slots:
    void regroup_data();
    void regroup();
    void reportsKnowTheirLead();
};

namespace {

// Stories 5..1, newest first: 5, 3 and 2 report event 50; 4 reports event 40; 1 is alone.
QList<StoryRow> stories()
{
    QList<StoryRow> rows;
    for (const auto &[id, event] :
         QList<std::pair<qint64, qint64>>{{5, 50}, {4, 40}, {3, 50}, {2, 50}, {1, 0}}) {
        StoryRow row;
        row.storyId = id;
        row.eventId = event;
        rows << row;
    }
    return rows;
}

} // namespace

void tst_EventGroups::regroup_data()
{
    QTest::addColumn<bool>("grouped");
    QTest::addColumn<QList<qint64>>("open");
    QTest::addColumn<QList<qint64>>("keepShown");
    QTest::addColumn<Shown>("shown");

    QTest::newRow("one row per story") << false << QList<qint64>{} << QList<qint64>{}
                                       << Shown{{5, 0}, {4, 0}, {3, 0}, {2, 0}, {1, 0}};
    QTest::newRow("the newest report leads")
        << true << QList<qint64>{} << QList<qint64>{} << Shown{{5, 0}, {4, 0}, {1, 0}};
    QTest::newRow("an open event stays open") << true << QList<qint64>{5} << QList<qint64>{}
                                              << Shown{{5, 0}, {3, 1}, {2, 1}, {4, 0}, {1, 0}};
    QTest::newRow("open under a new lead") << true << QList<qint64>{3} << QList<qint64>{}
                                           << Shown{{5, 0}, {3, 1}, {2, 1}, {4, 0}, {1, 0}};
    QTest::newRow("a held report opens its event") << true << QList<qint64>{} << QList<qint64>{2}
                                                   << Shown{{5, 0}, {3, 1}, {2, 1}, {4, 0}, {1, 0}};
    QTest::newRow("a held lead stays closed")
        << true << QList<qint64>{} << QList<qint64>{5, 1} << Shown{{5, 0}, {4, 0}, {1, 0}};
    QTest::newRow("an event alone does not open")
        << true << QList<qint64>{4} << QList<qint64>{} << Shown{{5, 0}, {4, 0}, {1, 0}};
}

void tst_EventGroups::regroup()
{
    QFETCH(bool, grouped);
    QFETCH(QList<qint64>, open);
    QFETCH(QList<qint64>, keepShown);
    QFETCH(Shown, shown);

    EventGroups events;
    const QList<StoryRow> rows = events.regroup(stories(), grouped,
                                                QSet<qint64>(open.cbegin(), open.cend()),
                                                QSet<qint64>(keepShown.cbegin(), keepShown.cend()));
    Shown actual;
    for (const StoryRow &row : rows)
        actual.append({row.storyId, row.depth});
    QCOMPARE(actual, shown);
    QCOMPARE(rows.constFirst().expanded, shown.size() == 5 && grouped);
    QCOMPARE(events.reports(50).size(), grouped ? 2 : 0);
    QCOMPARE(events.reports(0).size(), 0); // stories without an event are never grouped
}

void tst_EventGroups::reportsKnowTheirLead()
{
    EventGroups events;
    events.regroup(stories(), true, {}, {});
    QCOMPARE(events.leadOf(50), 5);
    QCOMPARE(events.leadOfReport(2), std::optional<qint64>(5));
    QCOMPARE(events.leadOfReport(5), std::nullopt); // a lead is no report
    QCOMPARE(events.leadOfReport(1), std::nullopt);
    QCOMPARE(events.allReports().size(), 2);

    // Read marks reach the reports hidden under their row.
    events.setRead(3, true);
    QVERIFY(events.reports(50).at(0).read);
    QVERIFY(!events.reports(50).at(1).read);

    // Pages come in order: a later report joins the event's row.
    StoryRow later;
    later.storyId = 9;
    later.eventId = 40;
    QVERIFY(events.joins(later));
    QCOMPARE(later.depth, 1);
    QCOMPARE(events.addReport(later).size(), 1);
}

QTEST_GUILESS_MAIN(tst_EventGroups)
#include "tst_eventgroups.moc"
