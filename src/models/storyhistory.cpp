#include "models/storyhistory.h"

namespace bulletin {

void StoryHistory::visit(const ReaderLocation &location, const StoryFilter &view)
{
    if (!location.isValid())
        return;
    if (m_position >= 0 && m_entries.at(m_position).location == location) {
        m_entries[m_position].view = view;
        return;
    }
    m_entries.resize(m_position + 1);
    m_entries.append({location, view, 0, 0});
    if (m_entries.size() > kLimit)
        m_entries.removeFirst();
    m_position = m_entries.size() - 1;
}

void StoryHistory::setPlace(const ReaderLocation &location, int part, int scroll)
{
    if (m_position >= 0 && m_entries.at(m_position).location == location) {
        m_entries[m_position].part = part;
        m_entries[m_position].scroll = scroll;
    }
}

std::optional<StoryHistory::Step> StoryHistory::back()
{
    if (!canGoBack())
        return std::nullopt;
    return m_entries.at(--m_position);
}

std::optional<StoryHistory::Step> StoryHistory::forward()
{
    if (!canGoForward())
        return std::nullopt;
    return m_entries.at(++m_position);
}

std::optional<StoryHistory::Step> StoryHistory::current() const
{
    if (m_position < 0 || m_position >= m_entries.size())
        return std::nullopt;
    return m_entries.at(m_position);
}

void StoryHistory::clear()
{
    m_entries.clear();
    m_position = -1;
}

} // namespace bulletin
