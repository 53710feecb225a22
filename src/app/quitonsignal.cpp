#include "app/quitonsignal.h"

#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace bulletin {

namespace {

// The socket pair: the handler writes to [0], the notifier reads [1].
int g_signalSockets[2] = {-1, -1};

constexpr int kSignals[] = {SIGTERM, SIGINT};

void onUnixSignal(int number)
{
    const char byte = char(number);
    // Nothing more is safe in a handler; the write cannot block for long (one byte).
    [[maybe_unused]] const ssize_t written = ::write(g_signalSockets[0], &byte, 1);
}

} // namespace

QuitOnSignal::QuitOnSignal(std::function<void()> quit, QObject *parent)
    : QObject(parent)
    , m_quit(std::move(quit))
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalSockets) != 0)
        return; // the signals keep their default action: the process ends on them
    m_notifier = new QSocketNotifier(g_signalSockets[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &QuitOnSignal::onSignal);
    struct sigaction action = {};
    action.sa_handler = onUnixSignal;
    sigemptyset(&action.sa_mask);
    // Once: a second signal ends the process, whatever the first one is waiting for.
    action.sa_flags = SA_RESTART | SA_RESETHAND;
    for (const int number : kSignals)
        ::sigaction(number, &action, nullptr);
}

QuitOnSignal::~QuitOnSignal()
{
    if (!m_notifier)
        return;
    for (const int number : kSignals)
        ::signal(number, SIG_DFL);
    ::close(g_signalSockets[0]);
    ::close(g_signalSockets[1]);
    g_signalSockets[0] = g_signalSockets[1] = -1;
}

void QuitOnSignal::onSignal()
{
    char byte = 0;
    [[maybe_unused]] const ssize_t read = ::read(g_signalSockets[1], &byte, 1);
    m_notifier->setEnabled(false);
    if (m_quit)
        m_quit();
}

} // namespace bulletin
