#pragma once

#include <QStringList>

namespace bulletin {

// The command line: `bulletin [--cache PATH] COMMAND ARGS...` (see docs/cli.md).
//
// This file pair is the dispatcher: the table of commands with the options each accepts, the
// checks every command gets (an unknown option, a value option without its value, a write to
// a read-only cache, all refused before anything runs) and the usage text. The commands live
// by what they work on: clireading (list, show, search, read), clibookmarks, cliadvisories,
// clifiles (parse, import, export-opml), clirefresh (subscribe, refresh) and cliaccount
// (accounts and sync); what they share is in cliargs, clicache, clioutput and clijson.
// Main thread only.

// Runs the command named by arguments[0] on the cache at cachePath. Returns the process exit
// status; on failure prints one clear line on stderr.
int runCli(const QString &cachePath, const QStringList &arguments);
// The --help text: every command and its options.
QString usageText();

} // namespace bulletin
