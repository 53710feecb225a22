#include "services/storypage.h"

#include <QTest>

using namespace bulletin;

class tst_StoryPage final : public QObject
{
    Q_OBJECT

private:
    static StoryDetail story()
    {
        StoryDetail d;
        d.summary.id = 7;
        d.summary.title = QStringLiteral("Storm <warning> & more");
        d.summary.source = QStringLiteral("Weather Desk");
        d.html = QStringLiteral(
            "<p>Body <img src=\"https://tracker.example/p.gif\" alt=\"pixel\"> text.</p>"
            "<script>alert(1)</script>");
        Advisory v;
        v.headline = QStringLiteral("Flood Warning");
        v.text = QStringLiteral("Move to higher ground now.");
        v.severity = QStringLiteral("Severe");
        v.issuer = QStringLiteral("NWS");
        v.area = QStringLiteral("Coastal county");
        v.status = QStringLiteral("active");
        d.advisory = v;
        RelatedStory cached;
        cached.title = QStringLiteral("River levels rise");
        cached.id = 42;
        cached.kind = QStringLiteral("publisher");
        RelatedStory missing;
        missing.title = QStringLiteral("Not here");
        missing.link = QStringLiteral("https://elsewhere.example/x");
        missing.kind = QStringLiteral("publisher");
        d.related = {cached, missing};
        return d;
    }

private Q_SLOTS:
    void pageHasHeaderBannerBodyAndRelated()
    {
        const StoryPage page = buildStoryPage(story());
        QVERIFY(page.html.contains(QStringLiteral("<h1>Storm &lt;warning&gt; &amp; more</h1>")));
        QVERIFY(page.html.contains(QStringLiteral("bgcolor=\"#fde2e1\""))); // severe: red banner
        QVERIFY(page.text.contains(QStringLiteral("Move to higher ground now.")));
        QVERIFY(page.text.contains(QStringLiteral("Issued by NWS")));
        QVERIFY(page.html.contains(QStringLiteral("href=\"#bulletin-story-42\"")));
        QVERIFY(page.text.contains(QStringLiteral("Not here (not in your cache)")));
        QVERIFY(page.html.contains(QStringLiteral("href=\"https://elsewhere.example/x\"")));
        QVERIFY(!page.html.contains(QStringLiteral("<script")));
        QVERIFY(!page.html.contains(QStringLiteral("tracker.example")));
        QCOMPARE(page.blockedUrls, QStringList{QStringLiteral("https://tracker.example/p.gif")});
        QCOMPARE(storyIdFromAnchor(QStringLiteral("#bulletin-story-42")),
                 std::optional<qint64>(42));
        QVERIFY(!storyIdFromAnchor(QStringLiteral("#other")));
    }

    void coverageSaysSourceTimeAndWhatWasRead()
    {
        StoryDetail d = story();
        const QDateTime at(QDate(2014, 4, 2), QTime(9, 30), Qt::UTC);
        RelatedStory read;
        read.title = QStringLiteral("Coast braces for storm");
        read.id = 51;
        read.kind = QStringLiteral("coverage");
        read.source = QStringLiteral("Coast Daily");
        read.published = at;
        read.read = true;
        RelatedStory unread = read;
        unread.title = QStringLiteral("Storm warning for the coast");
        unread.id = 52;
        unread.source = QStringLiteral("Wire One");
        unread.read = false;
        d.related << read << unread;

        StoryPage page = buildStoryPage(d);
        const QString coverage = page.text.mid(
            page.text.indexOf(QStringLiteral("Coverage elsewhere")));
        QVERIFY2(
            coverage.contains(QStringLiteral("Coast braces for storm \u2014 Coast Daily \u00b7 ")),
            qPrintable(coverage));
        QVERIFY2(coverage.contains(QStringLiteral("\u00b7 \u2713 read")), qPrintable(coverage));
        QCOMPARE(coverage.count(QStringLiteral("\u2713 read")),
                 1); // the unread report is not marked
        // The story and its two reports: one link marks the event read.
        QVERIFY(page.html.contains(QStringLiteral("href=\"#bulletin-read-7,51,52\"")));
        QVERIFY(coverage.contains(QStringLiteral("Mark these 3 reports of the event read")));
        QCOMPARE(storyIdsToMarkRead(QStringLiteral("#bulletin-read-7,51,52")),
                 std::optional<QList<qint64>>(QList<qint64>{7, 51, 52}));
        QVERIFY(!storyIdsToMarkRead(QStringLiteral("#bulletin-read-7,x")));
        QVERIFY(!storyIdsToMarkRead(QStringLiteral("#bulletin-story-7")));
        // The publisher's links are not part of the event.
        QVERIFY(!page.html.contains(QStringLiteral("#bulletin-read-7,42")));

        // All read already: nothing to offer.
        d.summary.read = true;
        d.related.last().read = true;
        page = buildStoryPage(d);
        QVERIFY(!page.html.contains(QStringLiteral("#bulletin-read-")));
    }

    void darkPaletteGetsDarkBanner()
    {
        PageOptions options;
        options.darkPalette = true;
        const StoryPage page = buildStoryPage(story(), options);
        QVERIFY(page.html.contains(QStringLiteral("bgcolor=\"#4a1212\"")));
        QVERIFY(page.html.contains(QStringLiteral("color:#ffe3e3")));
    }

