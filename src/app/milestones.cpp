#include "app/milestones.h"

#include "gui/mainwindow.h"
#include "gui/storylistview.h"

#include <QAbstractEventDispatcher>
#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>

#include <ctime>
#include <unistd.h>

namespace bulletin {

namespace {

qint64 clockNs(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// Milliseconds since this process started, from its start time in /proc/self/stat (clock
// ticks after boot) and CLOCK_BOOTTIME. -1 when /proc cannot be read.
double msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // The command name (field 2) may hold spaces; fields are counted after its ')'.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startTicks = fields.at(19).toDouble(); // field 22 of the whole line
    const double ticksPerSecond = double(sysconf(_SC_CLK_TCK));
    return double(clockNs(CLOCK_BOOTTIME)) / 1e6 - startTicks * 1000.0 / ticksPerSecond;
}

// VmHWM and VmRSS of this process in KiB.
void addMemory(QJsonObject &object)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return;
    for (const QByteArray &line : status.readAll().split('\n')) {
        for (const char *key : {"VmHWM:", "VmRSS:"}) {
            if (line.startsWith(key)) {
                const QByteArray value = line.mid(int(qstrlen(key))).trimmed().split(' ').value(0);
                const QString name = QString::fromLatin1(key).chopped(1).toLower()
                    + QStringLiteral("_kib");
                object.insert(name, value.toLongLong());
            }
        }
    }
}

class MilestoneRecorder final : public QObject
{
public:
    MilestoneRecorder(MainWindow &window, const QString &path, bool quitWhenIdle)
        : QObject(&window)
        , m_path(path)
        , m_quitWhenIdle(quitWhenIdle)
        , m_list(window.storyView())
    {
        record(QStringLiteral("window-shown"));
        if (m_list)
            m_list->viewport()->installEventFilter(this);
        if (QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance())
            connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this,
                    &MilestoneRecorder::onAboutToBlock);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_paintSeen && m_list
            && watched == m_list->viewport()) {
            m_paintSeen = true;
            // Recorded once this paint has been handled (and flushed with its window).
            QTimer::singleShot(0, this, [this] {
                QJsonObject extra;
                extra.insert(QStringLiteral("rows"),
                             m_list && m_list->model() ? m_list->model()->rowCount() : 0);
                record(QStringLiteral("story-list-painted"), extra);
                m_painted = true;
            });
        }
        return false;
    }

private:
    void onAboutToBlock()
    {
        if (!m_painted || m_idle)
            return;
        m_idle = true;
        QJsonObject extra;
        addMemory(extra);
        record(QStringLiteral("idle"), extra);
        if (m_quitWhenIdle)
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
    }

    void record(const QString &name, QJsonObject object = {})
    {
        object.insert(QStringLiteral("milestone"), name);
        object.insert(QStringLiteral("monotonic_ns"), clockNs(CLOCK_MONOTONIC));
        object.insert(QStringLiteral("since_start_ms"), msSinceProcessStart());
        QFile file(m_path);
        if (file.open(QIODevice::WriteOnly | QIODevice::Append))
            file.write(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
    }

    QString m_path;
    bool m_quitWhenIdle = false;
    QPointer<QAbstractItemView> m_list;
    bool m_paintSeen = false;
    bool m_painted = false;
    bool m_idle = false;
};

} // namespace

void watchMilestones(MainWindow &window)
{
    const QString path = qEnvironmentVariable("BULLETIN_MILESTONES");
    if (path.isEmpty())
        return;
    new MilestoneRecorder(window, path,
                          qEnvironmentVariableIntValue("BULLETIN_QUIT_WHEN_IDLE") == 1);
}

} // namespace bulletin
