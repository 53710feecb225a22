#pragma once

#include <QObject>

#include <functional>

class QSocketNotifier;

namespace bulletin {

// Makes SIGTERM and SIGINT quit the window cleanly (the window saves its state, the cache
// is closed) instead of killing the process where it stands: a desktop session's logout
// and a Ctrl+C in the terminal ask it to quit.
//
// A signal handler may do almost nothing, so it only writes the signal's number to a socket
// pair; a QSocketNotifier on the other end runs `quit` on the GUI thread when the event loop
// next runs. The GUI thread never waits long (the reader lays out a bounded part of a story
// at a time), so that is soon. A second signal finds the default action in place again and
// ends the process at once, should the first one not have been enough.
//
// One instance, made on the GUI thread after the QApplication; when destroyed it puts the
// signals' default actions back.
class QuitOnSignal final : public QObject
{
    Q_OBJECT

public:
    // `quit` is what the signal does (e.g. close the main window and leave the event loop).
    explicit QuitOnSignal(std::function<void()> quit, QObject *parent = nullptr);
    ~QuitOnSignal() override;

private:
    void onSignal();

    std::function<void()> m_quit;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace bulletin
