#include "services/cache.h"
#include "services/relatedcoverage.h"
#include "storage/database.h"

#include <QHash>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace bulletin;

namespace {

// A fixture cache: 48 headlines from seven feeds over two weeks, written for this test in
// the style of wire and newspaper headlines. The key before the '/' names the news event;
// stories of one event are coverage of each other, everything else is not. Distractors
// share a topic, a company or a place with an event but report something else, often on
// another day: another earthquake, another Apple story, another day's market report.
struct FixtureStory
{
    const char *key;
    const char *feed;
    int hour;           // hours after 2014-04-01 00:00 UTC
    const char *category;
    const char *title;
    const char *text;   // empty for headline-only stories
};

constexpr FixtureStory kStories[] = {
    // A Chilean earthquake, with body text on some stories.
    {"quake/1", "Wire One", 2, "world", "Magnitude 8.2 earthquake strikes off northern Chile",
     "A powerful earthquake struck off the coast of northern Chile late on Tuesday, near the "
     "mining port of Iquique, the US Geological Survey said."},
    {"quake/2", "Global Post", 4, "world", "Chile quake triggers tsunami warning along Pacific coast",
     "Authorities ordered the evacuation of coastal areas after the magnitude 8.2 quake near "
     "Iquique; a tsunami warning covers the Pacific coast from Chile to Peru."},
    {"quake/3", "Metro Herald", 9, "world", "Thousands evacuated as strong quake rattles Iquique", ""},
    {"quake/4", "Daily Ledger", 20, "world", "Chile lifts tsunami alert after 8.2 earthquake", ""},
    {"otherquake/1", "Metro Herald", 200, "world", "Minor earthquake shakes Los Angeles, no damage reported", ""},
    {"copper/1", "Daily Ledger", 30, "business", "Chile copper exports slip in March on weak prices", ""},

    // Apple and Samsung back in court.
    {"trial/1", "Tech Crunchline", 30, "technology", "Apple and Samsung return to court in new patent trial", ""},
    {"trial/2", "Wire One", 33, "technology", "Jury selection begins in Apple v. Samsung patent case", ""},
    {"trial/3", "Daily Ledger", 50, "technology", "Apple seeks $2 billion from Samsung as patent trial opens", ""},
    {"trial/4", "Global Post", 46, "technology", "Samsung says Apple patents are not worth $2 billion", ""},
    {"macbook/1", "Tech Crunchline", 54, "technology", "Apple unveils faster MacBook Air with lower price", ""},
    {"galaxy/1", "Wire One", 100, "technology", "Samsung Galaxy S5 goes on sale in 125 countries", ""},

    // The GM ignition switch recall, with a syndicated copy.
    {"recall/1", "Wire One", 60, "business", "GM recalls 1.6 million cars over faulty ignition switch", ""},
    {"recall/1", "Metro Herald", 61, "business", "GM recalls 1.6 million cars over faulty ignition switch", ""},
    {"recall/2", "Daily Ledger", 66, "business", "General Motors expands ignition switch recall", ""},
    {"recall/3", "Global Post", 75, "business", "GM chief Mary Barra apologises over ignition recall delays", ""},
    {"toyota/1", "Daily Ledger", 140, "business", "Toyota recalls 6.4 million vehicles worldwide", ""},

    // The Federal Reserve's meeting.
    {"fed/1", "Wire One", 120, "business", "Fed trims bond buying by another $10 billion", ""},
    {"fed/2", "Daily Ledger", 123, "business", "Yellen says Fed will keep rates low for a considerable time", ""},
    {"fed/3", "Global Post", 126, "business", "Federal Reserve cuts bond purchases, keeps rate outlook", ""},
    {"stocks1/1", "Wire One", 150, "business", "Stocks close higher as technology shares rally", ""},
    {"stocks2/1", "Daily Ledger", 250, "business", "Wall Street slips as investors weigh earnings", ""},

    // MERS in Saudi Arabia.
    {"mers/1", "Health Weekly", 80, "health", "Saudi Arabia reports new MERS cases in Jeddah", ""},
    {"mers/2", "Wire One", 84, "health", "MERS virus death toll rises in Saudi Arabia", ""},
    {"mers/3", "Global Post", 90, "health", "Jeddah hospital closes emergency room after MERS infections", ""},
    {"measles/1", "Health Weekly", 85, "health", "Measles outbreak in New York City grows to 25 cases", ""},
    {"flu/1", "Health Weekly", 170, "health", "Flu season winding down, CDC says", ""},

    // A record box-office weekend.
    {"boxoffice/1", "Metro Herald", 110, "entertainment", "'Captain America: The Winter Soldier' sets April box office record", ""},
    {"boxoffice/2", "Wire One", 112, "entertainment", "Captain America sequel earns $96 million in debut weekend", ""},
    {"boxoffice/3", "Global Post", 118, "entertainment", "Winter Soldier smashes April record with $96.2 million opening", ""},
    {"noah/1", "Metro Herald", 30, "entertainment", "'Noah' sinks at the box office in its second weekend", ""},
    {"avengers/1", "Metro Herald", 200, "entertainment", "Marvel sets release date for third Captain America film", ""},

    // Heartbleed, with body text.
    {"heartbleed/1", "Tech Crunchline", 180, "technology", "Heartbleed bug exposes passwords on popular websites",
     "A flaw in OpenSSL, the encryption library used by two thirds of web servers, lets "
     "attackers read memory from servers, including passwords and private keys."},
    {"heartbleed/2", "Wire One", 184, "technology", "Security researchers warn of serious OpenSSL flaw",
     "The Heartbleed bug in OpenSSL lets attackers read server memory; researchers urged "
     "sites to patch and users to change passwords."},
    {"heartbleed/3", "Global Post", 195, "technology", "Heartbleed: which passwords you need to change now", ""},
    {"xp/1", "Tech Crunchline", 190, "technology", "Microsoft ends support for Windows XP",
     "Microsoft stopped issuing security updates for Windows XP on Tuesday, leaving millions "
     "of computers exposed to new flaws."},

    // Facebook buys a drone maker.
    {"drones/1", "Tech Crunchline", 230, "technology", "Facebook in talks to buy drone maker Titan Aerospace", ""},
    {"drones/2", "Wire One", 236, "technology", "Facebook to acquire solar drone company Titan Aerospace", ""},
    {"drones/3", "Global Post", 244, "technology", "Zuckerberg's Titan Aerospace deal aims to bring web to remote areas", ""},
    {"whatsapp/1", "Tech Crunchline", 20, "technology", "Facebook closes WhatsApp deal after regulators approve", ""},

    // Stories with no coverage in the cache.
    {"walker/1", "Metro Herald", 150, "entertainment", "Paul Walker's brothers to help finish Fast & Furious 7", ""},
    {"coke/1", "Daily Ledger", 260, "business", "Coca-Cola quarterly profit falls on strong dollar", ""},
    {"ebola/1", "Health Weekly", 60, "health", "Guinea confirms Ebola outbreak in remote south-east", ""},
    {"mars/1", "Tech Crunchline", 210, "technology", "Mars rover Curiosity photographs Earth from orbit", ""},
    {"oscars/1", "Metro Herald", 5, "entertainment", "Academy announces date for next year's Oscars", ""},
    {"gold/1", "Daily Ledger", 90, "business", "Gold prices climb to two-week high", ""},
    {"twitter/1", "Tech Crunchline", 160, "technology", "Twitter tests a redesigned profile page", ""},
    {"sleep/1", "Health Weekly", 230, "health", "Study links poor sleep to higher risk of heart disease", ""},
};

// Stories whose coverage shares too little of the headline to be found: different words for
// one thing ("Fed trims bond buying" / "Federal Reserve cuts bond purchases"), or a match on
// two words against three words that only this small cache finds rare ("need", "now",
// "apologises").
// They must still list nothing wrong.
const QStringList kHard = {QStringLiteral("quake/2"),      QStringLiteral("quake/3"),
                           QStringLiteral("fed/1"),        QStringLiteral("boxoffice/2"),
                           QStringLiteral("heartbleed/1"), QStringLiteral("heartbleed/2"),
                           QStringLiteral("heartbleed/3"), QStringLiteral("recall/3")};

QString eventOf(const QString &key)
{
    return key.section(QLatin1Char('/'), 0, 0);
}

} // namespace

