#pragma once

#include "cachegen.h"
#include "results.h"

#include <QString>
#include <QStringList>

namespace bench {

class FeedServer;

struct Setup
{
    QString bulletin; // path of the bulletin executable
    QString workDir; // scratch files
    int runs = 5;
    CacheInfo cache;
    FeedServer *server = nullptr;
    bool refresh = true; // false: --skip refresh also leaves out the in-process refresh
};

// Each adds its figures to `results`; a line of progress goes to stdout.
void measureCliRefresh(const Setup &setup, Results &results);
void measureNewsboat(const Setup &setup, Results &results);
void measureColdStart(const Setup &setup, Results &results);
void measureInProcess(const Setup &setup, Results &results);
void measureParsing(const Setup &setup, Results &results, int megabytes);
void measureImport(const Setup &setup, Results &results, int stories);
// Needs root and tt-rss (tools/ttrss); says why in its note otherwise.
void measureSync(const Setup &setup, Results &results);
void measureCoverage(const Setup &setup, Results &results);
// The cache's size per story and RSS Guard's for the same stories, and reading a story.
void measureDisk(const Setup &setup, Results &results);
// The window through 50 refreshes that bring new stories: memory, write-ahead log, file.
void measureSession(const Setup &setup, Results &results);

double msSince(qint64 startNs);
qint64 monotonicNs();
QTextStream &out();

} // namespace bench
