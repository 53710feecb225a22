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
    void keepsTheViewAndThePlaceInTheStory();
};

void tst_StoryHistory::walksLikeABrowser()
{
    StoryHistory history;
    QVERIFY(!history.current());
    QVERIFY(!history.canGoBack());
    history.visit({1, 0});
    history.visit({2, 0});
    history.visit({0, 9}); // a bookmark shown from its snapshot
    QCOMPARE(history.back()->location.storyId, 2);
    QCOMPARE(history.back()->location.storyId, 1);
    QVERIFY(!history.canGoBack());
    QVERIFY(!history.back());
    QCOMPARE(history.forward()->location.storyId, 2);
    QVERIFY(history.canGoForward());
    history.visit({4, 0}); // a new step drops the forward entries
    QVERIFY(!history.canGoForward());
    QCOMPARE(history.back()->location.storyId, 2);
    QCOMPARE(history.forward()->location.storyId, 4);
    QVERIFY(!history.forward());
}

void tst_StoryHistory::revisitingCurrentIsNotAStep()
{
    StoryHistory history;
    history.visit({1, 0});
    history.visit({1, 0});
    QVERIFY(!history.canGoBack());
    history.visit({}); // nothing is not a place
    QCOMPARE(history.current()->location.storyId, 1);
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
    QCOMPARE(history.current()->location.storyId, 11);
}

void tst_StoryHistory::keepsTheViewAndThePlaceInTheStory()
{
    const StoryFilter desk{StoryFilter::Kind::Feed, 3};
    StoryHistory history;
    history.visit({1, 0}, desk);
    history.setPlace({1, 0}, 3, 420);
    history.setPlace({2, 0}, 1, 99); // not the current step: ignored
    history.visit({2, 0}, {StoryFilter::Kind::Unread});
    history.visit({2, 0}, {StoryFilter::Kind::All}); // the same story, now in All stories
    QVERIFY(history.canGoBack());
    QCOMPARE(history.current()->view.kind, StoryFilter::Kind::All);
    QCOMPARE(history.current()->scroll, 0);
    QCOMPARE(history.current()->part, 0);
    const std::optional<StoryHistory::Step> back = history.back();
    QCOMPARE(back->view, desk);
    QCOMPARE(back->part, 3);
    QCOMPARE(back->scroll, 420);
    QCOMPARE(history.forward()->view.kind, StoryFilter::Kind::All);
}

QTEST_APPLESS_MAIN(tst_StoryHistory)
#include "tst_storyhistory.moc"
