#include "gui/accountactions.h"

#include "gui/addaccountdialog.h"
#include "gui/storycontroller.h"
#include "models/sidebarmodel.h"
#include "storage/accountstore.h"
#include "storage/cache.h"
#include "sync/accountsetup.h"
#include "sync/syncservice.h"

#include <QAction>
#include <QEventLoop>
#include <QLabel>
#include <QMessageBox>
#include <QTimer>

namespace bulletin {

AccountActions::AccountActions(Cache &cache, StoryController &controller, SyncService *sync,
                               QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_controller(controller)
    , m_sync(sync)
    , m_dialogParent(dialogParent)
{
    m_progress = new QLabel(dialogParent);
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setAccessibleName(tr("Sync progress"));
    m_progress->hide();
    m_add = new QAction(tr("Add &Account…"), this);
    m_add->setObjectName(QStringLiteral("addAccount"));
    m_add->setToolTip(
        tr("Sync with a Tiny Tiny RSS server: subscriptions, read stories, bookmarks and notes"));
    m_remove = new QAction(tr("Remove Acco&unt…"), this);
    m_remove->setObjectName(QStringLiteral("removeAccount"));
    m_remove->setToolTip(tr("Remove the selected sync account from Bulletin; its bookmarks stay"));
    connect(m_add, &QAction::triggered, this, &AccountActions::askToAdd);
    connect(m_remove, &QAction::triggered, this, &AccountActions::askToRemove);
    connect(&m_controller, &StoryController::filterChanged, this, &AccountActions::updateState);
    connect(&m_controller, &StoryController::storiesMarked, this, &AccountActions::onStoriesMarked);
    updateState();
    if (!m_sync)
        return;
    SyncService *service = m_sync.data();
    connect(service, &SyncService::syncStarted, this, &AccountActions::onSyncStarted);
    connect(service, &SyncService::syncFinished, this, &AccountActions::onSyncFinished);
    // The count of changes waiting is part of the account's tooltip.
    connect(service, &SyncService::pendingChanged, &m_controller, &StoryController::refreshSidebar);
    connect(service, &SyncService::sendFinished, m_progress, &QWidget::hide);
    connect(service, &SyncService::allFinished, this, [this] {
        m_progress->hide();
        emit storiesChanged();
    });
}

QWidget *AccountActions::progressWidget() const
{
    return m_progress;
}

QString AccountActions::accountName(qint64 accountId) const
{
    const SidebarModel *sidebar = m_controller.sidebarModel();
    const QString name
        = sidebar->indexFor({StoryFilter::Kind::Account, accountId}).data().toString();
    return name.isEmpty() ? tr("Account %1").arg(accountId) : name;
}

int AccountActions::pendingTotal() const
{
    int total = 0;
    for (const AccountRecord &account : m_cache.accounts().accounts())
        total += account.pending;
    return total;
}

void AccountActions::refreshAll()
{
    if (m_sync && !m_cache.accounts().accounts().isEmpty())
        m_sync->updateAndSync();
}

void AccountActions::refreshSelected()
{
    const StoryFilter source = m_controller.currentFilter();
    const qint64 account = m_controller.sidebarModel()->accountOf(source);
    if (!m_sync || account == 0)
        return;
    m_sync->updateAndSync(account, source.kind == StoryFilter::Kind::Feed ? source.id : 0);
    emit statusMessage(
        tr("%1: asking the server to fetch, then syncing\u2026").arg(accountName(account)));
}

void AccountActions::updateState()
{
    m_add->setEnabled(!m_sync.isNull());
    m_remove->setEnabled(m_controller.currentFilter().kind == StoryFilter::Kind::Account);
}

void AccountActions::askToAdd()
{
    AddAccountDialog dialog(m_cache, m_dialogParent);
    if (dialog.exec() == QDialog::Accepted && dialog.accountId())
        accountAdded(*dialog.accountId());
}

void AccountActions::accountAdded(qint64 accountId)
{
    m_controller.refreshSidebar();
    emit statusMessage(tr("Added %1; syncing it now.").arg(accountName(accountId)));
    if (m_sync)
        m_sync->syncAccount(accountId);
}

void AccountActions::askToRemove()
{
    const StoryFilter source = m_controller.currentFilter();
    if (source.kind != StoryFilter::Kind::Account)
        return;
    const auto answer = QMessageBox::question(
        m_dialogParent, tr("Remove Account"),
        tr("Remove the account %1 from Bulletin?\n\nIts feeds and stories leave this computer; "
           "your bookmarks "
           "of its stories stay, with their notes. Nothing changes on the server.")
            .arg(accountName(source.id)),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes)
        removeAccount(source.id);
}

bool AccountActions::removeAccount(qint64 accountId)
{
    const QString name = accountName(accountId);
    if (!beginRemoveAccount(m_cache, accountId)) {
        emit statusMessage(tr("Could not remove %1.").arg(name));
        return false;
    }
    // Gone from every list at once; its stories are deleted in steps on the sync's thread.
    const qint64 shown = m_controller.sidebarModel()->accountOf(m_controller.currentFilter());
    m_controller.refreshSidebar();
    if (shown == accountId)
        m_controller.showFilter({});
    emit storiesChanged();
    if (m_sync)
        m_sync->purgeRemoved();
    emit statusMessage(tr("Removed %1; its bookmarks stay.").arg(name));
    return true;
}

void AccountActions::setIntervalMinutes(int minutes)
{
    if (m_sync)
        m_sync->setIntervalMinutes(minutes);
}

void AccountActions::onStoriesMarked()
{
    // The cache queued the change with the mark itself (a trigger) when the story is an
    // account's. Whether one waits is the sync's thread's to find out, not a query here.
    if (m_sync)
        m_sync->changesMade();
}

void AccountActions::sendBeforeClose(std::chrono::milliseconds bound)
{
    if (!m_sync || pendingTotal() == 0)
        return;
    emit statusMessage(tr("Sending your changes to the server\u2026"));
    QEventLoop loop;
    QTimer::singleShot(bound, &loop, &QEventLoop::quit);
    connect(m_sync.data(), &SyncService::sendFinished, &loop, &QEventLoop::quit);
    // A sync that was running (or waiting) sends them too.
    connect(m_sync.data(), &SyncService::allFinished, &loop, [this, &loop] {
        if (pendingTotal() == 0)
            loop.quit();
    });
    m_sync->sendNow();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
}

void AccountActions::onSyncStarted(qint64 accountId)
{
    m_progress->setText(tr("Syncing %1\u2026").arg(accountName(accountId)));
    m_progress->show();
}

void AccountActions::onSyncFinished(const SyncReport &report)
{
    // The sync recorded the account's health in the cache; the node's tooltip and mark follow.
    m_controller.refreshSidebar();
    const QString name = accountName(report.accountId);
    if (!report.ok)
        emit statusMessage(tr("%1: sync failed: %2").arg(name, report.error.words));
    else if (report.pulled == 0 && report.pushed > 0)
        emit statusMessage(tr("%1: %n change(s) sent.", nullptr, report.pushed).arg(name));
    else if (report.pulled > 0 || report.pushed > 0)
        emit statusMessage(
            tr("%1: synced, %n change(s) from the server", nullptr, report.pulled).arg(name)
            + tr(", %n sent", nullptr, report.pushed));
    else
        emit statusMessage(tr("%1: synced, nothing new.").arg(name));
}

} // namespace bulletin
