#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QString>

namespace bulletin::test {

// The test's own data files: tests/<area>/data, which tests/CMakeLists.txt gives every test as
// BULLETIN_TEST_DATA (and the top of the source tree as BULLETIN_SOURCE_DIR). Header-only, so
// that a parser's test needs no library for it.

inline QString testDataPath(const QString &name)
{
    return QStringLiteral(BULLETIN_TEST_DATA "/") + name;
}

// The bytes of a data file. A missing file ends the test run at once with its name: every
// check after it would fail for a reason it does not say.
inline QByteArray readTestData(const QString &name)
{
    QFile file(testDataPath(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

// The bytes of a file elsewhere in the source tree, by its path from the top (the bundled
// sample, "resources/sample/..."; an input a fuzz target once failed on,
// "tests/fuzz/regressions/..."). A missing file ends the run as a missing data file does.
inline QByteArray readSourceFile(const QString &pathFromTop)
{
    QFile file(QStringLiteral(BULLETIN_SOURCE_DIR "/") + pathFromTop);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing source file %s", qPrintable(file.fileName()));
    return file.readAll();
}

// Golden files are rewritten only when BULLETIN_REGENERATE_GOLDEN=1 asks for it, after an
// intended change of the output they hold.
inline bool regeneratingGoldenFiles()
{
    return qEnvironmentVariableIntValue("BULLETIN_REGENERATE_GOLDEN") == 1;
}

// Rewrites a data file (a golden file, when regeneratingGoldenFiles()). A file that cannot
// be written ends the test run at once with its name.
inline void writeTestData(const QString &name, const QByteArray &bytes)
{
    QFile file(testDataPath(name));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        qFatal("cannot write test data %s", qPrintable(file.fileName()));
}

// A file's SHA-1, to tell whether it changed (a damaged cache that must only ever be read);
// empty when the file cannot be read.
inline QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha1);
}

// Letters a to z drawn by the generator: a text that compression cannot shrink much, for
// tests whose stories must fill pages or a disk although the cache stores texts compressed.
inline QByteArray lettersThatDoNotRepeat(qsizetype length, QRandomGenerator &generator)
{
    QByteArray text(length, Qt::Uninitialized);
    for (char &c : text)
        c = char('a' + generator.bounded(26));
    return text;
}

} // namespace bulletin::test
