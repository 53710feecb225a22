#include "models/storyhistory.h"

namespace bulletin {

void StoryHistory::visit(const ReaderLocation &location)
{
    if (!location.isValid())
        return;
    if (const auto here = current(); here && *here == location)
        return;
    m_entries.resize(m_position + 1);
    m_entries << location;
    if (m_entries.size() > kLimit)
        m_entries.removeFirst();
    m_position = m_entries.size() - 1;
}

std::optional<ReaderLocation> StoryHistory::back()
{
    if (!canGoBack())
        return std::nullopt;
    return m_entries.at(--m_position);
}

std::optional<ReaderLocation> StoryHistory::forward()
{
    if (!canGoForward())
        return std::nullopt;
    return m_entries.at(++m_position);
}

std::optional<ReaderLocation> StoryHistory::current() const
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
