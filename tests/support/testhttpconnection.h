#pragma once

#include "support/testhttpresponse.h"

#include <QByteArray>
#include <QList>
#include <QObject>

#include <memory>

class QTcpSocket;

namespace bulletin::test {

class TestHttpState;

// One accepted TCP connection of the test server: reads HTTP/1.1 requests one after another
// (keep-alive, no pipelining needed by QNetworkAccessManager) and writes each response with
// the behaviour it asks for. Lives on the server thread; deletes itself when the peer leaves.
class TestHttpConnection final : public QObject
{
public:
    TestHttpConnection(QTcpSocket *socket, std::shared_ptr<TestHttpState> state, QObject *parent);
    ~TestHttpConnection() override;

private:
    void readRequests();
    bool parseRequest(RecordedRequest &request);
    void respond(const RecordedRequest &request);
    void writeNextPiece();
    void finishResponse();

    QTcpSocket *m_socket;
    std::shared_ptr<TestHttpState> m_state;
    int m_id = 0;
    QByteArray m_buffer;
    bool m_busy = false; // a response is being written (or withheld)
    bool m_closeWhenDone = false;
    QList<QByteArray> m_pieces; // what is left to write of the current response
    int m_pieceDelayMs = 0;
    bool m_truncate = false; // hang up once m_pieces is written
};

} // namespace bulletin::test
