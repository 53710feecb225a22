#include "storage/cachefile.h"

#include <QFile>
#include <QFileInfo>
#include <QtEndian>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace bulletin {

namespace {

constexpr char kMagic[] = "SQLite format 3"; // and a NUL: the first 16 bytes of every file
constexpr qint64 kHeaderSize = 100;
constexpr qint64 kWalHeaderSize = 32; // a log of no frames is this long

// Why access(2) refuses writing `path`, in words; empty when it allows it (or the path
// does not exist, which the caller decides about).
QString writeRefusal(const QString &path, const char *what)
{
    if (::access(QFile::encodeName(path).constData(), W_OK) == 0 || errno == ENOENT)
        return {};
    switch (errno) {
    case EROFS:
        return QStringLiteral("%1 is on a read-only file system").arg(QLatin1String(what));
    case EACCES:
    case EPERM:
        return QStringLiteral("%1 may not be written to").arg(QLatin1String(what));
    default:
        return QStringLiteral("%1 cannot be written to (%2)")
            .arg(QLatin1String(what), QString::fromLocal8Bit(std::strerror(errno)));
    }
}

// The database's length in bytes as its header gives it, or -1 when the header does not
// say (files last written by SQLite before 3.7.0 leave the field unset).
qint64 claimedLength(const QByteArray &header)
{
    const auto *bytes = reinterpret_cast<const uchar *>(header.constData());
    const quint16 rawPageSize = qFromBigEndian<quint16>(bytes + 16);
    const qint64 pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    const quint32 changeCounter = qFromBigEndian<quint32>(bytes + 24);
    const quint32 pages = qFromBigEndian<quint32>(bytes + 28);
    const quint32 validFor = qFromBigEndian<quint32>(bytes + 92);
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0 || pages == 0
        || validFor != changeCounter)
        return -1;
    return pageSize * pages;
}

} // namespace

CacheFile CacheFile::inspect(const QString &path)
{
    CacheFile file;
    file.m_path = path;
    const QFileInfo info(path);
    file.m_readOnlyReason = writeRefusal(info.absolutePath(), "its folder");
    if (!info.exists()) {
        file.m_state = State::Missing;
        return file;
    }
    if (!info.isFile()) {
        file.m_state = State::NotAFile;
        return file;
    }
    if (const QString refusal = writeRefusal(path, "it"); !refusal.isEmpty())
        file.m_readOnlyReason = refusal;
    QFile reading(path);
    if (!reading.open(QIODevice::ReadOnly)) {
        file.m_state = State::Unreadable;
        file.m_detail = reading.errorString();
        return file;
    }
    const qint64 length = reading.size();
    const QByteArray header = reading.read(kHeaderSize);
    // A write-ahead log beside the file holds pages the file has not had yet: a kill in the
    // middle of a checkpoint leaves the header (page 1) written with the new length before
    // the last pages, and SQLite reads them from the log on open. Only without a log is a
    // short file damage.
    const QFileInfo log(path + QStringLiteral("-wal"));
    const bool logHoldsPages = log.isFile() && log.size() > kWalHeaderSize;
    if (length == 0 && logHoldsPages) {
        file.m_state = State::Present;
    } else if (length == 0) {
        file.m_state = State::Empty;
    } else if (!header.startsWith(QByteArray(kMagic, sizeof kMagic)
                                      .left(qMin<qsizetype>(header.size(), sizeof kMagic)))) {
        file.m_state = State::NotSQLite;
    } else if (header.size() < kHeaderSize) {
        file.m_state = State::Truncated;
        file.m_detail = QStringLiteral("%1 bytes, less than SQLite's header").arg(length);
    } else if (const qint64 claimed = claimedLength(header); claimed > length && !logHoldsPages) {
        file.m_state = State::Truncated;
        file.m_detail = QStringLiteral("%1 of its %2 bytes").arg(length).arg(claimed);
    } else {
        file.m_state = State::Present;
    }
    return file;
}

bool CacheFile::isDamaged() const
{
    return m_state == State::Empty || m_state == State::NotSQLite || m_state == State::Truncated;
}

QString CacheFile::problem() const
{
    switch (m_state) {
    case State::Missing:
    case State::Present:
        return {};
    case State::Empty:
        return QStringLiteral(
                   "the cache %1 is empty (0 bytes): its data was lost, as when a copy is cut "
                   "short; it was left unchanged")
            .arg(m_path);
    case State::NotSQLite:
        return QStringLiteral(
                   "%1 is not a Bulletin cache: it is not an SQLite database (damaged, or "
                   "another program's file); it was left unchanged")
            .arg(m_path);
    case State::Truncated:
        return QStringLiteral(
                   "the cache %1 is cut short (%2), as when a copy is interrupted; it was "
                   "left unchanged")
            .arg(m_path, m_detail);
    case State::NotAFile:
        return QStringLiteral(
                   "%1 is not a file (a folder or a device); give the path of a cache file")
            .arg(m_path);
    case State::Unreadable:
        return QStringLiteral("cannot read the cache %1: %2").arg(m_path, m_detail);
    }
    return {};
}

} // namespace bulletin
