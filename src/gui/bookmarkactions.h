#pragma once

#include <QObject>

class QAction;
class QWidget;

namespace bulletin {

class Cache;
class StoryController;
struct ReaderLocation;

// Everything the user does with bookmarks: bookmark the story in the reader (toolbar, Ctrl+D,
// the list's context menu), write a note on it, and export all bookmarks as a browser
// bookmarks file (Netscape format) or JSON. Writes go straight to the BookmarkStore, each in
// its own transaction; the controller is told so the list and sidebar follow.
class BookmarkActions final : public QObject
{
    Q_OBJECT

public:
    enum class Format { Html, Json };

    BookmarkActions(Cache &cache, StoryController &controller, QWidget *dialogParent,
                    QObject *parent = nullptr);

    QAction *toggleAction() const { return m_toggle; }
    QAction *noteAction() const { return m_note; }
    QAction *exportHtmlAction() const { return m_exportHtml; }
    QAction *exportJsonAction() const { return m_exportJson; }

    // Bookmarks (or un-bookmarks) the story in the reader. Returns whether it is bookmarked now.
    bool toggle();
    // Writes every bookmark to the file; false (with a status message) when it could not.
    bool exportTo(const QString &path, Format format);

signals:
    void statusMessage(const QString &message);

private:
    void editNote();
    void chooseExportFile(Format format);
    void updateState();

    Cache &m_cache;
    StoryController &m_controller;
    QWidget *m_dialogParent = nullptr;
    QAction *m_toggle = nullptr;
    QAction *m_note = nullptr;
    QAction *m_exportHtml = nullptr;
    QAction *m_exportJson = nullptr;
};

} // namespace bulletin