class TestRelatedCoverage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void story_data();
    void story();
    void precisionAtFive();
    void entriesAreComplete();
    void syndicatedCopyListedOnce();

private:
    QList<RelatedStory> coverageOf(qint64 id) const;

    QTemporaryDir m_dir;
    std::unique_ptr<Cache> m_cache;
    QList<qint64> m_ids;                // per kStories row
    QHash<qint64, QString> m_keyOf;     // story id -> fixture key
};

void TestRelatedCoverage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_cache = Cache::open(m_dir.filePath(QStringLiteral("cache.sqlite")), &error);
    QVERIFY2(m_cache, qPrintable(error));

    const QDateTime start(QDate(2014, 4, 1), QTime(0, 0), Qt::UTC);
    Transaction transaction(m_cache->database().connection());
    int n = 0;
    for (const FixtureStory &s : kStories) {
        const auto feed = m_cache->feeds().localSource(QString::fromUtf8(s.feed));
        QVERIFY(feed);
        Article a;
        a.guid = QStringLiteral("fixture-%1").arg(n++);
        a.title = QString::fromUtf8(s.title);
        a.link = QStringLiteral("https://example.org/%1").arg(a.guid);
        a.published = start.addSecs(qint64(s.hour) * 3600);
        a.text = QString::fromUtf8(s.text);
        a.headlineOnly = a.text.isEmpty();
        a.categories = {QString::fromUtf8(s.category)};
        const auto result = m_cache->articles().upsert(*feed, a);
        QCOMPARE(result.state, ArticleStore::UpsertState::Inserted);
        m_ids.append(result.id);
        m_keyOf.insert(result.id, QString::fromUtf8(s.key));
    }
    QVERIFY(transaction.commit());
}

