#include "gui/storylistsorting.h"

#include "gui/mainwindow.h"
#include "gui/storycontroller.h"
#include "gui/storylistview.h"
#include "models/storylistmodel.h"
#include "support/screenshots.h"
#include "support/windowtest.h"

#include <QHeaderView>
#include <QTest>

using namespace bulletin;
using namespace bulletin::test;

// Sorting the story list by clicking the real window's column headers.
class tst_StoryListSorting : public QObject, protected WindowTest
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void headerClicksSortAndReverse_data();
    void headerClicksSortAndReverse();
    void eachViewKeepsItsOrderAcrossRestarts();
    void viewsWithTheirOwnOrderShowNoArrow();
    void screenshots();

private:
    void clickHeader(int column);
    QStringList column(int column, int rows) const;

    qint64 m_alpha = 0;
    qint64 m_beta = 0;
};

void tst_StoryListSorting::init()
{
    openCacheAndSettings();
    m_alpha = m_cache->feeds().localSource(QStringLiteral("alpha Daily")).value_or(0);
    m_beta = m_cache->feeds().localSource(QStringLiteral("Beta Wire")).value_or(0);
    QVERIFY(m_alpha && m_beta);
    // Newest first: Mango (Beta), banana (alpha), Cherry (Beta), apple (alpha).
    QVERIFY(addStory(*m_cache, m_alpha, QStringLiteral("apple harvest begins"),
                     QStringLiteral("<p>a</p>"), 40));
    QVERIFY(addStory(*m_cache, m_beta, QStringLiteral("Cherry blossoms early"),
                     QStringLiteral("<p>c</p>"), 30));
    QVERIFY(addStory(*m_cache, m_alpha, QStringLiteral("banana prices fall"),
                     QStringLiteral("<p>b</p>"), 20));
    QVERIFY(addStory(*m_cache, m_beta, QStringLiteral("Mango season opens"),
                     QStringLiteral("<p>m</p>"), 10));
}

void tst_StoryListSorting::cleanup()
{
    closeWindowTest();
}

void tst_StoryListSorting::clickHeader(int column)
{
    QHeaderView *header = m_window->storyView()->horizontalHeader();
    const int x = header->sectionViewportPosition(column) + header->sectionSize(column) / 2;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
}

QStringList tst_StoryListSorting::column(int column, int rows) const
{
    QStringList cells;
    const QAbstractItemModel *model = m_window->storyView()->model();
    for (int row = 0; row < std::min(rows, model->rowCount()); ++row)
        cells << model->index(row, column).data().toString();
    return cells;
}

void tst_StoryListSorting::headerClicksSortAndReverse_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QStringList>("once");
    QTest::addColumn<QStringList>("twice");
    const QString apple = QStringLiteral("apple harvest begins");
    const QString banana = QStringLiteral("banana prices fall");
    const QString cherry = QStringLiteral("Cherry blossoms early");
    const QString mango = QStringLiteral("Mango season opens");
    // Headlines A to Z whatever their case, then Z to A.
    QTest::newRow("headline") << int(StoryListModel::HeadlineColumn)
                              << QStringList{apple, banana, cherry, mango}
                              << QStringList{mango, cherry, banana, apple};
    // Sources A to Z (then Z to A), each source's stories newest first both ways.
    QTest::newRow("source") << int(StoryListModel::SourceColumn)
                            << QStringList{banana, apple, mango, cherry}
                            << QStringList{mango, cherry, banana, apple};
    // The list starts newest first: a click on Date gives the oldest first, another back.
    QTest::newRow("date") << int(StoryListModel::DateColumn)
                          << QStringList{apple, cherry, banana, mango}
                          << QStringList{mango, banana, cherry, apple};
}

