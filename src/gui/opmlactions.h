#pragma once

#include "services/opmlservice.h"

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace bulletin {

class Cache;
class RefreshService;
class StoryController;

// File ▸ Import Subscriptions and Export Subscriptions (OPML). The file dialogs only choose
// the file; importOpmlFile and exportOpmlFile do the work (the tests call them) and say on
// the status bar what they did. An import adds only what is new (an address already
// subscribed is counted, an entry that cannot be read is skipped and listed) and the new
// subscriptions are fetched once a RefreshService is there to fetch them.
class OpmlActions final : public QObject
{
    Q_OBJECT

public:
    OpmlActions(Cache &cache, StoryController &controller, RefreshService *refresh,
                QWidget *dialogParent, QObject *parent = nullptr);

    QAction *importAction() const { return m_import; }
    QAction *exportAction() const { return m_export; }

    // Imports an OPML file as File ▸ Import Subscriptions does once the file is chosen: the
    // summary in the status bar, a box when nothing or not everything was imported, then a
    // refresh of the new subscriptions.
    void importOpmlFileAndReport(const QString &path);
    // The work behind the actions, without dialogs.
    OpmlService::ImportReport importOpmlFile(const QString &path);
    bool exportOpmlFile(const QString &path);

signals:
    void statusMessage(const QString &message);

private:
    void chooseFileToImport();
    void chooseFileToExport();

    Cache &m_cache;
    StoryController &m_controller;
    QPointer<RefreshService> m_refresh;
    QWidget *m_dialogParent = nullptr;
    QAction *m_import = nullptr;
    QAction *m_export = nullptr;
};

} // namespace bulletin
