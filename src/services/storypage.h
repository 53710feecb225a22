#pragma once

#include "core/html/htmlsanitizer.h"
#include "storage/records.h"

#include <QString>
#include <QStringList>

namespace bulletin {

// The reader pane's document for a story: headline, source and date, the advisory banner,
// the user's bookmark note, the sanitised body, and the related stories. Pure function of
// its inputs; the reader pane (QTextBrowser) is given exactly `html`, and `text` is the plain
// text it shows.
struct PageOptions
{
    bool darkPalette = false;
    bool allowRemoteContent = false;
};

struct StoryPage
{
    QString html;
    QString text;
    QStringList blockedUrls; // remote resources left out of the page
    QList<FlaggedLink> flaggedLinks; // links whose text misleads about where they go
};

// An advisory's colours by severity (Extreme/Severe red, Moderate orange, else yellow), each
// set legible on its own in light and dark palettes. Shared by the reader's banner and the
// window's banner.
struct AdvisoryColours
{
    QString background;
    QString border;
    QString text;
};
AdvisoryColours advisoryColours(const QString &severity, bool dark);

StoryPage buildStoryPage(const StoryDetail &story, const PageOptions &options = {});

// A bookmark whose story left the cache, shown from its snapshot.
StoryPage buildBookmarkPage(const BookmarkRecord &bookmark, const PageOptions &options = {});

// Related links in the page are fragment links "#bulletin-story-ID"; this reads the id back.
std::optional<qint64> storyIdFromAnchor(const QString &anchor);
// The note on a bookmarked story's page links to "#bulletin-edit-note" for editing it.
bool isEditNoteAnchor(const QString &anchor);

// Under "Coverage elsewhere" the page offers to mark the event read: the story and the
// coverage it lists. That link is "#bulletin-read-ID,ID,..."; this reads the ids back
// (nullopt for any other anchor).
std::optional<QList<qint64>> storyIdsToMarkRead(const QString &anchor);

} // namespace bulletin
