#include "core/related/coveragegraph.h"

#include <QTest>

using namespace bulletin;

namespace {

using Links = QList<CoverageLink>;
using Second = QHash<qint64, QList<CoverageLink>>;
using Scores = QHash<qint64, double>;

constexpr qint64 kQuery = 1;

} // namespace

class tst_CoverageGraph : public QObject
{
    Q_OBJECT

private slots:
    void combine_data();
    void combine();
};

void tst_CoverageGraph::combine_data()
{
    QTest::addColumn<Links>("direct");
    QTest::addColumn<Second>("second");
    QTest::addColumn<Scores>("expected");

    QTest::newRow("no links, nothing") << Links{} << Second{} << Scores{};
    QTest::newRow("direct links keep their scores")
        << Links{{2, 0.5}, {3, 0.2}} << Second{} << Scores{{2, 0.5}, {3, 0.2}};
    // 4 shares no word with the query but reports the event with 2 and 3.
    QTest::newRow("two shared neighbours lift a story the query does not link to")
        << Links{{2, 0.5}, {3, 0.4}} << Second{{2, {{4, 0.6}}}, {3, {{4, 0.3}}}}
        << Scores{{2, 0.5}, {3, 0.4}, {4, 0.5 * 0.5 + 0.5 * 0.3}};
    QTest::newRow("a path counts as much as its weaker link")
        << Links{{2, 0.2}} << Second{{2, {{4, 0.9}}}} << Scores{{2, 0.2}, {4, 0.5 * 0.2}};
    QTest::newRow("neighbours of each other add to their direct scores")
        << Links{{2, 0.5}, {3, 0.4}} << Second{{2, {{3, 0.6}, {kQuery, 0.5}}}, {3, {{2, 0.6}}}}
        << Scores{{2, 0.5 + 0.5 * 0.4}, {3, 0.4 + 0.5 * 0.5}};
    QTest::newRow("paths back to the query and self links count for nothing")
        << Links{{2, 0.5}, {kQuery, 0.9}} << Second{{2, {{kQuery, 0.5}, {2, 0.9}}}}
        << Scores{{2, 0.5}};
}

void tst_CoverageGraph::combine()
{
    QFETCH(Links, direct);
    QFETCH(Second, second);
    QFETCH(Scores, expected);
    const Scores scores = combineNeighbours(kQuery, direct, second, 0.5);
    QCOMPARE(scores.size(), expected.size());
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        QVERIFY2(scores.contains(it.key()), qPrintable(QString::number(it.key())));
        QVERIFY2(qFuzzyCompare(scores.value(it.key()), it.value()),
                 qPrintable(QStringLiteral("%1: %2, expected %3")
                                .arg(it.key())
                                .arg(scores.value(it.key()))
                                .arg(it.value())));
    }
}

QTEST_APPLESS_MAIN(tst_CoverageGraph)
#include "tst_coveragegraph.moc"
