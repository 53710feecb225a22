#include "storage/accountstore.h"
#include "storage/cache.h"
#include "support/ttrssserver.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace bulletin;
using namespace bulletin::test;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

} // namespace

// The real `bulletin` against the real server: the account commands, their JSON and
// errors, and kills of `bulletin sync` at random moments.
class tst_CliSync final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void accountsSyncAndReadSpeakJson();
    void aWrongPasswordIsRefusedInWords();
    void refreshOfAnAccountsFeedAsksItsServer();
    void removingTheAccountKeepsItsBookmarks();
    void aServerGoingDownMidSyncLosesNothing();
    void killsDuringSyncLoseNoChange();

private:
    Run bulletin(const QStringList &arguments, const QByteArray &input = {},
                 int timeoutMs = 120000) const;
    // Adds a user of its own with a feed of `items` stories the server has fetched, and the
    // account for it in a fresh cache; returns the account id.
    qint64 addAccount(const QString &prefix, int items);
    std::unique_ptr<Cache> openCache() const;

    std::optional<TtrssServer> m_server;
    QString m_skip;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_user;
    std::unique_ptr<TtrssApiClient> m_other;
};

void tst_CliSync::initTestCase()
{
    m_server = TtrssServer::open(&m_skip);
}

void tst_CliSync::init()
{
    if (!m_server)
        QSKIP(qPrintable(m_skip));
    m_dir = std::make_unique<QTemporaryDir>();
}

