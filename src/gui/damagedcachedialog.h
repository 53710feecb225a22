#pragma once

#include <QMessageBox>
#include <QString>

class QPushButton;

namespace bulletin {

// Says that the cache is damaged and offers the ways out, none of which deletes anything:
// restore the newest backup, or start a new cache. Either first moves the damaged file
// aside (CacheBackup::moveAside), where it stays for the user to look at or delete. When
// opening, the third way is Quit; once the window is open (a background check found the
// damage) it is Later, and the window goes on with the cache as it is.
//
// Shown by the composition root (main.cpp), which closes every connection to the cache
// before apply() and opens it again after. GUI thread.
class DamagedCacheDialog final : public QMessageBox
{
    Q_OBJECT

public:
    enum class Choice { RestoreBackup, StartNew, Leave };
    enum class When { Opening, Running };

    // `backup` is CacheBackup::newest(), empty when there is none (no Restore then).
    DamagedCacheDialog(const QString &problem, const QString &backup, When when, QWidget *parent = nullptr);

    Choice choice() const;
    QString backup() const { return m_backup; }

    // Carries out choice() on the closed cache at `cachePath`. On failure returns false and
    // sets *error; the files are as they were then.
    bool apply(const QString &cachePath, QString *error) const;

private:
    QString m_backup;
    QPushButton *m_restore = nullptr;
    QPushButton *m_startNew = nullptr;
};

} // namespace bulletin