void TestRelatedCoverage::cleanupTestCase()
{
    m_cache.reset();
}

QList<RelatedStory> TestRelatedCoverage::coverageOf(qint64 id) const
{
    const auto detail = m_cache->articles().story(id);
    if (!detail)
        return {};
    return findRelatedCoverage(m_cache->database().connection(), *detail);
}

void TestRelatedCoverage::story_data()
{
    QTest::addColumn<int>("row");
    for (int i = 0; i < int(std::size(kStories)); ++i)
        QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(QString::fromUtf8(kStories[i].key))
                                     .arg(QString::fromUtf8(kStories[i].title))))
            << i;
}

// Every story lists no story of another event, and one of its own event when it has one
// (unless kHard says why not).
void TestRelatedCoverage::story()
{
    QFETCH(int, row);
    const QString event = eventOf(QString::fromUtf8(kStories[row].key));
    int others = 0;
    for (int i = 0; i < int(std::size(kStories)); ++i)
        if (i != row && eventOf(QString::fromUtf8(kStories[i].key)) == event
            && QString::fromUtf8(kStories[i].title) != QString::fromUtf8(kStories[row].title))
            ++others;

    const QList<RelatedStory> listed = coverageOf(m_ids[row]);
    QStringList wrong;
    int right = 0;
    for (const RelatedStory &r : listed) {
        QVERIFY(r.id);
        if (eventOf(m_keyOf.value(*r.id)) == event)
            ++right;
        else
            wrong.append(r.title);
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1String(" | "))));
    if (others > 0 && !kHard.contains(QString::fromUtf8(kStories[row].key)))
        QVERIFY2(right > 0, "no coverage found for a story that has some");
}

void TestRelatedCoverage::precisionAtFive()
{
    double sum = 0;
    int listing = 0;
    int empty = 0;
    for (qint64 id : std::as_const(m_ids)) {
        const QList<RelatedStory> listed = coverageOf(id);
        if (listed.isEmpty()) {
            ++empty;
            continue;
        }
        int right = 0;
        for (const RelatedStory &r : listed)
            right += eventOf(m_keyOf.value(*r.id)) == eventOf(m_keyOf.value(id)) ? 1 : 0;
        sum += double(right) / listed.size();
        ++listing;
    }
    const double precision = listing ? sum / listing : 0;
    qInfo("fixture: P@5=%.2f over %d stories that list coverage; %d list none", precision,
          listing, empty);
    QVERIFY(precision >= 0.95);
}

void TestRelatedCoverage::entriesAreComplete()
{
    const QList<RelatedStory> listed = coverageOf(m_ids[0]); // the Chile earthquake
    QVERIFY(!listed.isEmpty());
    for (const RelatedStory &r : listed) {
        QCOMPARE(r.kind, QStringLiteral("coverage"));
        QVERIFY(r.id);
        QVERIFY(!r.title.isEmpty());
        QVERIFY(r.link.startsWith(QLatin1String("https://example.org/")));
        QVERIFY(!r.source.isEmpty());
        QVERIFY(r.published.isValid());
    }
}

void TestRelatedCoverage::syndicatedCopyListedOnce()
{
    // "General Motors expands ignition switch recall" sees the wire story and its copy on
    // Metro Herald; it lists that headline once.
    qint64 expands = 0;
    for (int i = 0; i < int(std::size(kStories)); ++i)
        if (QString::fromUtf8(kStories[i].key) == QLatin1String("recall/2"))
            expands = m_ids[i];
    const QList<RelatedStory> listed = coverageOf(expands);
    int copies = 0;
    for (const RelatedStory &r : listed)
        copies += r.title.startsWith(QLatin1String("GM recalls 1.6 million")) ? 1 : 0;
    QCOMPARE(copies, 1);
}

QTEST_GUILESS_MAIN(TestRelatedCoverage)
#include "tst_relatedcoverage.moc"
