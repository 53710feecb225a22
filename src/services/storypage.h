#pragma once

#include "core/html/htmlsanitizer.h"
#include "storage/records.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace bulletin {

// An advisory's colours by severity (Extreme/Severe red, Moderate orange, else yellow).
struct AdvisoryColours
{
    QString background;
    QString border;
    QString text;
};

// The colours a page gives its advisory box and the bookmark note; the window works them out
// from the reader's palette (gui/themecolours.h), so they follow the theme.
struct PageColours
{
    AdvisoryColours severe;
    AdvisoryColours moderate;
    AdvisoryColours minor;
    QString noteBackground;
    QString noteBorder;
    QString noteText;

    const AdvisoryColours &forSeverity(const QString &severity) const;
};

// Fixed sets, legible on a white and on a near-black page, for a page built without a palette
// (the command line's HTML, tests).
AdvisoryColours advisoryColours(const QString &severity, bool dark);

// The reader pane's document for a story: headline, source and date, the advisory banner,
// the user's bookmark note, the sanitised body, and the related stories. Pure function of
// its inputs; the reader pane (QTextBrowser) is given exactly `html`, and `text` is the plain
// text it shows.
//
// A long story is shown a part at a time: the reader lays out at most kReaderPartChars
// characters (htmlparts.h), and a story longer than that gets a line above and below its
// text that says which part this is, with links to the previous and next part
// ("#bulletin-part-N", 1-based). Endless words are made breakable (htmlparts.h).
//
// A page for a read-only cache (`readOnly`) offers nothing that would write: the note is
// shown without its edit link, and coverage without the link that marks the event read.
struct PageOptions
{
    bool darkPalette = false;
    bool allowRemoteContent = false;
    int part = 0; // 0-based; clamped to the parts the story has
    bool readOnly = false;
    // The window's colours; without them, the fixed light or dark set (darkPalette).
    std::optional<PageColours> colours;
};

// How much of a story the reader lays out at once: about the longest real articles
// (feature-length pieces run to 60,000-100,000 characters), and laid out in a fraction of
// a second; a 30 MB story laid out whole held the window for minutes.
constexpr qsizetype kReaderPartChars = 100'000;

struct StoryPage
{
    QString html;
    QString text;
    QStringList blockedUrls; // remote resources left out of the page
    QList<FlaggedLink> flaggedLinks; // links whose text misleads about where they go
    int part = 0; // the part shown, 0-based
    int parts = 1; // how many parts the story has
};

StoryPage buildStoryPage(const StoryDetail &story, const PageOptions &options = {});

// A bookmark whose story left the cache, shown from its snapshot.
StoryPage buildBookmarkPage(const BookmarkRecord &bookmark, const PageOptions &options = {});

// Related links in the page are fragment links "#bulletin-story-ID"; this reads the id back.
std::optional<qint64> storyIdFromAnchor(const QString &anchor);
// The note on a bookmarked story's page links to "#bulletin-edit-note" for editing it.
bool isEditNoteAnchor(const QString &anchor);
// The part links of a long story are "#bulletin-part-N"; this reads back N - 1 (0-based).
std::optional<int> partFromAnchor(const QString &anchor);

// Under "Coverage elsewhere" the page offers to mark the event read: the story and the
// coverage it lists. That link is "#bulletin-read-ID,ID,..."; this reads the ids back
// (nullopt for any other anchor).
std::optional<QList<qint64>> storyIdsToMarkRead(const QString &anchor);

} // namespace bulletin
