#pragma once

#include <QAbstractScrollArea>
#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QMenu>
#include <QPointer>
#include <QStringList>
#include <QTimer>

namespace bulletin::test {

// Asks a view for its context menu at a point of its viewport, as a right click does, and
// chooses the entry with the text `choose` (without its & mnemonic), after the menu has
// closed, as a click on it does; an empty `choose` closes the menu. Returns the menu's
// entries (disabled ones in brackets), or nothing when no menu opened. Header-only.
inline QStringList runContextMenu(QAbstractScrollArea *view, QPoint position,
                                  const QString &choose = {})
{
    QStringList entries;
    QPointer<QAction> chosen;
    QTimer::singleShot(0, view, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        for (QAction *action : menu->actions()) {
            if (action->isSeparator())
                continue;
            const QString text = action->text().remove(QLatin1Char('&'));
            entries << (action->isEnabled() ? text : QLatin1Char('[') + text + QLatin1Char(']'));
            if (text == choose)
                chosen = action;
        }
        menu->close();
    });
    QContextMenuEvent event(QContextMenuEvent::Mouse, position,
                            view->viewport()->mapToGlobal(position));
    QApplication::sendEvent(view->viewport(), &event);
    if (chosen && chosen->isEnabled())
        chosen->trigger();
    return entries;
}

} // namespace bulletin::test
