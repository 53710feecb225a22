#include "support/testhttpconnection.h"

#include "support/testhttpstate.h"

#include <QTcpSocket>
#include <QTimer>

#include <zlib.h>

namespace bulletin::test {

namespace {

constexpr qsizetype kMaxHeaderBytes = 64 * 1024;

// gzip framing (Content-Encoding: gzip) or zlib framing (Content-Encoding: deflate, which
// RFC 9110 defines as the zlib format).
QByteArray compress(const QByteArray &data, bool gzip)
{
    z_stream stream{};
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, gzip ? 15 + 16 : 15, 8,
                     Z_DEFAULT_STRATEGY)
        != Z_OK) {
        qFatal("deflateInit2 failed");
    }
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))) + 32, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int rc = deflate(&stream, Z_FINISH);
    deflateEnd(&stream);
    if (rc != Z_STREAM_END)
        qFatal("deflate failed: %d", rc);
    out.truncate(qsizetype(stream.total_out));
    return out;
}

bool hasHeader(const HeaderList &headers, const QByteArray &name)
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

TestHttpConnection::TestHttpConnection(QTcpSocket *socket, std::shared_ptr<TestHttpState> state,
                                       QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_state(std::move(state))
{
    m_id = m_state->openConnection();
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, &TestHttpConnection::readRequests);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] { deleteLater(); });
    readRequests();
}

TestHttpConnection::~TestHttpConnection()
{
    // A request whose response was withheld or cut short still ends here.
    if (m_busy)
        m_state->requestFinished();
}

void TestHttpConnection::readRequests()
{
    m_buffer += m_socket->readAll();
    while (!m_busy) {
        RecordedRequest request;
        if (!parseRequest(request))
            return;
        respond(request);
    }
}

bool TestHttpConnection::parseRequest(RecordedRequest &request)
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_buffer.size() > kMaxHeaderBytes)
            m_socket->abort();
        return false;
    }
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3) {
        m_socket->abort();
        return false;
    }
    request.method = requestLine.at(0);
    request.target = requestLine.at(1);
    request.path = request.target.left(
        request.target.indexOf('?') < 0 ? request.target.size() : request.target.indexOf('?'));
    request.connectionId = m_id;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    const qsizetype bodyLength = request.header("Content-Length").toLongLong();
    if (m_buffer.size() < end + 4 + bodyLength)
        return false;
    request.body = m_buffer.mid(end + 4, bodyLength);
    m_buffer.remove(0, end + 4 + bodyLength);
    return true;
}

void TestHttpConnection::respond(const RecordedRequest &request)
{
    m_busy = true;
    m_state->record(request);
    m_state->requestStarted();
    m_closeWhenDone = request.header("Connection").compare("close", Qt::CaseInsensitive) == 0;

    const TestResponse response = m_state->handlerFor(request.path)(request);
    if (response.neverRespond)
        return; // stays busy until the client gives up and closes the connection

    QByteArray body = response.body;
    if (response.encoding != TestResponse::Encoding::Identity)
        body = compress(body, response.encoding == TestResponse::Encoding::Gzip);

    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
        + (response.reason.isEmpty() ? standardReasonPhrase(response.status) : response.reason)
        + "\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    if (response.encoding == TestResponse::Encoding::Gzip)
        head += "Content-Encoding: gzip\r\n";
    else if (response.encoding == TestResponse::Encoding::Deflate)
        head += "Content-Encoding: deflate\r\n";
    if (response.chunked)
        head += "Transfer-Encoding: chunked\r\n";
    else if (!hasHeader(response.headers, "Content-Length"))
        head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    head += "\r\n";

    // Truncation cuts the bytes on the wire: in a chunked body it falls inside a chunk, after
    // its size line, as when a real server dies mid-write.
    m_truncate = response.closeAfterBodyBytes >= 0 && response.closeAfterBodyBytes < body.size();
    qint64 allowed = m_truncate ? response.closeAfterBodyBytes : body.size();

    m_pieces = {head};
    const qsizetype step = response.chunkSize > 0 ? response.chunkSize
                                                  : std::max<qsizetype>(1, body.size());
    for (qsizetype at = 0; at < body.size() && allowed > 0; at += step) {
        const QByteArray piece = body.mid(at, step);
        const QByteArray sent = piece.left(allowed);
        allowed -= sent.size();
        if (!response.chunked)
            m_pieces.append(sent);
        else if (sent.size() == piece.size())
            m_pieces.append(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
        else
            m_pieces.append(QByteArray::number(piece.size(), 16) + "\r\n" + sent);
    }
    if (response.chunked && !m_truncate)
        m_pieces.append("0\r\n\r\n");

    m_pieceDelayMs = response.delayBetweenChunksMs;
    if (response.delayBeforeHeadersMs > 0)
        QTimer::singleShot(response.delayBeforeHeadersMs, this,
                           &TestHttpConnection::writeNextPiece);
    else
        writeNextPiece();
}

void TestHttpConnection::writeNextPiece()
{
    // Without a delay everything goes out at once; with one, a piece per timer tick.
    do {
        if (m_pieces.isEmpty())
            break;
        m_socket->write(m_pieces.takeFirst());
        m_socket->flush();
    } while (m_pieceDelayMs <= 0);

    if (m_pieces.isEmpty())
        finishResponse();
    else
        QTimer::singleShot(m_pieceDelayMs, this, &TestHttpConnection::writeNextPiece);
}

void TestHttpConnection::finishResponse()
{
    m_busy = false;
    m_state->requestFinished();
    if (m_truncate) {
        QTimer::singleShot(100, m_socket, [socket = m_socket] { socket->disconnectFromHost(); });
        return;
    }
    if (m_closeWhenDone) {
        m_socket->disconnectFromHost();
        return;
    }
    // The client may already have sent its next request on this connection.
    QTimer::singleShot(0, this, &TestHttpConnection::readRequests);
}

} // namespace bulletin::test
