#include "gui/subscribedialog.h"

#include "gui/dialogstatus.h"
#include "sync/syncservice.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace bulletin {

QStringList splitFolderPath(const QString &path)
{
    QStringList parts;
    for (const QString &part : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            parts << trimmed;
    }
    return parts;
}

SubscribeDialog::SubscribeDialog(SubscriptionService &service, const QStringList &folderPaths,
                                 QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_url(new QLineEdit(this))
    , m_folder(new QComboBox(this))
    , m_title(new QLineEdit(this))
    , m_choiceLabel(new QLabel(this))
    , m_choices(new QListWidget(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_placeLabel(new QLabel(tr("Subscribe &in:"), this))
    , m_place(new QComboBox(this))
    , m_folderPaths(folderPaths)
{
    setWindowTitle(tr("Subscribe"));
    setAccessibleName(tr("Subscribe to a feed"));

    m_place->setObjectName(QStringLiteral("place"));
    m_place->setAccessibleName(tr("Where to subscribe"));
    m_place->addItem(tr("Local feeds (on this computer)"), qint64(0));
    m_placeLabel->setBuddy(m_place);
    m_url->setObjectName(QStringLiteral("address"));
    m_url->setPlaceholderText(tr("https://example.org/feed.xml or a web page"));
    m_url->setAccessibleName(tr("Feed or web page address"));
    m_url->setClearButtonEnabled(true);
    m_folder->setObjectName(QStringLiteral("folder"));
    m_folder->setEditable(true);
    m_folder->setAccessibleName(tr("Folder"));
    m_folder->addItem(QString());
    m_folder->addItems(folderPaths);
    // Top level unless the user chooses: a folder taken from the sidebar's selection went
    // unnoticed (a news feed ended up among the alerts).
    m_folder->setCurrentIndex(0);
    m_folder->lineEdit()->setPlaceholderText(tr("Top level, or a new folder such as News/Europe"));
    m_title->setObjectName(QStringLiteral("title"));
    m_title->setPlaceholderText(tr("The feed's own title"));
    m_title->setAccessibleName(tr("Title"));
    m_choiceLabel->setWordWrap(true);
    m_choiceLabel->setBuddy(m_choices);
    m_choices->setObjectName(QStringLiteral("feedChoices"));
    m_choices->setAccessibleName(tr("Feeds the page offers"));
    m_choices->setWordWrap(true);
    m_choices->setSelectionMode(QAbstractItemView::NoSelection);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Subscribe"));

    auto *hint = new QLabel(
        tr("Give the address of a feed (RSS, Atom, JSON Feed or CAP alerts), or "
           "of a web page that announces one."),
        this);
    hint->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(m_placeLabel, m_place);
    form->addRow(tr("&Address:"), m_url);
    form->addRow(tr("&Folder:"), m_folder);
    form->addRow(tr("&Title:"), m_title);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(form);
    layout->addWidget(m_choiceLabel);
    layout->addWidget(m_choices, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    m_placeLabel->hide();
    m_place->hide();
    m_choiceLabel->hide();
    m_choices->hide();
    m_status->hide();

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SubscribeDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_url, &QLineEdit::textChanged, this, &SubscribeDialog::addressEdited);
    connect(m_choices, &QListWidget::itemChanged, this, &SubscribeDialog::updateOk);
    connect(m_place, &QComboBox::currentIndexChanged, this, &SubscribeDialog::placeChosen);
    // Outcomes are only this dialog's business while it waits for one.
    connect(&m_service, &SubscriptionService::subscribed, this, [this](qint64 feedId) {
        if (m_busy && m_serverUrl.isEmpty())
            onSubscribed(feedId);
    });
    connect(&m_service, &SubscriptionService::subscribeFailed, this, [this](const QString &error) {
        if (m_busy && m_serverUrl.isEmpty())
            onFailed(error);
    });
    connect(&m_service, &SubscriptionService::feedChoiceNeeded, this,
            [this](const QUrl &pageUrl, const QList<DiscoveredFeed> &feeds) {
                if (m_busy && m_serverUrl.isEmpty())
                    onChoiceNeeded(pageUrl, feeds);
            });
    updateOk();
    resize(560, sizeHint().height());
}

void SubscribeDialog::setAccounts(SyncService &sync, const QList<Account> &accounts)
{
    if (accounts.isEmpty())
        return;
    m_sync = &sync;
    for (const Account &account : accounts) {
        m_place->addItem(account.name, account.id);
        m_accountFolders.insert(account.id, account.folders);
        m_place->setItemData(m_place->count() - 1,
                             tr("The server of %1 subscribes; every client of the account "
                                "gets the feed")
                                 .arg(account.name),
                             Qt::ToolTipRole);
    }
    connect(m_sync, &SyncService::feedChanged, this, [this](const FeedChange &change) {
        if (m_busy && !m_serverUrl.isEmpty())
            onFeedChanged(change);
    });
    m_placeLabel->show();
    m_place->show();
}

qint64 SubscribeDialog::chosenAccount() const
{
    return m_place->currentData().toLongLong();
}

void SubscribeDialog::placeChosen()
{
    // An account's folders are its server's categories: one of them, or the top level.
    const qint64 account = chosenAccount();
    m_folder->clear();
    m_folder->setEditable(account == 0);
    if (account == 0) {
        m_folder->addItem(QString());
        m_folder->addItems(m_folderPaths);
        m_folder->lineEdit()->setPlaceholderText(
            tr("Top level, or a new folder such as News/Europe"));
        m_title->setPlaceholderText(tr("The feed's own title"));
    } else {
        m_folder->addItem(tr("(top level)"), qint64(0));
        for (const auto &[id, name] : m_accountFolders.value(account))
            m_folder->addItem(name, id);
        m_title->clear();
        m_title->setPlaceholderText(tr("The server names the feed"));
    }
    m_folder->setCurrentIndex(0);
    m_title->setEnabled(!m_busy && account == 0);
    // A page's feeds were found by this computer; an account's server looks for itself.
    addressEdited();
}

void SubscribeDialog::setAddress(const QString &address)
{
    m_url->setText(address);
}

SubscriptionService::Request SubscribeDialog::request() const
{
    SubscriptionService::Request request;
    request.url = m_url->text().trimmed();
    request.folderPath = splitFolderPath(m_folder->currentText());
    request.title = m_title->text().trimmed();
    request.askWhenSeveral = true;
    return request;
}

int SubscribeDialog::checkedCount() const
{
    int checked = 0;
    for (int row = 0; row < m_choices->count(); ++row)
        checked += m_choices->item(row)->checkState() == Qt::Checked ? 1 : 0;
    return checked;
}

void SubscribeDialog::updateOk()
{
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    if (!m_choices->isHidden()) {
        const int checked = checkedCount();
        ok->setText(tr("&Subscribe (%1 Checked)").arg(checked));
        ok->setEnabled(!m_busy && checked > 0);
        return;
    }
    const QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
    const QString scheme = url.scheme();
    ok->setText(tr("&Subscribe"));
    ok->setEnabled(!m_busy && url.isValid() && !url.host().isEmpty()
                   && (scheme == QLatin1String("http") || scheme == QLatin1String("https")));
}

void SubscribeDialog::addressEdited()
{
    // A new address: the feeds of the last page no longer apply.
    if (!m_choices->isHidden()) {
        m_choices->clear();
        m_offered.clear();
        m_choices->hide();
        m_choiceLabel->hide();
    }
    m_status->hide();
    updateOk();
}

void SubscribeDialog::setBusy(bool busy, const QString &message)
{
    m_busy = busy;
    for (QWidget *field : {static_cast<QWidget *>(m_place), static_cast<QWidget *>(m_url),
                           static_cast<QWidget *>(m_folder), static_cast<QWidget *>(m_choices)})
        field->setEnabled(!busy);
    m_title->setEnabled(!busy && chosenAccount() == 0);
    if (!message.isEmpty())
        showDialogProgress(m_status, message);
    updateOk();
}

void SubscribeDialog::showError(const QString &message)
{
    showDialogError(m_status, message);
}

void SubscribeDialog::start()
{
    m_failures = 0;
    if (const qint64 account = chosenAccount(); account != 0 && m_sync) {
        m_current = -1;
        m_serverUrl = QUrl::fromUserInput(m_url->text().trimmed()).toString();
        setBusy(true,
                tr("Asking the server of %1 to subscribe to %2\u2026")
                    .arg(m_place->currentText(), m_serverUrl));
        m_sync->subscribe(account, m_serverUrl, m_folder->currentData().toLongLong());
        return;
    }
    if (m_choices->isHidden()) {
        m_current = -1;
        setBusy(true, tr("Looking at %1\u2026").arg(request().url));
        m_service.subscribe(request());
        return;
    }
    m_queue.clear();
    for (int row = 0; row < m_choices->count(); ++row) {
        if (m_choices->item(row)->checkState() == Qt::Checked)
            m_queue << row;
    }
    m_several = m_queue.size() > 1;
    subscribeNext();
}

void SubscribeDialog::subscribeNext()
{
    if (m_queue.isEmpty()) {
        setBusy(false);
        if (m_failures == 0) {
            accept();
            return;
        }
        showError(
            tr("%n feed(s) could not be subscribed; see the list above.", nullptr, m_failures));
        return;
    }
    m_current = m_queue.takeFirst();
    const DiscoveredFeed &feed = m_offered.at(m_current);
    SubscriptionService::Request next = request();
    next.url = feed.url.toString();
    next.askWhenSeveral = false;
    // A title typed by the user names one feed; several keep their own.
    if (m_several)
        next.title.clear();
    setBusy(true, tr("Subscribing to %1\u2026").arg(feed.label()));
    m_service.subscribe(next);
}

void SubscribeDialog::onSubscribed(qint64 feedId)
{
    m_subscribed << feedId;
    if (m_current < 0) {
        setBusy(false);
        accept();
        return;
    }
    QListWidgetItem *item = m_choices->item(m_current);
    item->setCheckState(Qt::Unchecked);
    item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    item->setText(item->text() + QLatin1Char('\n') + tr("Subscribed."));
    subscribeNext();
}

void SubscribeDialog::onFailed(const QString &error)
{
    if (m_current < 0) {
        // The address stays as typed, to be corrected and tried again.
        setBusy(false);
        showError(tr("Could not subscribe to %1: %2").arg(request().url, error));
        m_url->setFocus();
        m_url->selectAll();
        return;
    }
    ++m_failures;
    QListWidgetItem *item = m_choices->item(m_current);
    item->setText(item->text() + QLatin1Char('\n') + tr("Could not subscribe: %1").arg(error));
    subscribeNext();
}

void SubscribeDialog::onFeedChanged(const FeedChange &change)
{
    if (change.kind != FeedChange::Kind::Subscribe || change.url != m_serverUrl
        || change.accountId != chosenAccount())
        return;
    m_serverUrl.clear();
    if (change.error)
        onFailed(change.error.words);
    else
        onSubscribed(change.feedId);
}

void SubscribeDialog::onChoiceNeeded(const QUrl &pageUrl, const QList<DiscoveredFeed> &feeds)
{
    m_offered = feeds;
    m_choices->clear();
    {
        const QSignalBlocker blocker(m_choices);
        for (qsizetype i = 0; i < feeds.size(); ++i) {
            const DiscoveredFeed &feed = feeds.at(i);
            const QString format = feed.format.isEmpty() ? QString()
                                                         : QStringLiteral(" (%1)").arg(feed.format);
            auto *item = new QListWidgetItem(
                feed.label() + format + QLatin1Char('\n') + feed.url.toDisplayString(), m_choices);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(i == 0 ? Qt::Checked : Qt::Unchecked);
            item->setToolTip(feed.url.toDisplayString());
        }
    }
    m_choiceLabel->setText(tr("The page %1 offers these feeds. Check the ones to subscribe to:")
                               .arg(pageUrl.toDisplayString()));
    m_choiceLabel->show();
    m_choices->show();
    setBusy(false);
    m_status->hide();
    m_choices->setFocus();
    resize(width(), std::max(height(), sizeHint().height()));
}

} // namespace bulletin
