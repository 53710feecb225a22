#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QTextStream>

namespace bulletin {

// What every command prints, in one place so that its lines come out in order: standard
// output goes through one stream, each error is one line on standard error.
// Main thread only (the command line has no other).

// Standard output. Lines ended with Qt::endl reach it at once; printJson() flushes.
QTextStream &out();

// "bulletin: <message>" on standard error; returns 1, the exit status of a failed command.
int fail(const QString &message);

// The object as indented JSON on standard output, flushed.
void printJson(const QJsonObject &object);

// A date as the lists print it, in local time ("2026-03-01 14:05"); dashes of the same
// width for a story without a date, so that the columns stay aligned.
QString shortDate(const QDateTime &time);

} // namespace bulletin
