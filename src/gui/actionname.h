#pragma once

#include <QAction>
#include <QString>

namespace bulletin {

// The property an action whose text follows the selection ("Refresh Feed", "Refresh Folder")
// sets to the name it is listed under wherever its keys are shown and edited.
constexpr auto kListedNameProperty = "listedName";

// The name the shortcut editor and Help list an action under: the same whatever is selected,
// without its mnemonic or trailing ellipsis.
inline QString listedActionName(const QAction *action)
{
    QString text = action->property(kListedNameProperty).toString();
    if (text.isEmpty())
        text = action->text();
    text.remove(QLatin1Char('&'));
    if (text.endsWith(QStringLiteral("\u2026")))
        text.chop(1);
    return text;
}

} // namespace bulletin
