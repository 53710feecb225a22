#include "gui/bookmarkactions.h"

#include "core/wholefile.h"
#include "gui/notedialog.h"
#include "gui/storycontroller.h"
#include "models/bookmarkexport.h"
#include "storage/cache.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QStandardPaths>

namespace bulletin {

BookmarkActions::BookmarkActions(Cache &cache, StoryController &controller, QWidget *dialogParent,
                                 QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_controller(controller)
    , m_dialogParent(dialogParent)
    , m_toggle(new QAction(tr("&Bookmark"), this))
    , m_note(new QAction(tr("Bookmark &Note\u2026"), this))
    , m_exportHtml(new QAction(tr("Export Bookmarks as &HTML\u2026"), this))
    , m_exportJson(new QAction(tr("Export Bookmarks as &JSON\u2026"), this))
{
    m_toggle->setCheckable(true);
    m_toggle->setShortcut(QKeySequence(tr("Ctrl+D")));
    m_toggle->setToolTip(tr("Bookmark the story in the reader (Ctrl+D)"));
    m_toggle->setIcon(QIcon::fromTheme(QStringLiteral("bookmark-new")));
    m_note->setToolTip(tr("Write a note on this story's bookmark"));
    m_exportHtml->setToolTip(tr("Save all bookmarks as a bookmarks file that web browsers import"));
    m_exportJson->setToolTip(tr("Save all bookmarks, with their notes, as JSON"));

    // triggered() has already flipped the check mark; toggle() sets it from the store.
    connect(m_toggle, &QAction::triggered, this, [this] { toggle(); });
    connect(m_note, &QAction::triggered, this, &BookmarkActions::editNote);
    connect(m_exportHtml, &QAction::triggered, this, [this] { chooseExportFile(Format::Html); });
    connect(m_exportJson, &QAction::triggered, this, [this] { chooseExportFile(Format::Json); });
    connect(&m_controller, &StoryController::locationChanged, this, &BookmarkActions::updateState);
    updateState();
}

void BookmarkActions::updateState()
{
    const ReaderLocation location = m_controller.currentLocation();
    const bool bookmarked = location.bookmarkId != 0
        || (location.storyId && m_cache.bookmarks().isBookmarked(location.storyId));
    m_toggle->setEnabled(location.isValid());
    m_toggle->setChecked(bookmarked);
    // The text stays: the shortcut editor names the action by it. The check mark and the
    // tooltip say whether the story is bookmarked.
    m_toggle->setToolTip(bookmarked ? tr("Remove the bookmark (Ctrl+D)")
                                    : tr("Bookmark the story in the reader (Ctrl+D)"));
    m_note->setEnabled(location.isValid());
}

bool BookmarkActions::toggle()
{
    const ReaderLocation location = m_controller.currentLocation();
    BookmarkStore &store = m_cache.bookmarks();
    bool bookmarked = false;
    if (location.storyId) {
        if (store.isBookmarked(location.storyId)) {
            store.removeForArticle(location.storyId);
            emit statusMessage(tr("Bookmark removed."));
        } else if (store.add(location.storyId)) {
            bookmarked = true;
            emit statusMessage(tr("Bookmarked."));
        } else {
            emit statusMessage(tr("Could not save the bookmark."));
        }
        m_controller.bookmarksChanged(location.storyId, bookmarked);
    } else if (location.bookmarkId) {
        // The story has left the cache: this bookmark is the only copy left, so ask first.
        const auto answer = QMessageBox::question(
            m_dialogParent, tr("Remove Bookmark"),
            tr("This story is no longer in its feed; the bookmark is the only copy. Remove it?"));
        bookmarked = answer != QMessageBox::Yes || !store.remove(location.bookmarkId);
        if (!bookmarked)
            m_controller.bookmarksChanged(0, false);
    }
    m_toggle->setChecked(bookmarked);
    m_toggle->setToolTip(bookmarked ? tr("Remove the bookmark (Ctrl+D)")
                                    : tr("Bookmark the story in the reader (Ctrl+D)"));
    return bookmarked;
}

void BookmarkActions::editNote()
{
    const ReaderLocation location = m_controller.currentLocation();
    BookmarkStore &store = m_cache.bookmarks();
    std::optional<BookmarkRecord> bookmark = location.storyId ? store.forArticle(location.storyId)
                                                              : store.bookmark(location.bookmarkId);
    QString headline;
    if (bookmark)
        headline = bookmark->title;
    else if (const auto summary = m_cache.articles().summary(location.storyId))
        headline = summary->title;
    else
        return;

    NoteDialog dialog(headline, bookmark ? bookmark->note : QString(), m_dialogParent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // Writing a note on a story that is not bookmarked yet bookmarks it.
    const bool saved = bookmark ? store.setNote(bookmark->bookmarkId, dialog.note())
                                : store.add(location.storyId, dialog.note()).has_value();
    if (!saved) {
        emit statusMessage(tr("Could not save the note."));
        return;
    }
    m_controller.bookmarksChanged(location.storyId, true); // the Bookmarks list shows notes
    updateState();
    m_controller.refreshPage();
    emit statusMessage(dialog.note().isEmpty() ? tr("Note removed.") : tr("Note saved."));
}

void BookmarkActions::chooseExportFile(Format format)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = format == Format::Html
        ? QFileDialog::getSaveFileName(
            m_dialogParent, tr("Export Bookmarks"),
            QDir(dir).filePath(QStringLiteral("bulletin-bookmarks.html")),
            tr("Bookmarks file (*.html)"))
        : QFileDialog::getSaveFileName(
            m_dialogParent, tr("Export Bookmarks"),
            QDir(dir).filePath(QStringLiteral("bulletin-bookmarks.json")), tr("JSON (*.json)"));
    if (!path.isEmpty())
        exportTo(path, format);
}

bool BookmarkActions::exportTo(const QString &path, Format format)
{
    const QList<BookmarkRecord> bookmarks = m_cache.bookmarks().bookmarks();
    int unlinked = 0;
    const QByteArray bytes = format == Format::Html ? bookmarksToNetscapeHtml(bookmarks, &unlinked)
                                                    : bookmarksToJson(bookmarks);
    // Whole or not at all: an interrupted export never leaves half a file over an older good one.
    QString error;
    if (!writeWholeFile(path, bytes, &error)) {
        emit statusMessage(tr("Could not export bookmarks to %1: %2").arg(path, error));
        return false;
    }
    QString message
        = tr("Exported %n bookmark(s) to %1.", nullptr, int(bookmarks.size())).arg(path);
    if (unlinked > 0)
        message += QLatin1Char(' ')
            + tr("%n without a web address listed without a link.", nullptr, unlinked);
    emit statusMessage(message);
    return true;
}

} // namespace bulletin
