#include "storage/storyorder.h"

#include <QByteArray>

#include <algorithm>
#include <cstring>

namespace bulletin {

StoryCursor StoryOrder::cursorOf(const StorySummary &story)
{
    return {story.sortDate, story.id, story.title, story.source, story.feedId};
}

int StoryOrder::compareNoCase(const QString &a, const QString &b)
{
    // QString's own case folding is Unicode's and its order UTF-16's; the cache's order is
    // SQLite's, so the rows a list has loaded and the ones it pages in agree only this way.
    const QByteArray x = a.toUtf8();
    const QByteArray y = b.toUtf8();
    const qsizetype n = std::min(x.size(), y.size());
    for (qsizetype i = 0; i < n; ++i) {
        auto fold = [](char c) {
            const auto u = static_cast<unsigned char>(c);
            return u >= 'A' && u <= 'Z' ? u + ('a' - 'A') : u;
        };
        const unsigned cx = fold(x.at(i));
        const unsigned cy = fold(y.at(i));
        if (cx != cy)
            return cx < cy ? -1 : 1;
    }
    return x.size() == y.size() ? 0 : (x.size() < y.size() ? -1 : 1);
}

bool StoryOrder::precedes(const StoryCursor &a, const StoryCursor &b) const
{
    const auto newerFirst = [](const StoryCursor &x, const StoryCursor &y) {
        return x.sortDate != y.sortDate ? x.sortDate > y.sortDate : x.id > y.id;
    };
    switch (key) {
    case Key::Date:
        if (a.sortDate == b.sortDate && a.id == b.id)
            return false;
        return reversed ? newerFirst(b, a) : newerFirst(a, b);
    case Key::Headline: {
        int c = compareNoCase(a.title, b.title);
        if (c == 0)
            c = a.id < b.id ? -1 : (a.id > b.id ? 1 : 0);
        return reversed ? c > 0 : c < 0;
    }
    case Key::Source: {
        int c = compareNoCase(a.source, b.source);
        if (c == 0)
            c = a.feedId < b.feedId ? -1 : (a.feedId > b.feedId ? 1 : 0);
        if (c != 0)
            return reversed ? c > 0 : c < 0;
        return newerFirst(a, b);
    }
    }
    return false;
}

QString StoryOrder::toString() const
{
    QString name;
    switch (key) {
    case Key::Date:
        name = QStringLiteral("date");
        break;
    case Key::Headline:
        name = QStringLiteral("headline");
        break;
    case Key::Source:
        name = QStringLiteral("source");
        break;
    }
    return reversed ? QLatin1Char('-') + name : name;
}

StoryOrder StoryOrder::fromString(const QString &text)
{
    StoryOrder order;
    QString name = text.trimmed();
    if (name.startsWith(QLatin1Char('-'))) {
        order.reversed = true;
        name.remove(0, 1);
    }
    if (name == QLatin1String("headline"))
        order.key = Key::Headline;
    else if (name == QLatin1String("source"))
        order.key = Key::Source;
    else if (name != QLatin1String("date"))
        return {};
    return order;
}

} // namespace bulletin
