#pragma once

#include <QByteArray>
#include <QString>

namespace bulletin {

// Writes `bytes` to `path` whole or not at all: through QSaveFile, into a new file beside
// it that replaces the old one only once every byte is on disk. A full disk, a kill or an
// error on the way leaves the file that was there (an earlier export) as it was.
// On failure returns false and sets *error to the system's words. Any thread.
bool writeWholeFile(const QString &path, const QByteArray &bytes, QString *error);

} // namespace bulletin
