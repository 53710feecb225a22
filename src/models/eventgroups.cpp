#include "models/eventgroups.h"

namespace bulletin {

void EventGroups::clear()
{
    m_lead.clear();
    m_reports.clear();
}

bool EventGroups::joins(StoryRow &row)
{
    if (row.eventId == 0)
        return false;
    if (!m_lead.contains(row.eventId)) {
        m_lead.insert(row.eventId, row.storyId);
        return false;
    }
    row.depth = 1;
    return true;
}

const QList<StoryRow> &EventGroups::addReport(const StoryRow &report)
{
    QList<StoryRow> &reports = m_reports[report.eventId];
    reports << report;
    return reports;
}

std::optional<qint64> EventGroups::leadOfReport(qint64 storyId) const
{
    for (auto it = m_reports.cbegin(); it != m_reports.cend(); ++it) {
        for (const StoryRow &report : *it) {
            if (report.storyId == storyId)
                return m_lead.value(it.key());
        }
    }
    return std::nullopt;
}

QList<StoryRow> EventGroups::allReports() const
{
    QList<StoryRow> all;
    for (const QList<StoryRow> &reports : m_reports)
        all << reports;
    return all;
}

void EventGroups::setRead(qint64 storyId, bool read)
{
    for (QList<StoryRow> &reports : m_reports) {
        for (StoryRow &report : reports) {
            if (report.storyId == storyId)
                report.read = read;
        }
    }
}

QList<StoryRow> EventGroups::regroup(const QList<StoryRow> &stories, bool grouped,
                                     const QSet<qint64> &open, const QSet<qint64> &keepShown)
{
    clear();
    QList<StoryRow> leads;
    for (StoryRow row : stories) {
        row.depth = 0;
        row.expanded = false;
        if (grouped && joins(row))
            addReport(row);
        else
            leads << row;
    }
    QList<StoryRow> rows;
    rows.reserve(stories.size());
    for (StoryRow &lead : leads) {
        const QList<StoryRow> under = reports(lead.eventId);
        // An event stays open when one of its stories led an open event, and opens rather
        // than hide a row a view holds.
        lead.expanded = !under.isEmpty() && open.contains(lead.storyId);
        for (const StoryRow &report : under)
            lead.expanded = lead.expanded || open.contains(report.storyId)
                || keepShown.contains(report.storyId);
        rows << lead;
        if (lead.expanded)
            rows << under;
    }
    return rows;
}

} // namespace bulletin
