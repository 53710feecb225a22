#include "gui/opmlactions.h"

#include "core/wholefile.h"
#include "gui/storycontroller.h"
#include "services/refreshservice.h"
#include "storage/cache.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QStandardPaths>

namespace bulletin {

OpmlActions::OpmlActions(Cache &cache, StoryController &controller, RefreshService *refresh,
                         QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_controller(controller)
    , m_refresh(refresh)
    , m_dialogParent(dialogParent)
    , m_import(new QAction(tr("&Import Subscriptions (OPML)\u2026"), this))
    , m_export(new QAction(tr("E&xport Subscriptions (OPML)\u2026"), this))
{
    m_import->setToolTip(tr("Add the subscriptions listed in an OPML file"));
    m_export->setToolTip(tr("Save every subscription, with its folder, as an OPML file"));
    connect(m_import, &QAction::triggered, this, &OpmlActions::chooseFileToImport);
    connect(m_export, &QAction::triggered, this, &OpmlActions::chooseFileToExport);
}

OpmlService::ImportReport OpmlActions::importOpmlFile(const QString &path)
{
    OpmlService::ImportReport report;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        report.error
            = tr("cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    } else {
        report = OpmlService(m_cache).importOpml(file.readAll());
    }
    if (!report.error.isEmpty()) {
        emit statusMessage(tr("Nothing imported: %1").arg(report.error));
        return report;
    }
    QString message = tr("Imported %n subscription(s)", nullptr, report.added);
    if (report.alreadySubscribed)
        message += QStringLiteral("; ")
            + tr("%n already subscribed", nullptr, report.alreadySubscribed);
    if (!report.problems.isEmpty())
        message += QStringLiteral("; ")
            + tr("%n entry(ies) skipped", nullptr, int(report.problems.size()));
    emit statusMessage(message + QLatin1Char('.'));
    m_controller.refreshSidebar();
    return report;
}

bool OpmlActions::exportOpmlFile(const QString &path)
{
    QString error;
    const bool ok = writeWholeFile(path, OpmlService(m_cache).exportOpml(), &error);
    emit statusMessage(ok ? tr("Subscriptions saved to %1.").arg(QDir::toNativeSeparators(path))
                          : tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), error));
    return ok;
}

void OpmlActions::chooseFileToImport()
{
    const QString path = QFileDialog::getOpenFileName(
        m_dialogParent, tr("Import Subscriptions"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        tr("OPML files (*.opml *.xml);;All files (*)"));
    if (!path.isEmpty())
        importOpmlFileAndReport(path);
}

void OpmlActions::importOpmlFileAndReport(const QString &path)
{
    const OpmlService::ImportReport report = importOpmlFile(path);
    if (!report.error.isEmpty()) {
        QMessageBox::warning(m_dialogParent, tr("Import Subscriptions"),
                             tr("Nothing was imported.\n\n%1").arg(report.error));
    } else if (!report.problems.isEmpty()) {
        QMessageBox box(
            QMessageBox::Information, tr("Import Subscriptions"),
            tr("%n subscription(s) added; some entries were skipped.", nullptr, report.added),
            QMessageBox::Ok, m_dialogParent);
        box.setDetailedText(report.problems.join(QLatin1Char('\n')));
        box.exec();
    }
    if (report.added && m_refresh)
        m_refresh->refreshDue(); // the new subscriptions have never been fetched
}

void OpmlActions::chooseFileToExport()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(
        m_dialogParent, tr("Export Subscriptions"),
        QDir(dir).filePath(QStringLiteral("bulletin-subscriptions.opml")),
        tr("OPML files (*.opml)"));
    if (!path.isEmpty() && !exportOpmlFile(path))
        QMessageBox::warning(
            m_dialogParent, tr("Export Subscriptions"),
            tr("The subscriptions could not be saved to %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace bulletin
