#include "gui/damagedcachedialog.h"

#include "core/wholefile.h"
#include "models/bookmarkexport.h"
#include "storage/bookmarksalvage.h"
#include "storage/cachebackup.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QStyle>

namespace bulletin {

DamagedCacheDialog::DamagedCacheDialog(const QString &cachePath, const QString &problem,
                                       const QString &backup, When when, QWidget *parent)
    : QDialog(parent)
    , m_cachePath(cachePath)
    , m_backup(backup)
    , m_exportStatus(new QLabel(this))
{
    setWindowTitle(tr("Damaged Cache"));

    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize));
    icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);

    auto *headline = new QLabel(tr("<b>Bulletin's cache is damaged.</b>"), this);
    QString details = problem.isEmpty()
        ? QString()
        : problem.at(0).toUpper() + problem.mid(1) + QLatin1Char('.');
    details += QLatin1String("\n\n")
        + tr("Export Bookmarks saves every bookmark that can still be read, from the "
             "damaged file and from the backup.");
    if (!backup.isEmpty()) {
        const QString date = QLocale().toString(QFileInfo(backup).lastModified(),
                                                QLocale::ShortFormat);
        details += QLatin1Char(' ')
            + tr("Restore Backup puts the copy of %1 in its place: what changed since then "
                 "(bookmarks, notes, "
                 "read marks, subscriptions) is lost, and newer stories come back with the next "
                 "refresh.")
                  .arg(date);
    } else {
        details += QLatin1Char(' ') + tr("There is no backup of it.");
    }
    details += QLatin1Char(' ')
        + tr("Start New Cache begins an empty one. Either way the damaged file is kept beside it, "
             "renamed; "
             "nothing is deleted.");
    auto *text = new QLabel(details, this);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exportStatus->setObjectName(QStringLiteral("exportStatus"));
    m_exportStatus->setWordWrap(true);
    m_exportStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exportStatus->hide();

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *exportButton = buttons->addButton(tr("Export Bookmarks…"),
                                                   QDialogButtonBox::ActionRole);
    connect(exportButton, &QPushButton::clicked, this, &DamagedCacheDialog::chooseExportFile);
    QPushButton *restore = nullptr;
    if (!backup.isEmpty()) {
        restore = buttons->addButton(tr("Restore Backup"), QDialogButtonBox::AcceptRole);
        connect(restore, &QPushButton::clicked, this, [this] { choose(Choice::RestoreBackup); });
    }
    QPushButton *startNew = buttons->addButton(tr("Start New Cache"),
                                               QDialogButtonBox::DestructiveRole);
    connect(startNew, &QPushButton::clicked, this, [this] { choose(Choice::StartNew); });
    QPushButton *leave = buttons->addButton(when == When::Opening ? tr("Quit") : tr("Later"),
                                            QDialogButtonBox::RejectRole);
    connect(leave, &QPushButton::clicked, this, &QDialog::reject);
    (restore ? restore : leave)->setDefault(true);

    auto *layout = new QGridLayout(this);
    layout->addWidget(icon, 0, 0, 3, 1);
    layout->addWidget(headline, 0, 1);
    layout->addWidget(text, 1, 1);
    layout->addWidget(m_exportStatus, 2, 1);
    layout->addWidget(buttons, 3, 0, 1, 2);
    layout->setColumnStretch(1, 1);
    layout->setHorizontalSpacing(16);
    text->setMinimumWidth(440);
}

void DamagedCacheDialog::choose(Choice choice)
{
    m_choice = choice;
    accept();
}

void DamagedCacheDialog::chooseExportFile()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Export Bookmarks"), QDir(dir).filePath(QStringLiteral("bulletin-bookmarks.html")),
        tr("Bookmarks file (*.html);;JSON (*.json)"));
    if (!file.isEmpty())
        exportBookmarks(file);
}

bool DamagedCacheDialog::exportBookmarks(const QString &file)
{
    const BookmarkSalvage::Result salvage = BookmarkSalvage::read(m_cachePath);
    const bool json = file.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    int skipped = 0;
    const QByteArray bytes = json ? bookmarksToJson(salvage.bookmarks)
                                  : bookmarksToNetscapeHtml(salvage.bookmarks, &skipped);
    QString error;
    const bool written = writeWholeFile(file, bytes, &error);
    QString status;
    if (!written) {
        status = tr("Could not export bookmarks to %1: %2.").arg(file, error);
    } else {
        status = tr("Exported %n bookmark(s) to %1.", nullptr,
                    int(salvage.bookmarks.size()) - skipped)
                     .arg(file);
        if (skipped > 0)
            status += QLatin1Char(' ')
                + tr("%n without a web link could not go in a browser file.", nullptr, skipped);
    }
    const QString summary = salvage.summary();
    status += QLatin1Char(' ') + summary.at(0).toUpper() + summary.mid(1) + QLatin1Char('.');
    m_exportStatus->setText(status);
    m_exportStatus->show();
    // Grown to hold the new lines rather than squeezing the ones above them.
    adjustSize();
    return written;
}

QString DamagedCacheDialog::exportStatus() const
{
    return m_exportStatus->text();
}

bool DamagedCacheDialog::apply(QString *error) const
{
    switch (m_choice) {
    case Choice::RestoreBackup: {
        QString movedTo;
        return CacheBackup::restore(m_backup, m_cachePath, &movedTo, error);
    }
    case Choice::StartNew:
        return !CacheBackup::moveAside(m_cachePath, error).isEmpty();
    case Choice::Leave:
        return true;
    }
    return true;
}

} // namespace bulletin
