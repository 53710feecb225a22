#pragma once

#include "storage/records.h"

#include <QDateTime>
#include <QString>

namespace bulletin {

// One row of the story list (StoryListModel): a story, or a bookmark in the Bookmarks view,
// with what the list shows of it.
struct StoryRow
{
    qint64 storyId = 0;
    qint64 bookmarkId = 0;
    QString title;
    QString link; // as stored: what a drag out of the list gives (storylinkdrag.h)
    QString source;
    QDateTime published;
    StoryCursor cursor;
    bool read = false;
    bool bookmarked = false;
    bool hasAdvisory = false;
    bool headlineOnly = false;
    QString advisoryStatus; // in the Advisories view
    QString note; // in the Bookmarks view
    qint64 eventId = 0; // related coverage's news event; 0: not known
    int sources = 0; // feeds reporting the event
    int depth = 0; // 1: a report shown under its event's row (EventGroups)
    bool expanded = false; // an event's row showing its reports
};

} // namespace bulletin
