#include "support/scratchmount.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

ScratchMount::ScratchMount(qint64 bytes)
{
    if (::geteuid() != 0) {
        m_skipReason = QStringLiteral("mounting a small file system needs root");
        return;
    }
    const QByteArray options = "size=" + QByteArray::number(bytes);
    if (::mount("tmpfs", QFile::encodeName(m_dir.path()).constData(), "tmpfs", 0,
                options.constData())
        != 0) {
        m_skipReason = QStringLiteral("cannot mount a tmpfs: %1")
                           .arg(QString::fromLocal8Bit(std::strerror(errno)));
        return;
    }
    m_mounted = true;
}

ScratchMount::~ScratchMount()
{
    if (m_mounted)
        ::umount2(QFile::encodeName(m_dir.path()).constData(), MNT_DETACH);
}

bool ScratchMount::setReadOnly(bool readOnly)
{
    const unsigned long flags = MS_REMOUNT | (readOnly ? MS_RDONLY : 0);
    return m_mounted
        && ::mount(nullptr, QFile::encodeName(m_dir.path()).constData(), nullptr, flags, nullptr)
        == 0;
}

bool ScratchMount::fill(qint64 leave)
{
    const QString path = m_dir.filePath(QStringLiteral(".filler"));
    QFile::remove(path);
    if (!m_mounted)
        return false;
    if (leave == 0)
        return true;
    struct statvfs fs = {};
    if (::statvfs(QFile::encodeName(m_dir.path()).constData(), &fs) != 0)
        return false;
    const qint64 free = qint64(fs.f_bavail) * qint64(fs.f_frsize);
    QFile filler(path);
    if (!filler.open(QIODevice::WriteOnly))
        return false;
    const QByteArray block(64 * 1024, 'f');
    for (qint64 left = free - leave; left > 0; left -= block.size()) {
        if (filler.write(block.constData(), qMin<qint64>(left, block.size())) < 0)
            return false;
    }
    return filler.flush();
}
