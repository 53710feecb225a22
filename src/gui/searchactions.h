#pragma once

#include <QObject>

class QAction;
class QComboBox;
class QLineEdit;
class QTimer;
class QTreeView;
class QWidget;

namespace bulletin {

class Cache;
class StoryController;

// The search over the stories: a field and its scope ("This source" or "Everywhere") for the
// toolbar, Find (Ctrl+F or /) to reach the field, Save Search to keep the query as a sidebar
// entry and Delete Saved Search for such an entry. The list follows the field as the user
// types, once the typing pauses; Enter searches at once and Escape clears. The field always
// says what the list shows: leaving the search for another view clears it, opening a saved
// search fills it in. The query language is parseSearchQuery's (core/searchquery.h).
//
// The widgets and actions are children of `window`, which places them; saved searches are
// written through SearchStore, each in its own transaction. GUI thread only.
class SearchActions final : public QObject
{
    Q_OBJECT

public:
    // `sidebar` is where a saved search to delete is chosen; the list gets the focus back
    // after a search; dialogs open over `window`.
    SearchActions(Cache &cache, StoryController &controller, QTreeView *sidebar, QWidget *list,
                  QWidget *window);

    QLineEdit *field() const { return m_field; }
    QComboBox *scope() const { return m_scope; }
    QAction *findAction() const { return m_find; }
    QAction *saveAction() const { return m_save; }
    QAction *deleteAction() const { return m_delete; }

    // Keeps the current search as a sidebar entry; returns its id (0 when nothing to save).
    qint64 saveSearch(const QString &name);

signals:
    void statusMessage(const QString &message);

private:
    void runSearch();
    bool everywhere() const;

    Cache &m_cache;
    StoryController &m_controller;
    QTreeView *m_sidebar;
    QWidget *m_list;
    QWidget *m_window;
    QLineEdit *m_field = nullptr;
    QComboBox *m_scope = nullptr;
    QTimer *m_timer = nullptr;
    QAction *m_find = nullptr;
    QAction *m_save = nullptr;
    QAction *m_delete = nullptr;
};

} // namespace bulletin
