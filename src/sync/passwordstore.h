#pragma once

#include <QString>

#include <optional>

namespace bulletin {

// The passwords of sync accounts: in the desktop's keyring through QtKeychain (Secret
// Service, KWallet), under the service "Bulletin" and the key "account-<id>@<cache file>".
// Where no keyring answers (no session bus, no Secret Service: tests, CI, a bare window
// manager) a password is kept only with the user's consent, in a file of its own beside the
// cache (<cache>.passwords/account-<id>), readable by the user alone (0600, in a 0700
// folder). The window asks for that consent; the command line takes it and says so on
// stderr.
//
// Blocking (a keyring call waits for its answer, bounded by the keyring's own timeout);
// not thread-safe: use it on one thread at a time.
class PasswordStore final
{
public:
    explicit PasswordStore(const QString &cachePath);

    enum class FileConsent { Refused, Given };
    struct Stored
    {
        bool ok = false;
        bool inFile = false; // kept in the file, not in a keyring
        QString keyringError; // why the keyring did not take it (empty when it did)
        QString error; // why it was not kept at all (ok is false)
    };
    // Keeps the password: in the keyring, or (with consent) in the file.
    Stored store(qint64 accountId, const QString &password, FileConsent consent);
    // The password kept for the account; nullopt with *error in words when there is none.
    std::optional<QString> password(qint64 accountId, QString *error) const;
    // Forgets it, in the keyring and in the file.
    void remove(qint64 accountId);

    QString filePath(qint64 accountId) const;

private:
    QString key(qint64 accountId) const;

    QString m_cachePath;
};

} // namespace bulletin
