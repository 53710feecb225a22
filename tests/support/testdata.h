#pragma once

#include <QByteArray>
#include <QFile>
#include <QRandomGenerator>
#include <QString>

namespace bulletin::test {

// The test's own data files: tests/<area>/data, which tests/CMakeLists.txt gives every test as
// BULLETIN_TEST_DATA. Header-only, so that a parser's test needs no library for it.

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
