#include "gui/damagedcachedialog.h"

#include "storage/cachebackup.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <QPushButton>

namespace bulletin {

DamagedCacheDialog::DamagedCacheDialog(const QString &problem, const QString &backup, When when, QWidget *parent)
    : QMessageBox(parent)
    , m_backup(backup)
{
    setIcon(QMessageBox::Warning);
    setWindowTitle(tr("Damaged Cache"));
    setText(tr("<b>Bulletin's cache is damaged.</b>"));
    QString details = problem.isEmpty() ? QString() : problem.at(0).toUpper() + problem.mid(1) + QLatin1Char('.');
    if (!backup.isEmpty()) {
        const QString date = QLocale().toString(QFileInfo(backup).lastModified(), QLocale::ShortFormat);
        details += QLatin1String("\n\n")
            + tr("Restore Backup puts the copy of %1 in its place: what changed since then (bookmarks, "
                 "notes, read marks, subscriptions) is lost, and newer stories come back with the next "
                 "refresh.")
                  .arg(date);
    } else {
        details += QLatin1String("\n\n") + tr("There is no backup of it.");
    }
    details += QLatin1Char(' ')
        + tr("Start New Cache begins an empty one. Either way the damaged file is kept beside it, renamed; "
             "nothing is deleted.");
    setInformativeText(details);
    if (!backup.isEmpty())
        m_restore = addButton(tr("Restore Backup"), QMessageBox::AcceptRole);
    m_startNew = addButton(tr("Start New Cache"), QMessageBox::DestructiveRole);
    QPushButton *leave = addButton(when == When::Opening ? tr("Quit") : tr("Later"), QMessageBox::RejectRole);
    setDefaultButton(m_restore ? m_restore : leave);
    setEscapeButton(leave);
}

DamagedCacheDialog::Choice DamagedCacheDialog::choice() const
{
    if (m_restore && clickedButton() == m_restore)
        return Choice::RestoreBackup;
    if (clickedButton() == m_startNew)
        return Choice::StartNew;
    return Choice::Leave;
}

bool DamagedCacheDialog::apply(const QString &cachePath, QString *error) const
{
    switch (choice()) {
    case Choice::RestoreBackup: {
        QString movedTo;
        return CacheBackup::restore(m_backup, cachePath, &movedTo, error);
    }
    case Choice::StartNew:
        return !CacheBackup::moveAside(cachePath, error).isEmpty();
    case Choice::Leave:
        return true;
    }
    return true;
}

} // namespace bulletin
