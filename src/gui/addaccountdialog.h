#pragma once

#include "sync/remoteaccount.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace bulletin {

class Cache;

// File › Add Account…: the kind of server (Tiny Tiny RSS), its address, the user and the
// password. Add logs in first (on a thread of its own: the GUI thread never waits on the
// network) and keeps the account only once the server took the password; a wrong password,
// an unreachable server or the API turned off is shown in words in the dialog, which stays
// open with what was typed. The password goes to the desktop's keyring; where no keyring
// answers the dialog says so and keeps it in a file readable by the user alone only if the
// user agrees (see accountsetup.h, which `bulletin account add` shares). Closes accepted
// once the account is kept (accountId()). GUI thread only; the cache outlives the dialog.
class AddAccountDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AddAccountDialog(Cache &cache, QWidget *parent = nullptr);

    std::optional<qint64> accountId() const { return m_accountId; }

private:
    void start();
    void onChecked(const RemoteError &error);
    void keep();
    void setBusy(bool busy, const QString &message = {});
    void showError(const QString &message);
    void updateOk();

    Cache &m_cache;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_busy = false;
    std::optional<qint64> m_accountId;
};

} // namespace bulletin
