#pragma once

#include <QString>
#include <QTemporaryDir>

// A size-limited tmpfs mounted on a fresh folder, for tests of a full disk and of a
// read-only file system: the real kernel's ENOSPC and EROFS, which permission bits cannot
// give a test running as root (as CI does). Mounting needs root (CAP_SYS_ADMIN); without
// it isMounted() is false and skipReason() says why, for QSKIP.
//
// Unmounted (lazily, so open files do not stop it) when destroyed. Test thread only.
class ScratchMount final
{
public:
    explicit ScratchMount(qint64 bytes);
    ~ScratchMount();
    ScratchMount(const ScratchMount &) = delete;
    ScratchMount &operator=(const ScratchMount &) = delete;

    bool isMounted() const { return m_mounted; }
    QString skipReason() const { return m_skipReason; }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    // Remounts the file system read-only (true) or read-write again (false).
    bool setReadOnly(bool readOnly);
    // Fills the free space but for about `leave` bytes, with a file that fill(0) removes.
    bool fill(qint64 leave);

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
    QString m_skipReason;
};
