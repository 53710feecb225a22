#include "models/storyrowtext.h"

#include <QLocale>
#include <QStringList>

namespace bulletin {

QString StoryRowText::headline(const StoryRow &row, int reportsUnder)
{
    QString title = row.title.isEmpty() ? tr("(untitled)") : row.title;
    if (row.depth > 0)
        title = QStringLiteral(" ↳ ") + title;
    else if (reportsUnder > 0)
        title = (row.expanded ? QStringLiteral("▾ ") : QStringLiteral("▸ ")) + title;
    if (row.advisoryStatus.isEmpty() || row.advisoryStatus == QLatin1String("active"))
        return title;
    return tr("%1 (%2)").arg(title, statusWords(row.advisoryStatus));
}

QString StoryRowText::source(const StoryRow &row)
{
    if (row.sources > 1 && row.depth == 0) {
        const int others = row.sources - 1;
        return others == 1 ? tr("%1  +1 source").arg(row.source)
                           : tr("%1  +%2 sources").arg(row.source, QString::number(others));
    }
    return row.source;
}

QString StoryRowText::date(const StoryRow &row)
{
    return row.published.isValid()
        ? QLocale().toString(row.published.toLocalTime(), QLocale::ShortFormat)
        : QString();
}

QString StoryRowText::noteLine(const StoryRow &row)
{
    const QString note = row.note.trimmed();
    const qsizetype lineEnd = note.indexOf(QLatin1Char('\n'));
    return lineEnd < 0 ? note : note.left(lineEnd).trimmed() + QStringLiteral(" \u2026");
}

QString StoryRowText::description(const StoryRow &row, int reportsUnder, const QString &snippet,
                                  Form form, bool withHeadline)
{
    const bool toolTip = form == Form::ToolTip;
    QStringList facts;
    facts << (row.read ? tr("Read") : tr("Unread"));
    if (row.bookmarked)
        facts << tr("Bookmarked");
    if (row.hasAdvisory)
        facts << (row.advisoryStatus.isEmpty()
                      ? tr("Carries an advisory")
                      : tr("Advisory: %1").arg(statusWords(row.advisoryStatus)));
    if (row.headlineOnly)
        facts << tr("Headline only");
    if (row.sources > 1)
        facts << tr("Reported by %1 sources").arg(row.sources);
    if (reportsUnder > 0)
        facts << (row.expanded ? tr("%1 more reports shown below").arg(reportsUnder)
                               : tr("%1 more reports grouped here").arg(reportsUnder));
    if (row.bookmarkId != 0 && row.storyId == 0)
        facts << tr("No longer in its feed; kept with the bookmark");
    if (!row.note.isEmpty())
        facts << (toolTip ? tr("Your note:\n%1").arg(row.note)
                          : tr("Your note: %1").arg(row.note.simplified()));
    if (!snippet.isEmpty())
        facts << snippet;
    if (withHeadline)
        facts.prepend(row.title);
    return facts.join(toolTip ? QStringLiteral("\n") : QStringLiteral(", "));
}

QString StoryRowText::statusWords(const QString &status)
{
    if (status == QLatin1String("active"))
        return tr("active");
    if (status == QLatin1String("expired"))
        return tr("expired");
    if (status == QLatin1String("superseded"))
        return tr("superseded");
    if (status == QLatin1String("cancelled"))
        return tr("cancelled");
    return status;
}

} // namespace bulletin
