#include "gui/addaccountdialog.h"

#include "gui/dialogstatus.h"
#include "storage/cache.h"
#include "sync/accountkinds.h"
#include "sync/accountsetup.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

#include <memory>

namespace bulletin {

namespace {

// The kinds the dialog offers, by the name the user knows them by.
QString kindTitle(const QString &kind)
{
    if (kind == QLatin1String("ttrss"))
        return AddAccountDialog::tr("Tiny Tiny RSS");
    return kind;
}

} // namespace

AddAccountDialog::AddAccountDialog(Cache &cache, QWidget *parent)
    : QDialog(parent)
    , m_cache(cache)
    , m_kind(new QComboBox(this))
    , m_url(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add Account"));
    setAccessibleName(tr("Add a sync account"));
    m_kind->setObjectName(QStringLiteral("kind"));
    m_kind->setAccessibleName(tr("Kind of server"));
    for (const QString &kind : accountKinds())
        m_kind->addItem(kindTitle(kind), kind);
    m_url->setObjectName(QStringLiteral("address"));
    m_url->setPlaceholderText(tr("https://rss.example.org/tt-rss/"));
    m_url->setAccessibleName(tr("Server address"));
    m_user->setObjectName(QStringLiteral("user"));
    m_user->setAccessibleName(tr("User name"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add"));

    auto *hint = new QLabel(
        tr("Your subscriptions, read stories, bookmarks (starred) and their notes stay in "
           "step with the server, both ways. In Tiny Tiny RSS, turn on \u201cEnable API\u201d "
           "in Preferences first."),
        this);
    hint->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Server:"), m_url);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    resize(480, sizeHint().height());

    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddAccountDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *field : {m_url, m_user, m_password})
        connect(field, &QLineEdit::textChanged, this, &AddAccountDialog::updateOk);
    updateOk();
}

void AddAccountDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_busy && !m_url->text().trimmed().isEmpty()
                     && !m_user->text().trimmed().isEmpty() && !m_password->text().isEmpty());
}

void AddAccountDialog::setBusy(bool busy, const QString &message)
{
    m_busy = busy;
    for (QWidget *field : {static_cast<QWidget *>(m_kind), static_cast<QWidget *>(m_url),
                           static_cast<QWidget *>(m_user), static_cast<QWidget *>(m_password)})
        field->setEnabled(!busy);
    if (!message.isEmpty())
        showDialogProgress(m_status, message);
    updateOk();
}

void AddAccountDialog::showError(const QString &message)
{
    showDialogError(m_status, message);
}

void AddAccountDialog::start()
{
    QString error;
    const auto url = accountAddress(m_url->text().trimmed(), &error);
    if (!url) {
        showError(error);
        return;
    }
    setBusy(true, tr("Logging in to %1\u2026").arg(url->toDisplayString()));
    const NewAccount typed{m_kind->currentData().toString(), *url, m_user->text().trimmed(),
                           m_password->text()};
    // The login is a network round trip: on a thread of its own. The thread outlives a
    // dialog cancelled meanwhile and then answers no one.
    auto result = std::make_shared<RemoteError>();
    QThread *thread = QThread::create([typed, result] { *result = checkAccount(typed); });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    connect(thread, &QThread::finished, this, [this, result] { onChecked(*result); });
    thread->start();
}

void AddAccountDialog::onChecked(const RemoteError &error)
{
    setBusy(false);
    if (error) {
        showError(tr("Cannot log in: %1").arg(error.words));
        return;
    }
    keep();
}

void AddAccountDialog::keep()
{
    QString error;
    const NewAccount typed{m_kind->currentData().toString(),
                           *accountAddress(m_url->text().trimmed(), &error),
                           m_user->text().trimmed(), m_password->text()};
    KeptAccount kept = keepAccount(m_cache, typed, PasswordStore::FileConsent::Refused);
    if (kept.noKeyring) {
        // No keyring answered: the password is written to a file only if the user agrees.
        const auto answer = QMessageBox::question(
            this, tr("No Keyring"),
            tr("No keyring answered (%1).\n\nBulletin can keep the password in a file beside its "
               "cache that "
               "only you can read. Keep it there?")
                .arg(kept.stored.keyringError),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            showError(tr(
                "The account was not added: without a keyring, the password is kept in a file only "
                "with your consent."));
            return;
        }
        kept = keepAccount(m_cache, typed, PasswordStore::FileConsent::Given);
    }
    if (!kept.id) {
        showError(tr("The account was not added: %1").arg(kept.error));
        return;
    }
    m_accountId = kept.id;
    accept();
}

} // namespace bulletin