Run tst_CliSync::bulletin(const QStringList &arguments, const QByteArray &input,
                          int timeoutMs) const
{
    QProcess process;
    process.start(
        QStringLiteral(BULLETIN_EXECUTABLE),
        QStringList{QStringLiteral("--cache"), m_dir->filePath(QStringLiteral("cache.sqlite"))}
            + arguments);
    process.write(input);
    process.closeWriteChannel();
    Run run;
    if (!process.waitForFinished(timeoutMs))
        process.kill();
    process.waitForFinished();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

std::unique_ptr<Cache> tst_CliSync::openCache() const
{
    QString error;
    return Cache::open(m_dir->filePath(QStringLiteral("cache.sqlite")), &error);
}

qint64 tst_CliSync::addAccount(const QString &prefix, int items)
{
    m_user = m_server->addUser(prefix);
    m_other = std::make_unique<TtrssApiClient>(m_server->baseUrl(), m_user,
                                               TtrssServer::password());
    if (m_other->subscribeAndFetch(m_server->writeFeed(m_user + QStringLiteral("-a"), items)) <= 0)
        return 0;
    const Run add = bulletin({QStringLiteral("account"), QStringLiteral("add"),
                              QStringLiteral("ttrss"), m_server->baseUrl(),
                              QStringLiteral("--user"), m_user, QStringLiteral("--password-stdin"),
                              QStringLiteral("--json")},
                             TtrssServer::password().toUtf8() + "\n");
    if (add.exitCode != 0)
        qWarning() << add.err;
    return add.json()
        .value(QStringLiteral("account"))
        .toObject()
        .value(QStringLiteral("id"))
        .toInteger();
}

void tst_CliSync::accountsSyncAndReadSpeakJson()
{
    const qint64 id = addAccount(QStringLiteral("clijson"), 3);
    QVERIFY(id > 0);
    // No keyring answers here: the password is in a file of the user's alone, and stderr said so.
    const QString passwordFile = m_dir->filePath(
        QStringLiteral("cache.sqlite.passwords/account-%1").arg(id));
    if (QFileInfo::exists(passwordFile))
        QCOMPARE(QFileInfo(passwordFile).permissions() & 0x0077, QFileDevice::Permissions());

    Run run = bulletin({QStringLiteral("accounts"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    QJsonObject account = run.json().value(QStringLiteral("accounts")).toArray().first().toObject();
    QCOMPARE(account.value(QStringLiteral("id")).toInteger(), id);
    QCOMPARE(account.value(QStringLiteral("kind")).toString(), QStringLiteral("ttrss"));
    QCOMPARE(account.value(QStringLiteral("url")).toString(), m_server->baseUrl());
    QCOMPARE(account.value(QStringLiteral("user")).toString(), m_user);
    QVERIFY(account.value(QStringLiteral("last_sync")).isNull());
    QVERIFY(account.value(QStringLiteral("error")).isNull());
    QCOMPARE(account.value(QStringLiteral("pending")).toInt(), 0);

    run = bulletin({QStringLiteral("sync"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject result
        = run.json().value(QStringLiteral("accounts")).toArray().first().toObject();
    QCOMPARE(result.value(QStringLiteral("id")).toInteger(), id);
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(result.value(QStringLiteral("pulled")).toInt(), 3);
    QCOMPARE(result.value(QStringLiteral("pushed")).toInt(), 0);
    QVERIFY(result.value(QStringLiteral("error")).isNull());
    QVERIFY(run.json()
                .value(QStringLiteral("timing"))
                .toObject()
                .value(QStringLiteral("ms"))
                .toInteger()
            >= 0);

    run = bulletin({QStringLiteral("list"), QStringLiteral("--json")});
    const QJsonArray stories = run.json().value(QStringLiteral("stories")).toArray();
    QCOMPARE(stories.size(), 3);
    const QJsonObject story = stories.first().toObject();
    QCOMPARE(story.value(QStringLiteral("account_id")).toInteger(), id);
    const QString storyId = QString::number(story.value(QStringLiteral("id")).toInteger());

    QCOMPARE(bulletin({QStringLiteral("read"), storyId}).exitCode, 0);
    account = bulletin({QStringLiteral("accounts"), QStringLiteral("--json")})
                  .json()
                  .value(QStringLiteral("accounts"))
                  .toArray()
                  .first()
                  .toObject();
    QCOMPARE(account.value(QStringLiteral("pending")).toInt(), 1);
    QVERIFY(!account.value(QStringLiteral("last_sync")).isNull());

    run = bulletin({QStringLiteral("sync"), QStringLiteral("--account"), QString::number(id),
                    QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.json()
                 .value(QStringLiteral("accounts"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("pushed"))
                 .toInt(),
             1);
    QCOMPARE(m_other->headlines(-4, QStringLiteral("unread")).size(), 2);

    run = bulletin({QStringLiteral("read"), QStringLiteral("999999")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err.trimmed(), QByteArray("bulletin: no story with id 999999 in the cache"));
    run = bulletin({QStringLiteral("sync"), QStringLiteral("--account"), QStringLiteral("42")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err.trimmed(), QByteArray("bulletin: no account with id 42"));
}

void tst_CliSync::aWrongPasswordIsRefusedInWords()
{
    const QString user = m_server->addUser(QStringLiteral("cliwrong"));
    Run run = bulletin({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("ttrss"),
                        m_server->baseUrl(), QStringLiteral("--user"), user,
                        QStringLiteral("--password-stdin")},
                       "not the password\n");
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(QString::fromUtf8(run.err.trimmed()),
             QStringLiteral(
                 "bulletin: cannot log in to %1: the server refused the user name or password")
                 .arg(m_server->baseUrl()));
    run = bulletin({QStringLiteral("accounts"), QStringLiteral("--json")});
    QCOMPARE(run.json().value(QStringLiteral("accounts")).toArray().size(), 0);

    run = bulletin({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("ttrss"),
                    QStringLiteral("ftp://x/"), QStringLiteral("--user"), user,
                    QStringLiteral("--password-stdin")},
                   "x\n");
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err.trimmed(),
             QByteArray("bulletin: the server address must be an absolute http or https address, "
                        "not \"ftp://x/\""));
}

void tst_CliSync::refreshOfAnAccountsFeedAsksItsServer()
{
    const qint64 id = addAccount(QStringLiteral("clirefresh"), 2);
    QVERIFY(id > 0);
    QCOMPARE(bulletin({QStringLiteral("sync")}).exitCode, 0);
    auto cache = openCache();
    QCOMPARE(cache->articles().count({}), 2);
    const QList<AccountFeed> feeds
        = AccountStore(cache->database().connection()).feeds(id).values();
    QCOMPARE(feeds.size(), 1);
    const QString feedId = QString::number(feeds.first().feedId);

    // The publisher adds three stories; the server has not fetched them yet, so a plain sync
    // finds nothing new. Refreshing the feed asks the server to fetch it first.
    m_server->writeFeed(m_user + QStringLiteral("-a"), 5);
    QCOMPARE(bulletin({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(cache->articles().count({}), 2);
    const Run refresh = bulletin({QStringLiteral("refresh"), QStringLiteral("--feed"), feedId});
    QVERIFY2(refresh.exitCode == 0, refresh.err.constData());
    QVERIFY2(
        refresh.out.contains(
            QStringLiteral("feed %1 is fetched by the server of account %2: it fetched the feed, "
                           "then the account synced")
                .arg(feedId)
                .arg(id)
                .toUtf8()),
        refresh.out.constData());
    QCOMPARE(cache->articles().count({}), 5);

    // The JSON is the sync's, of that account alone.
    m_server->writeFeed(m_user + QStringLiteral("-a"), 6);
    const Run json = bulletin(
        {QStringLiteral("refresh"), QStringLiteral("--feed"), feedId, QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    const QJsonArray accounts = json.json().value(QStringLiteral("accounts")).toArray();
    QCOMPARE(accounts.size(), 1);
    QCOMPARE(accounts.first().toObject().value(QStringLiteral("id")).toInteger(), id);
    QCOMPARE(accounts.first().toObject().value(QStringLiteral("status")).toString(),
             QStringLiteral("ok"));
    QCOMPARE(cache->articles().count({}), 6);
}

void tst_CliSync::removingTheAccountKeepsItsBookmarks()
{
    const qint64 id = addAccount(QStringLiteral("cliremove"), 3);
    QVERIFY(id > 0);
    QCOMPARE(bulletin({QStringLiteral("sync")}).exitCode, 0);
    const QJsonArray stories = bulletin({QStringLiteral("list"), QStringLiteral("--json")})
                                   .json()
                                   .value(QStringLiteral("stories"))
                                   .toArray();
    const QString storyId = QString::number(
        stories.first().toObject().value(QStringLiteral("id")).toInteger());
    QCOMPARE(bulletin({QStringLiteral("bookmark"), storyId, QStringLiteral("--note"),
                       QStringLiteral("mine")})
                 .exitCode,
             0);

    const Run run = bulletin(
        {QStringLiteral("account"), QStringLiteral("remove"), QString::number(id)});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(bulletin({QStringLiteral("list"), QStringLiteral("--json")})
                 .json()
                 .value(QStringLiteral("stories"))
                 .toArray()
                 .size(),
             0);
    const QJsonArray bookmarks = bulletin({QStringLiteral("bookmarks"), QStringLiteral("--json")})
                                     .json()
                                     .value(QStringLiteral("bookmarks"))
                                     .toArray();
    QCOMPARE(bookmarks.size(), 1);
    QCOMPARE(bookmarks.first().toObject().value(QStringLiteral("note")).toString(),
             QStringLiteral("mine"));
    QCOMPARE(bookmarks.first().toObject().value(QStringLiteral("title")).toString(),
             stories.first().toObject().value(QStringLiteral("title")).toString());
    QVERIFY(bookmarks.first().toObject().value(QStringLiteral("account_id")).isNull());
    QCOMPARE(bulletin({QStringLiteral("accounts"), QStringLiteral("--json")})
                 .json()
                 .value(QStringLiteral("accounts"))
                 .toArray()
                 .size(),
             0);
    QVERIFY(!QFileInfo::exists(
        m_dir->filePath(QStringLiteral("cache.sqlite.passwords/account-%1").arg(id))));
}

void tst_CliSync::aServerGoingDownMidSyncLosesNothing()
{
    // Enough stories for several pages of headlines: the web server goes away after the
    // first page is stored.
    const qint64 id = addAccount(QStringLiteral("climid"), 450);
    QVERIFY(id > 0);
    QProcess sync;
    sync.start(QStringLiteral(BULLETIN_EXECUTABLE),
               {QStringLiteral("--cache"), m_dir->filePath(QStringLiteral("cache.sqlite")),
                QStringLiteral("sync")});
    QVERIFY(sync.waitForStarted());
    auto cache = openCache();
    QTRY_VERIFY_WITH_TIMEOUT(
        cache->articles().count({}) > 0 || sync.state() == QProcess::NotRunning, 120000);
    QVERIFY(m_server->stopWeb());
    QVERIFY(sync.waitForFinished(120000));
    const int stored = cache->articles().count({});
    const bool wasCut = sync.exitCode() != 0;
    QVERIFY(m_server->startWeb());
    if (wasCut) {
        QVERIFY2(sync.readAllStandardError().contains("the server cannot be reached"),
                 "the error is in words");
        QVERIFY(stored > 0 && stored < 450);
        QVERIFY(!AccountStore(cache->database().connection()).account(id)->lastError.isEmpty());
    }
    // The next sync carries on from there.
    QCOMPARE(bulletin({QStringLiteral("sync")}).exitCode, 0);
    QCOMPARE(cache->articles().count({}), 450);
}

void tst_CliSync::killsDuringSyncLoseNoChange()
{
    constexpr int kStories = 250;
    constexpr int kRounds = 12;
    const qint64 id = addAccount(QStringLiteral("clikill"), kStories);
    QVERIFY(id > 0);
    QHash<qint64, bool> wanted; // story -> read, as last set here
    auto *random = QRandomGenerator::global();
    for (int round = 0; round < kRounds; ++round) {
        {
            auto cache = openCache();
            QVERIFY(cache);
            QSqlQuery check(cache->database().connection());
            QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
            QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
            const QList<StorySummary> stories = cache->articles().stories({}, std::nullopt,
                                                                          kStories);
            // Every change made here is still what the story shows, whatever the kills did.
            for (const StorySummary &story : stories) {
                if (wanted.contains(story.id))
                    QCOMPARE(story.read, wanted.value(story.id));
            }
            for (int i = 0; i < 5 && !stories.isEmpty(); ++i) {
                const StorySummary &story = stories.at(random->bounded(stories.size()));
                const bool read = random->bounded(2) == 0;
                QVERIFY(cache->articles().setRead({story.id}, read));
                wanted.insert(story.id, read);
            }
        }
        QProcess sync;
        sync.start(QStringLiteral(BULLETIN_EXECUTABLE),
                   {QStringLiteral("--cache"), m_dir->filePath(QStringLiteral("cache.sqlite")),
                    QStringLiteral("sync")});
        QVERIFY(sync.waitForStarted());
        QTest::qWait(random->bounded(50, 2500)); // a moment chosen at random to kill it at
        sync.kill();
        sync.waitForFinished();
    }
    const Run last = bulletin({QStringLiteral("sync"), QStringLiteral("--json")});
    QVERIFY2(last.exitCode == 0, last.err.constData());
    auto cache = openCache();
    QCOMPARE(AccountStore(cache->database().connection()).pendingCount(id), 0);
    QCOMPARE(cache->articles().count({}), kStories);
    // The server has every change made here, and the cache still shows them.
    QHash<QString, bool> serverUnread;
    for (const QJsonValue &headline : m_other->headlines())
        serverUnread.insert(
            QString::number(headline.toObject().value(QStringLiteral("id")).toInt()),
            headline.toObject().value(QStringLiteral("unread")).toBool());
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        QCOMPARE(cache->articles().summary(it.key())->read, it.value());
        const auto remoteId = AccountStore(cache->database().connection()).remoteId(it.key());
        QVERIFY(remoteId);
        QCOMPARE(!serverUnread.value(*remoteId), it.value());
    }
}

QTEST_GUILESS_MAIN(tst_CliSync)
#include "tst_clisync.moc"
