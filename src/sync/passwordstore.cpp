#include "sync/passwordstore.h"

#include <qt6keychain/keychain.h>

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace bulletin {

namespace {

constexpr auto kService = "Bulletin";

// Runs a keyring job to its end; QtKeychain answers through a signal.
void finish(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
}

} // namespace

PasswordStore::PasswordStore(const QString &cachePath)
    : m_cachePath(QFileInfo(cachePath).absoluteFilePath())
{
}

QString PasswordStore::key(qint64 accountId) const
{
    return QStringLiteral("account-%1@%2").arg(accountId).arg(m_cachePath);
}

QString PasswordStore::filePath(qint64 accountId) const
{
    return QStringLiteral("%1.passwords/account-%2").arg(m_cachePath).arg(accountId);
}

PasswordStore::Stored PasswordStore::store(qint64 accountId, const QString &password,
                                           FileConsent consent)
{
    Stored result;
    QKeychain::WritePasswordJob job{QLatin1String(kService)};
    job.setKey(key(accountId));
    job.setTextData(password);
    finish(job);
    if (job.error() == QKeychain::NoError) {
        QFile::remove(filePath(accountId));
        result.ok = true;
        return result;
    }
    result.keyringError = job.errorString().isEmpty() ? QStringLiteral("no keyring answered")
                                                      : job.errorString();
    if (consent == FileConsent::Refused) {
        result.error = QStringLiteral("no keyring took the password (%1)").arg(result.keyringError);
        return result;
    }
    const QString path = filePath(accountId);
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)
        || !QFile::setPermissions(
            folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
        result.error = QStringLiteral("cannot make the folder %1").arg(folder);
        return result;
    }
    QSaveFile file(path);
    // Readable by the user alone before a byte of the password is written.
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(password.toUtf8()) < 0 || !file.commit()) {
        result.error = QStringLiteral("cannot write %1").arg(path);
        return result;
    }
    result.ok = true;
    result.inFile = true;
    return result;
}

std::optional<QString> PasswordStore::password(qint64 accountId, QString *error) const
{
    QFile file(filePath(accountId));
    if (file.open(QIODevice::ReadOnly))
        return QString::fromUtf8(file.readAll());
    QKeychain::ReadPasswordJob job{QLatin1String(kService)};
    job.setKey(key(accountId));
    finish(job);
    if (job.error() == QKeychain::NoError)
        return job.textData();
    if (error)
        *error = job.error() == QKeychain::EntryNotFound
            ? QStringLiteral("no password is kept for account %1 (add the account again)")
                  .arg(accountId)
            : QStringLiteral("the keyring did not give the password of account %1 (%2)")
                  .arg(accountId)
                  .arg(job.errorString());
    return std::nullopt;
}

void PasswordStore::remove(qint64 accountId)
{
    QFile::remove(filePath(accountId));
    QKeychain::DeletePasswordJob job{QLatin1String(kService)};
    job.setKey(key(accountId));
    finish(job);
}

} // namespace bulletin
