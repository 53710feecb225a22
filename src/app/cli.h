#pragma once

#include <QStringList>

namespace bulletin {

// The command line: `bulletin [--cache PATH] COMMAND ARGS...` (see docs/cli.md).
// Returns the process exit status; on failure prints one clear line on stderr.
int runCli(const QString &cachePath, const QStringList &arguments);
QString usageText();

} // namespace bulletin
