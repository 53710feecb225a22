#include "gui/feedactions.h"

#include "gui/storycontroller.h"
#include "gui/subscribedialog.h"
#include "models/sidebarmodel.h"
#include "services/advisorysettings.h"
#include "services/feedpurger.h"
#include "services/refreshservice.h"
#include "storage/cache.h"
#include "sync/syncservice.h"

#include <QAction>
#include <QCollator>
#include <QHash>
#include <QInputDialog>
#include <QMessageBox>

#include <algorithm>

namespace bulletin {

namespace {

QString topLevelLabel()
{
    return FeedActions::tr("(top level)");
}

} // namespace

FeedActions::FeedActions(Cache &cache, StoryController &controller, RefreshService *refresh,
                         SubscriptionService *subscriptions, FeedPurger *purger, SyncService *sync,
                         QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_controller(controller)
    , m_refresh(refresh)
    , m_subscriptions(subscriptions)
    , m_purger(purger)
    , m_sync(sync)
    , m_dialogParent(dialogParent)
    , m_subscribe(new QAction(tr("&Subscribe\u2026"), this))
    , m_rename(new QAction(tr("Re&name\u2026"), this))
    , m_move(new QAction(tr("&Move to Folder\u2026"), this))
    , m_remove(new QAction(tr("&Unsubscribe\u2026"), this))
    , m_alertSource(new QAction(tr("Treat as &Alert Source"), this))
{
    m_subscribe->setShortcut(QKeySequence(tr("Ctrl+N")));
    m_subscribe->setToolTip(tr("Subscribe to a feed or to a web page's feed (Ctrl+N)"));
    m_subscribe->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    m_rename->setToolTip(tr("Rename the selected feed or folder"));
    m_move->setToolTip(tr("Move the selected feed to another folder"));
    m_remove->setToolTip(tr("Unsubscribe from the selected feed; its bookmarks are kept"));
    m_alertSource->setCheckable(true);
    m_alertSource->setToolTip(tr("Show every story of this feed as an advisory"));

    connect(m_subscribe, &QAction::triggered, this, &FeedActions::askToSubscribe);
    connect(m_rename, &QAction::triggered, this, &FeedActions::askToRename);
    connect(m_move, &QAction::triggered, this, &FeedActions::askToMove);
    connect(m_remove, &QAction::triggered, this, &FeedActions::askToRemove);
    connect(m_alertSource, &QAction::triggered, this, [this](bool checked) {
        const StoryFilter source = m_controller.currentFilter();
        if (source.kind == StoryFilter::Kind::Feed)
            setAlertSource(source.id, checked);
    });
    connect(&m_controller, &StoryController::filterChanged, this, &FeedActions::updateState);

    if (m_purger) {
        connect(m_purger, &FeedPurger::purged, this, [this](bool ok) {
            if (!ok)
                emit statusMessage(tr("Could not delete every story of an unsubscribed feed; "
                                      "Bulletin goes on with it when it next starts."));
            emit storiesChanged(); // the list and the sidebar's counts follow
        });
    }
    // A removal that a kill or a close cut short carries on.
    if (m_cache.feeds().hasRemovals())
        purgeRemoved();

    if (m_subscriptions) {
        connect(m_subscriptions, &SubscriptionService::subscribed, this,
                &FeedActions::onSubscribed);
        connect(m_subscriptions, &SubscriptionService::subscribeFailed, this,
                &FeedActions::onSubscribeFailed);
    }
    if (m_sync)
        connect(m_sync, &SyncService::feedChanged, this, &FeedActions::onFeedChanged);
    updateState();
}

void FeedActions::updateState()
{
    const StoryFilter source = m_controller.currentFilter();
    const bool feed = source.kind == StoryFilter::Kind::Feed;
    const bool folder = source.kind == StoryFilter::Kind::Folder;
    std::optional<FeedRecord> record;
    if (feed)
        record = m_cache.feeds().feed(source.id);
    const bool local = record && record->kind == QLatin1String("local");
    // An account's feeds and folders are its server's: its feeds are moved and unsubscribed
    // through it, never here alone (the next sync would undo it); they are not renamed, nor
    // its folders deleted. AccountActions refreshes them.
    const bool remote = m_controller.sidebarModel()->accountOf(source) != 0;
    const bool changeable = !remote || (feed && m_sync);

    m_subscribe->setEnabled(m_refresh && m_subscriptions);
    m_rename->setEnabled((feed || folder) && !remote);
    m_move->setEnabled(feed && changeable);
    m_alertSource->setEnabled(feed);
    m_alertSource->setChecked(record && record->alertSource);
    m_remove->setEnabled((feed || folder) && changeable);
    m_remove->setText(folder      ? tr("&Delete Folder\u2026")
                          : local ? tr("&Remove Source\u2026")
                                  : tr("&Unsubscribe\u2026"));
}

QString FeedActions::pathOfFolder(qint64 folderId) const
{
    QHash<qint64, FolderRecord> byId;
    for (const FolderRecord &folder : m_cache.feeds().folders())
        byId.insert(folder.id, folder);
    QStringList parts;
    QHash<qint64, bool> seen; // a cycle in the table must not loop forever
    for (qint64 id = folderId; id != 0 && byId.contains(id) && !seen.contains(id);
         id = byId.value(id).parentId) {
        seen.insert(id, true);
        parts.prepend(byId.value(id).name);
    }
    return parts.join(QLatin1Char('/'));
}

QStringList FeedActions::folderPaths() const
{
    QStringList paths;
    for (const FolderRecord &folder : m_cache.feeds().folders()) {
        if (folder.accountId == 0)
            paths << pathOfFolder(folder.id);
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(paths.begin(), paths.end(),
              [&](const QString &a, const QString &b) { return collator.compare(a, b) < 0; });
    paths.removeDuplicates();
    return paths;
}

QList<FolderRecord> FeedActions::accountFolders(qint64 accountId) const
{
    QList<FolderRecord> folders = m_cache.feeds().folders();
    folders.removeIf([accountId](const FolderRecord &f) { return f.accountId != accountId; });
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(folders.begin(), folders.end(), [&](const FolderRecord &a, const FolderRecord &b) {
        return collator.compare(a.name, b.name) < 0;
    });
    return folders;
}

qint64 FeedActions::accountOfFeed(qint64 feedId) const
{
    return m_controller.sidebarModel()->accountOf({StoryFilter::Kind::Feed, feedId});
}

QString FeedActions::accountName(qint64 accountId) const
{
    const QString name = m_controller.sidebarModel()
                             ->indexFor({StoryFilter::Kind::Account, accountId})
                             .data()
                             .toString();
    return name.isEmpty() ? tr("Account %1").arg(accountId) : name;
}

QString FeedActions::sourceName(const StoryFilter &source) const
{
    if (source.kind == StoryFilter::Kind::Feed) {
        if (const std::optional<FeedRecord> feed = m_cache.feeds().feed(source.id))
            return feed->title.isEmpty() ? feed->url : feed->title;
    } else if (source.kind == StoryFilter::Kind::Folder) {
        return pathOfFolder(source.id);
    }
    return {};
}

// --- subscribing ---------------------------------------------------------------------

void FeedActions::askToSubscribe()
{
    askToSubscribeTo({});
}

void FeedActions::askToSubscribeTo(const QString &address)
{
    if (!m_subscriptions)
        return;
    SubscribeDialog dialog(*m_subscriptions, folderPaths(), m_dialogParent);
    if (m_sync) {
        QList<SubscribeDialog::Account> accounts;
        for (const AccountRecord &account : m_cache.accounts().accounts()) {
            SubscribeDialog::Account place{account.id, accountName(account.id), {}};
            for (const FolderRecord &folder : accountFolders(account.id))
                place.folders.append({folder.id, folder.name});
            accounts << place;
        }
        dialog.setAccounts(*m_sync, accounts);
    }
    dialog.setAddress(address);
    dialog.exec();
}

void FeedActions::subscribe(const SubscriptionService::Request &request)
{
    if (!m_subscriptions) {
        emit subscribeFailed(tr("Subscribing needs network access."));
        return;
    }
    if (m_subscriptions->isBusy()) {
        emit statusMessage(tr("Still subscribing to %1; try again in a moment.")
                               .arg(m_subscriptions->requestedUrl()));
        return;
    }
    emit statusMessage(tr("Subscribing to %1\u2026").arg(request.url));
    m_subscriptions->subscribe(request);
}

void FeedActions::onSubscribed(qint64 feedId, const RefreshResult &result)
{
    const StoryFilter source{StoryFilter::Kind::Feed, feedId};
    emit statusMessage(
        tr("Subscribed to %1: %n story(ies).", nullptr, result.added + result.updated)
            .arg(sourceName(source)));
    emit storiesChanged();
    m_controller.showFilter(source);
    emit subscribed(feedId);
}

void FeedActions::onSubscribeFailed(const QString &error)
{
    // The Subscribe dialog shows it too, where the user is looking, while it is open.
    emit statusMessage(
        tr("Could not subscribe to %1: %2").arg(m_subscriptions->requestedUrl(), error));
    emit subscribeFailed(error);
}

void FeedActions::subscribeThroughAccount(qint64 accountId, const QString &url, qint64 folderId)
{
    if (!m_sync) {
        emit subscribeFailed(tr("Subscribing through an account needs network access."));
        return;
    }
    emit statusMessage(tr("%1: subscribing to %2\u2026").arg(accountName(accountId), url));
    m_sync->subscribe(accountId, url, folderId);
}

// --- an account's feeds, through its server -------------------------------------------

void FeedActions::onFeedChanged(const FeedChange &change)
{
    const QString account = accountName(change.accountId);
    QString name = m_changing.take(change.feedId);
    if (name.isEmpty())
        name = sourceName({StoryFilter::Kind::Feed, change.feedId});
    if (change.error) {
        // Nothing changed here: the server did not agree, or could not be asked.
        switch (change.kind) {
        case FeedChange::Kind::Subscribe:
            emit statusMessage(tr("%1: could not subscribe to %2: %3")
                                   .arg(account, change.url, change.error.words));
            emit subscribeFailed(change.error.words);
            break;
        case FeedChange::Kind::Unsubscribe:
            emit statusMessage(
                tr("Could not unsubscribe from %1: %2").arg(name, change.error.words));
            break;
        case FeedChange::Kind::Move:
            emit statusMessage(tr("Could not move %1: %2").arg(name, change.error.words));
            break;
        }
        emit feedChanged(change);
        return;
    }
    switch (change.kind) {
    case FeedChange::Kind::Subscribe: {
        const StoryFilter source{StoryFilter::Kind::Feed, change.feedId};
        m_controller.refreshSidebar();
        emit storiesChanged();
        emit statusMessage(tr("%1: subscribed to %2.").arg(account, sourceName(source)));
        m_controller.showFilter(source);
        emit subscribed(change.feedId);
        break;
    }
    case FeedChange::Kind::Unsubscribe:
        if (m_controller.currentFilter() == StoryFilter{StoryFilter::Kind::Feed, change.feedId})
            m_controller.showFilter({StoryFilter::Kind::All});
        m_controller.refreshSidebar();
        emit storiesChanged();
        emit statusMessage(
            tr("%1: unsubscribed from %2; its bookmarks are kept.").arg(account, name));
        break;
    case FeedChange::Kind::Move:
        m_controller.refreshSidebar();
        emit statusMessage(
            tr("%1: moved %2 to %3.")
                .arg(account, name,
                     change.folderId == 0 ? topLevelLabel() : pathOfFolder(change.folderId)));
        break;
    }
    updateState();
    emit feedChanged(change);
}

// --- managing ------------------------------------------------------------------------

bool FeedActions::rename(const StoryFilter &source, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return false;
    bool ok = false;
    if (source.kind == StoryFilter::Kind::Feed)
        ok = m_cache.feeds().rename(source.id, trimmed);
    else if (source.kind == StoryFilter::Kind::Folder)
        ok = m_cache.feeds().renameFolder(source.id, trimmed);
    emit statusMessage(ok ? tr("Renamed to %1.").arg(trimmed) : tr("Could not rename it."));
    if (ok) {
        m_controller.refreshSidebar();
        emit storiesChanged(); // the list shows source names
    }
    return ok;
}

bool FeedActions::moveFeed(qint64 feedId, const QStringList &folderPath)
{
    if (const qint64 account = accountOfFeed(feedId)) {
        const QString name = sourceName({StoryFilter::Kind::Feed, feedId});
        const QString folderName = folderPath.join(QLatin1Char('/'));
        qint64 folderId = 0;
        for (const FolderRecord &folder : accountFolders(account)) {
            if (folder.name == folderName)
                folderId = folder.id;
        }
        if (!m_sync || (!folderPath.isEmpty() && folderId == 0)) {
            emit statusMessage(
                !m_sync
                    ? tr("Could not move %1: the account cannot be reached from here.").arg(name)
                    : tr("Could not move %1: %2 is not a folder of %3.")
                          .arg(name, folderName, accountName(account)));
            return false;
        }
        m_changing.insert(feedId, name);
        emit statusMessage(tr("%1: moving %2 to %3\u2026")
                               .arg(accountName(account), name,
                                    folderPath.isEmpty() ? topLevelLabel() : folderName));
        m_sync->moveFeed(feedId, folderId);
        return true;
    }
    const qint64 folderId = m_cache.feeds().folderForPath(folderPath);
    const bool ok = (folderPath.isEmpty() || folderId != 0)
        && m_cache.feeds().moveToFolder(feedId, folderId);
    emit statusMessage(
        ok ? tr("Moved to %1.")
                 .arg(folderPath.isEmpty() ? topLevelLabel() : folderPath.join(QLatin1Char('/')))
           : tr("Could not move the feed."));
    if (ok)
        m_controller.refreshSidebar();
    return ok;
}

bool FeedActions::removeFeed(qint64 feedId)
{
    const QString name = sourceName({StoryFilter::Kind::Feed, feedId});
    if (const qint64 account = accountOfFeed(feedId)) {
        if (!m_sync) {
            emit statusMessage(
                tr("Could not unsubscribe from %1: the account cannot be reached from here.")
                    .arg(name));
            return false;
        }
        // The feed stays until the server agreed; then its stories leave with it.
        m_changing.insert(feedId, name);
        emit statusMessage(tr("%1: unsubscribing from %2\u2026").arg(accountName(account), name));
        m_sync->unsubscribe(feedId);
        return true;
    }
    const bool ok = m_cache.feeds().beginRemove(feedId);
    emit statusMessage(ok ? tr("Removed %1; its bookmarks are kept.").arg(name)
                          : tr("Could not remove %1.").arg(name));
    if (ok) {
        if (m_controller.currentFilter() == StoryFilter{StoryFilter::Kind::Feed, feedId})
            m_controller.showFilter({StoryFilter::Kind::All});
        m_controller.refreshSidebar(); // the feed leaves it now, its stories a little later
        purgeRemoved();
    }
    return ok;
}

void FeedActions::purgeRemoved()
{
    if (m_purger)
        m_purger->start();
}

bool FeedActions::removeFolder(qint64 folderId)
{
    const bool ok = m_cache.feeds().removeFolder(folderId);
    emit statusMessage(ok ? tr("Folder deleted; its feeds moved to the top level.")
                          : tr("Could not delete the folder."));
    if (ok) {
        if (m_controller.currentFilter() == StoryFilter{StoryFilter::Kind::Folder, folderId})
            m_controller.showFilter({StoryFilter::Kind::All});
        m_controller.refreshSidebar();
    }
    return ok;
}

bool FeedActions::setAlertSource(qint64 feedId, bool alertSource)
{
    const QString name = sourceName({StoryFilter::Kind::Feed, feedId});
    if (!m_cache.feeds().setAlertSource(feedId, alertSource)) {
        emit statusMessage(tr("Could not change %1.").arg(name));
        return false;
    }
    const RuleReapplyReport report = reapplyAdvisoryRules(m_cache);
    emit statusMessage(alertSource
                           ? tr("%1 is an alert source: its stories are advisories.").arg(name)
                           : tr("%1 is no longer an alert source.").arg(name));
    if (!report.error.isEmpty())
        emit statusMessage(report.error);
    updateState();
    emit storiesChanged();
    return true;
}

void FeedActions::askToRename()
{
    const StoryFilter source = m_controller.currentFilter();
    if (source.kind != StoryFilter::Kind::Feed && source.kind != StoryFilter::Kind::Folder)
        return;
    QString current = sourceName(source);
    if (source.kind == StoryFilter::Kind::Folder)
        current = current.section(QLatin1Char('/'), -1);
    bool ok = false;
    const QString name = QInputDialog::getText(m_dialogParent, tr("Rename"), tr("New name:"),
                                               QLineEdit::Normal, current, &ok);
    if (ok && !name.trimmed().isEmpty() && name.trimmed() != current)
        rename(source, name);
}

void FeedActions::askToMove()
{
    const StoryFilter source = m_controller.currentFilter();
    if (source.kind != StoryFilter::Kind::Feed)
        return;
    const std::optional<FeedRecord> feed = m_cache.feeds().feed(source.id);
    if (!feed)
        return;
    QStringList items{topLevelLabel()};
    const qint64 account = accountOfFeed(source.id);
    // An account's feed goes to one of its server's categories: no new one is made here.
    QString label;
    if (account != 0) {
        for (const FolderRecord &folder : accountFolders(account))
            items << folder.name;
        label = tr("Move %1 to a folder of %2:").arg(sourceName(source), accountName(account));
    } else {
        items << folderPaths();
        label = tr("Move %1 to (type a new path such as News/Europe to make it):")
                    .arg(sourceName(source));
    }
    const QString current = pathOfFolder(feed->folderId);
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        m_dialogParent, tr("Move to Folder"), label, items,
        current.isEmpty() ? 0 : std::max<qsizetype>(0, items.indexOf(current)), account == 0, &ok);
    if (!ok)
        return;
    if (account != 0)
        moveFeed(source.id, chosen == topLevelLabel() ? QStringList() : QStringList{chosen});
    else
        moveFeed(source.id, chosen == topLevelLabel() ? QStringList() : splitFolderPath(chosen));
}

void FeedActions::askToRemove()
{
    const StoryFilter source = m_controller.currentFilter();
    if (source.kind == StoryFilter::Kind::Folder) {
        const auto answer = QMessageBox::question(
            m_dialogParent, tr("Delete Folder"),
            tr("Delete the folder %1? Its feeds move to the top level; no story is removed.")
                .arg(sourceName(source)));
        if (answer == QMessageBox::Yes)
            removeFolder(source.id);
        return;
    }
    if (source.kind != StoryFilter::Kind::Feed)
        return;
    const std::optional<FeedRecord> feed = m_cache.feeds().feed(source.id);
    if (!feed)
        return;
    const qint64 account = accountOfFeed(source.id);
    const auto answer = QMessageBox::question(
        m_dialogParent, tr("Unsubscribe"),
        account != 0 ? tr("Unsubscribe from %1 on %2? The server stops fetching it for every "
                          "client; its %n story(ies) leave the cache; your bookmarks of them "
                          "are kept.",
                          nullptr, feed->total)
                           .arg(sourceName(source), accountName(account))
                     : tr("Unsubscribe from %1? Its %n story(ies) leave the "
                          "cache; your bookmarks of them are kept.",
                          nullptr, feed->total)
                           .arg(sourceName(source)));
    if (answer == QMessageBox::Yes)
        removeFeed(source.id);
}

} // namespace bulletin
