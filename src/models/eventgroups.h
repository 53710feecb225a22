#pragma once

#include "models/storyrow.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <optional>

namespace bulletin {

// The story list's grouped view (StoryListModel::setGrouped): which story's row stands for
// each news event, and the event's other reports under it, newest first. Stories come in
// the list's order (newest first), so the first one seen of an event leads it. Plain data
// with no signals: the model says what changes. Owned by the model, on its thread.
class EventGroups final
{
public:
    void clear();

    // The row leads its event (false: it has a row of its own) or joins the row of an event
    // seen before, as a report (true; its depth becomes 1). A row without an event is alone.
    bool joins(StoryRow &row);
    // Adds a report under its event's row; returns the event's reports so far.
    const QList<StoryRow> &addReport(const StoryRow &report);
    QList<StoryRow> reports(qint64 eventId) const
    {
        return eventId ? m_reports.value(eventId) : QList<StoryRow>();
    }
    qint64 leadOf(qint64 eventId) const { return m_lead.value(eventId); }
    // The story leading the event a report is under; nullopt for a story that is no report.
    std::optional<qint64> leadOfReport(qint64 storyId) const;
    // Every report, in no particular order.
    QList<StoryRow> allReports() const;
    void setRead(qint64 storyId, bool read);

    // Groups `stories` (in the list's order, with their events as they are now) from
    // scratch, or leaves each alone when not `grouped`, and returns the rows to show. An
    // event is open when one of its stories is in `open` (it led an open event before) or
    // one of its reports is in `keepShown` (a row a view holds on to).
    QList<StoryRow> regroup(const QList<StoryRow> &stories, bool grouped, const QSet<qint64> &open,
                            const QSet<qint64> &keepShown);

private:
    QHash<qint64, qint64> m_lead; // event id -> story id of the event's row
    QHash<qint64, QList<StoryRow>> m_reports; // event id -> reports under its row
};

} // namespace bulletin
