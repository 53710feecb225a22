#pragma once

#include "services/subscriptionservice.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

#include <utility>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace bulletin {

class SyncService;
struct FeedChange;

// Asks for a subscription and makes it: the address of a feed or of a web page that
// announces one, the folder (top level unless the user picks one; an existing path or a new
// one, "News/Europe") and an optional title. The dialog stays open while the service works,
// so that nothing the user typed is lost: an error is shown in it with the address still
// there to correct, and a page that announces several feeds lists them by the titles the
// page gives, for the user to check one or more. It closes once every chosen feed is
// subscribed (the window hears of each from the service). Cancel leaves a subscription in
// progress to finish on its own. GUI thread only; the service must outlive the dialog.
//
// With sync accounts (setAccounts) it first asks where to subscribe: the local feeds, or an
// account, whose server then subscribes (SyncService::subscribe) into one of the account's
// folders (its categories; none is made here) under the server's own title for the feed.
class SubscribeDialog final : public QDialog
{
    Q_OBJECT

public:
    SubscribeDialog(SubscriptionService &service, const QStringList &folderPaths,
                    QWidget *parent = nullptr);

    // A sync account the dialog offers, with its folders (id, name).
    struct Account
    {
        qint64 id = 0;
        QString name;
        QList<std::pair<qint64, QString>> folders;
    };
    // Offers the accounts besides the local feeds (the local feeds stay the default).
    void setAccounts(SyncService &sync, const QList<Account> &accounts);
    // The account chosen; 0 for the local feeds.
    qint64 chosenAccount() const;

    // Fills in the address (a dropped link), for the user to check and confirm.
    void setAddress(const QString &address);
    // What the address, folder and title fields ask for (a page's feeds not chosen yet).
    SubscriptionService::Request request() const;
    // The feeds subscribed while the dialog was open, in order.
    QList<qint64> subscribedFeeds() const { return m_subscribed; }

private:
    void start();
    void subscribeNext();
    void onSubscribed(qint64 feedId);
    void onFailed(const QString &error);
    void onChoiceNeeded(const QUrl &pageUrl, const QList<DiscoveredFeed> &feeds);
    void onFeedChanged(const FeedChange &change);
    void placeChosen();
    void addressEdited();
    void updateOk();
    void setBusy(bool busy, const QString &message = {});
    void showError(const QString &message);
    int checkedCount() const;

    SubscriptionService &m_service;
    QLineEdit *m_url = nullptr;
    QComboBox *m_folder = nullptr;
    QLineEdit *m_title = nullptr;
    QLabel *m_choiceLabel = nullptr;
    QListWidget *m_choices = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    // Where to subscribe: made after the fields above, which keep their order among the
    // dialog's children.
    QLabel *m_placeLabel = nullptr;
    QComboBox *m_place = nullptr;
    QList<DiscoveredFeed> m_offered; // the page's feeds, as listed
    QList<int> m_queue; // rows of m_choices still to subscribe
    int m_current = -1; // the row being subscribed; -1 for the address itself
    int m_failures = 0;
    bool m_several = false; // more than one feed chosen: the typed title is not used
    bool m_busy = false;
    QList<qint64> m_subscribed;
    QStringList m_folderPaths; // the local feeds' folders
    QPointer<SyncService> m_sync;
    QHash<qint64, QList<std::pair<qint64, QString>>> m_accountFolders; // by account id
    QString m_serverUrl; // the address an account's server is asked to subscribe to
};

// "News/Europe" as {"News", "Europe"}, empty parts dropped.
QStringList splitFolderPath(const QString &path);

} // namespace bulletin
