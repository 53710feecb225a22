#pragma once

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

} // namespace bulletin
