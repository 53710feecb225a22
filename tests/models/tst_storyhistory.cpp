#include "models/storyhistory.h"

#include <QTest>

using namespace bulletin;

class tst_StoryHistory : public QObject
{
    Q_OBJECT

private slots:
    void walksLikeABrowser();
    void revisitingCurrentIsNotAStep();
    void limit();
};

void tst_StoryHistory::walksLikeABrowser()
{
    StoryHistory history;
    QVERIFY(!history.current());
    QVERIFY(!history.canGoBack());
    history.visit({1, 0});
    history.visit({2, 0});
    history.visit({0, 9}); // a bookmark shown from its snapshot
    QCOMPARE(history.back()->storyId, 2);
    QCOMPARE(history.back()->storyId, 1);
    QVERIFY(!history.canGoBack());
    QVERIFY(!history.back());
    QCOMPARE(history.forward()->storyId, 2);
    QVERIFY(history.canGoForward());
    history.visit({4, 0}); // a new step drops the forward entries
    QVERIFY(!history.canGoForward());
    QCOMPARE(history.back()->storyId, 2);
    QCOMPARE(history.forward()->storyId, 4);
    QVERIFY(!history.forward());
}

void tst_StoryHistory::revisitingCurrentIsNotAStep()
{
    StoryHistory history;
    history.visit({1, 0});
    history.visit({1, 0});
    QVERIFY(!history.canGoBack());
    history.visit({}); // nothing is not a place
    QCOMPARE(history.current()->storyId, 1);
}

void tst_StoryHistory::limit()
{
    StoryHistory history;
    for (int i = 1; i <= StoryHistory::kLimit + 10; ++i)
        history.visit({i, 0});
    int steps = 0;
    while (history.back())
        ++steps;
    QCOMPARE(steps, StoryHistory::kLimit - 1);
    QCOMPARE(history.current()->storyId, 11);
}

QTEST_APPLESS_MAIN(tst_StoryHistory)
#include "tst_storyhistory.moc"
