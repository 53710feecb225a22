#include "models/storyrowtext.h"

#include <QLocale>
#include <QTest>

using namespace bulletin;

// What the story list says of a row in words, row by row: the headline with the grouped
// view's arrows and an advisory's standing, the sources of an event, a note on one line, and
// the description that tooltips and screen readers get.
class tst_StoryRowText : public QObject
{
    Q_OBJECT

private slots:
    void headline_data();
    void headline();
    void source_data();
    void source();
    void noteLine_data();
    void noteLine();
    void description_data();
    void description();
    void dateIsShortInTheUsersLocaleAndTime();
};

namespace {

StoryRow storyRow(const QString &title)
{
    StoryRow row;
    row.storyId = 7;
    row.title = title;
    row.source = QStringLiteral("Alpha News");
    return row;
}

} // namespace

void tst_StoryRowText::headline_data()
{
    QTest::addColumn<StoryRow>("row");
    QTest::addColumn<int>("reportsUnder");
    QTest::addColumn<QString>("expected");

    const StoryRow plain = storyRow(QStringLiteral("Storm reaches the coast"));
    QTest::newRow("plain") << plain << 0 << QStringLiteral("Storm reaches the coast");
    QTest::newRow("untitled") << storyRow(QString()) << 0 << QStringLiteral("(untitled)");
    StoryRow report = plain;
    report.depth = 1;
    QTest::newRow("report under its event's row")
        << report << 0 << QStringLiteral(" ↳ Storm reaches the coast");
    QTest::newRow("closed event with reports")
        << plain << 2 << QStringLiteral("▸ Storm reaches the coast");
    StoryRow open = plain;
    open.expanded = true;
    QTest::newRow("open event") << open << 2 << QStringLiteral("▾ Storm reaches the coast");
    StoryRow expired = plain;
    expired.advisoryStatus = QStringLiteral("expired");
    QTest::newRow("expired advisory")
        << expired << 0 << QStringLiteral("Storm reaches the coast (expired)");
    StoryRow active = plain;
    active.advisoryStatus = QStringLiteral("active");
    QTest::newRow("active advisory says nothing more")
        << active << 0 << QStringLiteral("Storm reaches the coast");
    StoryRow unknown = plain;
    unknown.advisoryStatus = QStringLiteral("draft");
    QTest::newRow("unknown standing as stored")
        << unknown << 0 << QStringLiteral("Storm reaches the coast (draft)");
}

void tst_StoryRowText::headline()
{
    QFETCH(StoryRow, row);
    QFETCH(int, reportsUnder);
    QFETCH(QString, expected);
    QCOMPARE(StoryRowText::headline(row, reportsUnder), expected);
}

void tst_StoryRowText::source_data()
{
    QTest::addColumn<int>("sources");
    QTest::addColumn<int>("depth");
    QTest::addColumn<QString>("expected");

    QTest::newRow("event not known") << 0 << 0 << QStringLiteral("Alpha News");
    QTest::newRow("reported here alone") << 1 << 0 << QStringLiteral("Alpha News");
    QTest::newRow("one other source") << 2 << 0 << QStringLiteral("Alpha News  +1 source");
    QTest::newRow("four other sources") << 5 << 0 << QStringLiteral("Alpha News  +4 sources");
    QTest::newRow("report under its event's row") << 5 << 1 << QStringLiteral("Alpha News");
}

void tst_StoryRowText::source()
{
    QFETCH(int, sources);
    QFETCH(int, depth);
    QFETCH(QString, expected);
    StoryRow row = storyRow(QStringLiteral("Storm"));
    row.sources = sources;
    row.depth = depth;
    QCOMPARE(StoryRowText::source(row), expected);
}

void tst_StoryRowText::noteLine_data()
{
    QTest::addColumn<QString>("note");
    QTest::addColumn<QString>("expected");

    QTest::newRow("none") << QString() << QString();
    QTest::newRow("one line") << QStringLiteral("read later") << QStringLiteral("read later");
    QTest::newRow("spaces around")
        << QStringLiteral("  read later \n") << QStringLiteral("read later");
    QTest::newRow("several lines") << QStringLiteral("for the report \nsee the map\nand the table")
                                   << QStringLiteral("for the report \u2026");
}

void tst_StoryRowText::noteLine()
{
    QFETCH(QString, note);
    QFETCH(QString, expected);
    StoryRow row = storyRow(QStringLiteral("Storm"));
    row.note = note;
    QCOMPARE(StoryRowText::noteLine(row), expected);
}