    void theWindowsColoursColourThePage()
    {
        // The window hands over colours worked out from its palette; the page uses those and
        // none of its fixed sets.
        PageColours colours;
        colours.severe = {QStringLiteral("#102030"), QStringLiteral("#405060"),
                          QStringLiteral("#708090")};
        colours.moderate = colours.minor = colours.severe;
        colours.noteBackground = QStringLiteral("#a0b0c0");
        colours.noteBorder = QStringLiteral("#d0e0f0");
        colours.noteText = QStringLiteral("#010203");
        PageOptions options;
        options.colours = colours;
        StoryDetail d = story();
        d.bookmarkNote = QStringLiteral("Ask the harbour office");
        const StoryPage page = buildStoryPage(d, options);
        QVERIFY(page.html.contains(QStringLiteral("bgcolor=\"#102030\"")));
        QVERIFY(page.html.contains(QStringLiteral("border-color:#405060")));
        QVERIFY(page.html.contains(QStringLiteral("color:#708090")));
        QVERIFY(page.html.contains(QStringLiteral("bgcolor=\"#a0b0c0\"")));
        QVERIFY(page.html.contains(QStringLiteral("color:#010203\">Ask the harbour office")));
        QVERIFY(!page.html.contains(QStringLiteral("#fde2e1")));
        QVERIFY(!page.html.contains(QStringLiteral("#eef3fa")));
    }

    void headlineOnlyStorySaysSo()
    {
        StoryDetail d;
        d.summary.title = QStringLiteral("Germany and Poland Sign Deal");
        d.summary.headlineOnly = true;
        const StoryPage page = buildStoryPage(d);
        QVERIFY(page.text.contains(QStringLiteral("Only the headline of this story is known")));
        QVERIFY(page.text.contains(QStringLiteral("date unknown")));
    }

    void theBookmarkNoteKeepsItsLines()
    {
        const QString note = QStringLiteral(
            "Call the <harbour> office\n- ask about the ferry\n\nThen write back");
        StoryDetail d = story();
        d.bookmarkNote = note;
        BookmarkRecord snapshot;
        snapshot.title = QStringLiteral("Gone from its feed");
        snapshot.html = QStringLiteral("<p>Kept text.</p>");
        snapshot.note = note;
        for (const StoryPage &page : {buildStoryPage(d), buildBookmarkPage(snapshot)}) {
            // Each line on its own, escaped, with a link to edit the note.
            QVERIFY2(page.html.contains(QStringLiteral(
                         "Call the &lt;harbour&gt; office<br>- ask about the ferry</span></p>")),
                     qPrintable(page.html));
            QVERIFY(page.html.contains(QStringLiteral("Then write back</span></p>")));
            QVERIFY(page.html.contains(QStringLiteral("href=\"#bulletin-edit-note\"")));
            QVERIFY(page.text.contains(note));
        }
        QVERIFY(isEditNoteAnchor(QStringLiteral("#bulletin-edit-note")));
        QVERIFY(!isEditNoteAnchor(QStringLiteral("#bulletin-story-3")));
        // No note, no box.
        QVERIFY(!buildStoryPage(story()).text.contains(QStringLiteral("Your note")));
    }

    void aReadOnlyPageOffersNothingThatWrites()
    {
        StoryDetail d = story();
        d.bookmarkNote = QStringLiteral("Ask the harbour office");
        RelatedStory unread;
        unread.title = QStringLiteral("Storm warning for the coast");
        unread.id = 52;
        unread.kind = QStringLiteral("coverage");
        d.related << unread;
        BookmarkRecord snapshot;
        snapshot.title = QStringLiteral("Gone from its feed");
        snapshot.html = QStringLiteral("<p>Kept text.</p>");
        snapshot.note = d.bookmarkNote;
        PageOptions readOnly;
        readOnly.readOnly = true;
        for (const StoryPage &page :
             {buildStoryPage(d, readOnly), buildBookmarkPage(snapshot, readOnly)}) {
            // The note is there, as written, without a link that could not save an edit.
            QVERIFY(page.text.contains(QStringLiteral("Your note\nAsk the harbour office")));
            QVERIFY2(!page.html.contains(QStringLiteral("#bulletin-edit-note")),
                     qPrintable(page.html));
            QVERIFY(!page.text.contains(QStringLiteral("(edit)")));
        }
        // The coverage is listed, but nothing offers to mark it read.
        const StoryPage page = buildStoryPage(d, readOnly);
        QVERIFY(page.html.contains(QStringLiteral("href=\"#bulletin-story-52\"")));
        QVERIFY(!page.html.contains(QStringLiteral("#bulletin-read-")));
        QVERIFY(!page.text.contains(QStringLiteral("Mark these")));
        // The same story in a writable cache offers both.
        const StoryPage writable = buildStoryPage(d);
        QVERIFY(writable.html.contains(QStringLiteral("#bulletin-edit-note")));
        QVERIFY(writable.html.contains(QStringLiteral("#bulletin-read-7,52")));
    }
};

QTEST_GUILESS_MAIN(tst_StoryPage)
#include "tst_storypage.moc"