void tst_StoryListSorting::headerClicksSortAndReverse()
{
    QFETCH(int, column);
    QFETCH(QStringList, once);
    QFETCH(QStringList, twice);
    QVERIFY(showMainWindow(QSize(1000, 600)));
    QHeaderView *header = m_window->storyView()->horizontalHeader();
    QVERIFY(header->isSortIndicatorShown());
    QCOMPARE(header->sortIndicatorSection(), int(StoryListModel::DateColumn));
    QCOMPARE(this->column(StoryListModel::HeadlineColumn, 4),
             (QStringList{
                 QStringLiteral("Mango season opens"), QStringLiteral("banana prices fall"),
                 QStringLiteral("Cherry blossoms early"), QStringLiteral("apple harvest begins")}));

    clickHeader(column);
    QCOMPARE(this->column(StoryListModel::HeadlineColumn, 4), once);
    QCOMPARE(header->sortIndicatorSection(), column);
    clickHeader(column);
    QCOMPARE(this->column(StoryListModel::HeadlineColumn, 4), twice);
    QCOMPARE(header->sortIndicatorSection(), column);
}

void tst_StoryListSorting::eachViewKeepsItsOrderAcrossRestarts()
{
    QVERIFY(showMainWindow(QSize(1000, 600)));
    clickHeader(StoryListModel::HeadlineColumn);
    QCOMPARE(column(StoryListModel::HeadlineColumn, 1),
             QStringList{QStringLiteral("apple harvest begins")});

    // Another view has its own order (newest first until sorted).
    m_window->controller()->showFilter({StoryFilter::Kind::Feed, m_beta});
    QCOMPARE(column(StoryListModel::HeadlineColumn, 2),
             (QStringList{QStringLiteral("Mango season opens"),
                          QStringLiteral("Cherry blossoms early")}));
    QCOMPARE(m_window->storyView()->horizontalHeader()->sortIndicatorSection(),
             int(StoryListModel::DateColumn));
    clickHeader(StoryListModel::DateColumn); // oldest first here
    QCOMPARE(column(StoryListModel::HeadlineColumn, 1),
             QStringList{QStringLiteral("Cherry blossoms early")});

    // Back in All stories the headline order is still there, and after a restart in both.
    m_window->controller()->showFilter({});
    QCOMPARE(column(StoryListModel::HeadlineColumn, 1),
             QStringList{QStringLiteral("apple harvest begins")});
    m_window.reset();
    m_settings->sync();
    QVERIFY(showMainWindow(QSize(1000, 600)));
    QCOMPARE(column(StoryListModel::HeadlineColumn, 1),
             QStringList{QStringLiteral("apple harvest begins")});
    QCOMPARE(m_window->storyView()->horizontalHeader()->sortIndicatorSection(),
             int(StoryListModel::HeadlineColumn));
    m_window->controller()->showFilter({StoryFilter::Kind::Feed, m_beta});
    QCOMPARE(column(StoryListModel::HeadlineColumn, 1),
             QStringList{QStringLiteral("Cherry blossoms early")});
}

void tst_StoryListSorting::viewsWithTheirOwnOrderShowNoArrow()
{
    QVERIFY(showMainWindow(QSize(1000, 600)));
    QHeaderView *header = m_window->storyView()->horizontalHeader();
    m_window->controller()->showFilter({StoryFilter::Kind::Bookmarked});
    QVERIFY(!header->isSortIndicatorShown());
    clickHeader(StoryListModel::HeadlineColumn); // nothing to sort: no arrow, no order kept
    QVERIFY(!header->isSortIndicatorShown());
    m_window->controller()->showFilter({});
    QVERIFY(header->isSortIndicatorShown());
    QCOMPARE(header->sortIndicatorSection(), int(StoryListModel::DateColumn));
}

void tst_StoryListSorting::screenshots()
{
    // Set BULLETIN_SCREENSHOT_DIR to look at the sorted list, light and dark.
    if (screenshotDir().isEmpty())
        QSKIP("BULLETIN_SCREENSHOT_DIR not set");
    QVERIFY(showMainWindow(QSize(1000, 600)));
    clickHeader(StoryListModel::SourceColumn);
    QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("sorted-by-source.png")));
    const DarkPaletteScope dark;
    clickHeader(StoryListModel::HeadlineColumn);
    DarkPaletteScope::settle();
    QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("sorted-by-headline-dark.png")));
}

QTEST_MAIN(tst_StoryListSorting)
#include "tst_storylistsorting.moc"
