#pragma once

#include <QDialog>
#include <QString>

class QLabel;
class QPushButton;

namespace bulletin {

// Says that the cache is damaged and offers the ways out, none of which deletes anything:
// export the bookmarks, restore the newest backup, or start a new cache. Restoring and
// starting anew first move the damaged file aside (CacheBackup::moveAside), where it stays
// for the user to look at or delete. When opening, the last way is Quit; once the window is
// open (a background check found the damage) it is Later, and the window goes on with the
// cache as it is.
//
// Exporting keeps the dialog open: the bookmarks are read from the damaged file, read-only,
// and from the newest backup where the file has lost some (BookmarkSalvage), and the dialog
// says how many were written and where they came from.
//
// Shown by the composition root (main.cpp), which closes every connection to the cache
// before apply() and opens it again after. GUI thread.
class DamagedCacheDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Choice { RestoreBackup, StartNew, Leave };
    enum class When { Opening, Running };

    // `problem` is the one line that says what is wrong; `backup` is CacheBackup::newest(),
    // empty when there is none (no Restore then).
    DamagedCacheDialog(const QString &cachePath, const QString &problem, const QString &backup,
                       When when, QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    QString backup() const { return m_backup; }

    // Writes every bookmark that can be read to `file`, as JSON when its name ends in .json
    // and as a browser bookmarks file otherwise, whole or not at all. Says the outcome in
    // the dialog (exportStatus()); false when nothing could be written.
    bool exportBookmarks(const QString &file);
    QString exportStatus() const;

    // Carries out choice() on the closed cache. On failure returns false and sets *error;
    // the files are as they were then.
    bool apply(QString *error) const;

private:
    void chooseExportFile();
    void choose(Choice choice);

    QString m_cachePath;
    QString m_backup;
    Choice m_choice = Choice::Leave;
    QLabel *m_exportStatus = nullptr;
};

} // namespace bulletin