void tst_StoryRowText::description_data()
{
    QTest::addColumn<StoryRow>("row");
    QTest::addColumn<int>("reportsUnder");
    QTest::addColumn<QString>("snippet");
    QTest::addColumn<QString>("toolTip"); // on the headline's column
    QTest::addColumn<QString>("accessible");

    StoryRow unread = storyRow(QStringLiteral("Storm"));
    QTest::newRow("unread") << unread << 0 << QString() << QStringLiteral("Storm\nUnread")
                            << QStringLiteral("Unread");

    StoryRow marked = storyRow(QStringLiteral("Storm"));
    marked.read = true;
    marked.bookmarked = true;
    marked.hasAdvisory = true;
    marked.headlineOnly = true;
    marked.sources = 3;
    QTest::newRow("every marker")
        << marked << 0 << QString()
        << QStringLiteral("Storm\nRead\nBookmarked\nCarries an advisory\nHeadline only\n"
                          "Reported by 3 sources")
        << QStringLiteral("Read, Bookmarked, Carries an advisory, Headline only, "
                          "Reported by 3 sources");

    StoryRow retired = storyRow(QStringLiteral("Storm"));
    retired.read = true;
    retired.hasAdvisory = true;
    retired.advisoryStatus = QStringLiteral("superseded");
    QTest::newRow("advisory's standing")
        << retired << 0 << QString() << QStringLiteral("Storm\nRead\nAdvisory: superseded")
        << QStringLiteral("Read, Advisory: superseded");

    StoryRow event = storyRow(QStringLiteral("Storm"));
    event.read = true;
    QTest::newRow("closed event") << event << 2 << QString()
                                  << QStringLiteral("Storm\nRead\n2 more reports grouped here")
                                  << QStringLiteral("Read, 2 more reports grouped here");
    event.expanded = true;
    QTest::newRow("open event") << event << 2 << QString()
                                << QStringLiteral("Storm\nRead\n2 more reports shown below")
                                << QStringLiteral("Read, 2 more reports shown below");

    StoryRow gone = storyRow(QStringLiteral("Storm"));
    gone.storyId = 0;
    gone.bookmarkId = 4;
    gone.bookmarked = true;
    gone.read = true;
    gone.note = QStringLiteral("for the report\nsee the map");
    QTest::newRow("bookmark whose story left the cache")
        << gone << 0 << QString()
        << QStringLiteral("Storm\nRead\nBookmarked\nNo longer in its feed; kept with the bookmark\n"
                          "Your note:\nfor the report\nsee the map")
        << QStringLiteral("Read, Bookmarked, No longer in its feed; kept with the bookmark, "
                          "Your note: for the report see the map");

    StoryRow found = storyRow(QStringLiteral("Storm"));
    found.read = true;
    QTest::newRow("search result") << found << 0 << QStringLiteral("the [storm] reached")
                                   << QStringLiteral("Storm\nRead\nthe [storm] reached")
                                   << QStringLiteral("Read, the [storm] reached");
}

void tst_StoryRowText::description()
{
    QFETCH(StoryRow, row);
    QFETCH(int, reportsUnder);
    QFETCH(QString, snippet);
    QFETCH(QString, toolTip);
    QFETCH(QString, accessible);
    QCOMPARE(
        StoryRowText::description(row, reportsUnder, snippet, StoryRowText::Form::ToolTip, true),
        toolTip);
    QCOMPARE(
        StoryRowText::description(row, reportsUnder, snippet, StoryRowText::Form::ToolTip, false),
        toolTip.section(QLatin1Char('\n'), 1));
    QCOMPARE(StoryRowText::description(row, reportsUnder, snippet, StoryRowText::Form::Accessible,
                                       false),
             accessible);
}

void tst_StoryRowText::dateIsShortInTheUsersLocaleAndTime()
{
    StoryRow row = storyRow(QStringLiteral("Storm"));
    QCOMPARE(StoryRowText::date(row), QString()); // no date: an empty cell, not "1970"
    row.published = QDateTime(QDate(2024, 3, 1), QTime(14, 5), Qt::UTC);
    const QDateTime local = row.published.toLocalTime();
    QCOMPARE(StoryRowText::date(row), QLocale().toString(local, QLocale::ShortFormat));
    QVERIFY(
        StoryRowText::date(row).contains(QLocale().toString(local.time(), QLocale::ShortFormat)));
}

QTEST_GUILESS_MAIN(tst_StoryRowText)
#include "tst_storyrowtext.moc"
