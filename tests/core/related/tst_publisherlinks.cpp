#include "core/related/publisherlinks.h"

#include <QTest>

using namespace bulletin;

class tst_PublisherLinks final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onlyOtherStoriesAreRelated_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("link");
        QTest::addColumn<bool>("kept");

        // The item: a Daring Fireball linked-list entry, as its Atom feed writes it.
        QTest::newRow("the item's own link")
            << QStringLiteral("Remark your calendars")
            << QStringLiteral("http://recode.net/2016/02/27/"
                              "remark-your-calendars-apples-product-event-will-week-of-march-21/")
            << false;
        QTest::newRow("own link over https, without the slash, with a fragment")
            << QString()
            << QStringLiteral(
                   "https://www.recode.net/2016/02/27/"
                   "remark-your-calendars-apples-product-event-will-week-of-march-21#top")
            << false;
        QTest::newRow("the item's id as an address")
            << QStringLiteral("Permalink")
            << QStringLiteral("http://daringfireball.net/linked/2016/02/27/id-page") << false;
        QTest::newRow("the feed's home page")
            << QStringLiteral("Daring Fireball") << QStringLiteral("http://daringfireball.net")
            << false;
        QTest::newRow("untitled permalink on the publisher's site")
            << QString()
            << QStringLiteral("http://daringfireball.net/linked/2016/02/27/swisher-apple-event")
            << false;
        QTest::newRow("titled story on the publisher's site")
            << QStringLiteral("The Talk Show: Episode 147")
            << QStringLiteral("http://daringfireball.net/thetalkshow/2016/02/21/ep-147") << true;
        QTest::newRow("untitled link to another site")
            << QString()
            << QStringLiteral("http://www.buzzfeed.com/johnpaczkowski/apple-to-debut-new-ipad")
            << true;
        QTest::newRow("another page of the same site with a query")
            << QStringLiteral("Search")
            << QStringLiteral("http://recode.net/2016/02/27/remark?page=2") << true;
        QTest::newRow("a headline without a link")
            << QStringLiteral("Germany and Poland Sign Deal") << QString() << true;
    }

    void onlyOtherStoriesAreRelated()
    {
        QFETCH(QString, title);
        QFETCH(QString, link);
        QFETCH(bool, kept);
        const StoryPages story{
            QStringLiteral("http://recode.net/2016/02/27/"
                           "remark-your-calendars-apples-product-event-will-week-of-march-21/"),
            QStringLiteral("http://daringfireball.net/linked/2016/02/27/id-page"),
            QStringLiteral("http://daringfireball.net/")};
        const QList<RelatedLink> related{RelatedLink{title, link, QStringLiteral("publisher")}};
        QCOMPARE(otherStoryLinks(related, story).size(), kept ? 1 : 0);
    }

    void sectionsOfTheItemsOwnPage()
    {
        // USGS's earthquake feed lists its event page's sections and CAP document as related.
        const StoryPages story{
            QStringLiteral("http://earthquake.usgs.gov/earthquakes/eventpage/usb000qgt2"),
            QStringLiteral("urn:earthquake-usgs-gov:us:b000qgt2"),
            QStringLiteral("http://earthquake.usgs.gov/earthquakes/")};
        const QList<RelatedLink> related{
            {QString(),
             QStringLiteral("http://earthquake.usgs.gov/earthquakes/eventpage/usb000qgt2.cap")},
            {QString(),
             QStringLiteral("http://earthquake.usgs.gov/earthquakes/eventpage/usb000qgt2#dyfi")},
            {QString(),
             QStringLiteral(
                 "http://earthquake.usgs.gov/earthquakes/eventpage/usb000qgt2#shakemap")},
            {QStringLiteral("Aftershock forecast"),
             QStringLiteral("http://earthquake.usgs.gov/earthquakes/eventpage/usb000qgt3")}};
        const QList<RelatedLink> others = otherStoryLinks(related, story);
        QCOMPARE(others.size(), 1);
        QCOMPARE(others.first().title, QStringLiteral("Aftershock forecast"));
    }

    void withoutHomePageTheIdNamesTheSite()
    {
        const StoryPages story{QStringLiteral("http://example.com/article"),
                               QStringLiteral("http://blog.example.org/2016/post"), QString()};
        const QList<RelatedLink> related{
            {QString(), QStringLiteral("http://blog.example.org/2016/post-permalink")},
            {QString(), QStringLiteral("http://example.com/other")}};
        const QList<RelatedLink> others = otherStoryLinks(related, story);
        QCOMPARE(others.size(), 1);
        QCOMPARE(others.first().link, QStringLiteral("http://example.com/other"));
    }
};

QTEST_APPLESS_MAIN(tst_PublisherLinks)
#include "tst_publisherlinks.moc"
