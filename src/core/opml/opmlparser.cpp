#include "core/opml/opmlparser.h"

#include "core/inputlimits.h"

#include <QBuffer>
#include <QHash>
#include <QUrl>
#include <QXmlStreamReader>

#include <optional>
#include <vector>

namespace bulletin {

namespace {

// Deeper folder trees are flattened into the folder at this depth. No reader needs more, and
// a hostile file with 100k nested outlines must not make a 100k-element folder path per feed.
constexpr int kMaxFolderDepth = 32;

// The most feeds one file subscribes to. Real subscription lists run to a few thousand; a
// file that lists 100,000 would make 100,000 subscriptions to refresh every hour. The
// outlines after the limit are read (so the file is still checked and counted) and left
// out, and the problems say how many.
constexpr qsizetype kMaxFeeds = 10'000;

// Problems listed one by one; after these, one line says how many more there were.
constexpr qsizetype kMaxProblems = 100;

// Attribute names are matched case-insensitively: hand-edited and older exported files write
// "xmlurl" or "htmlURL", and refusing them helps nobody.
QString attribute(const QXmlStreamAttributes &attributes, QLatin1StringView name)
{
    for (const QXmlStreamAttribute &a : attributes) {
        if (a.qualifiedName().compare(name, Qt::CaseInsensitive) == 0)
            return a.value().toString().trimmed();
    }
    return {};
}

bool hasAttribute(const QXmlStreamAttributes &attributes, QLatin1StringView name)
{
    for (const QXmlStreamAttribute &a : attributes) {
        if (a.qualifiedName().compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// Returns the error in words, or an empty string when url is a usable web address.
QString checkWebUrl(const QUrl &url)
{
    if (!url.isValid())
        return QStringLiteral("is not a valid address");
    const QString scheme = url.scheme().toLower();
    if (scheme.isEmpty())
        return QStringLiteral("is not an absolute address");
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return QStringLiteral("uses the unsupported scheme \"%1\" (only http and https)")
            .arg(scheme);
    if (url.host().isEmpty())
        return QStringLiteral("has no host");
    return {};
}

// Two spellings of one feed (host case, "a/./b", a fragment) must merge into one entry.
QString dedupeKey(const QUrl &url)
{
    return url.adjusted(QUrl::NormalizePathSegments | QUrl::RemoveFragment)
        .toString(QUrl::FullyEncoded);
}

QString describe(const QString &title, const QString &url)
{
    if (title.isEmpty())
        return url.isEmpty() ? QStringLiteral("outline") : url;
    return QStringLiteral("\"%1\"").arg(title);
}

class OpmlReader
{
public:
    explicit OpmlReader(const QByteArray &data)
    {
        // Through a device: given the whole file at once, QXmlStreamReader decodes all of it
        // to UTF-16 first, twice the file's size again.
        m_input.setData(data);
        m_input.open(QIODevice::ReadOnly);
        m_xml.setDevice(&m_input);
    }

    OpmlParseResult read();

private:
    struct Frame
    {
        QString name;
        bool openedFolder = false;
    };

    void startElement();
    void endElement();
    void readOutline();
    void addFeed(const QXmlStreamAttributes &attributes, const QString &title);
    bool insideBody() const { return m_bodies > 0; }
    QString problemAt(qint64 line, const QString &text) const;
    void addProblem(qint64 line, const QString &text);

    QBuffer m_input;
    QXmlStreamReader m_xml;
    OpmlParseResult m_result;
    std::vector<Frame> m_stack;
    qsizetype m_bodies = 0; // <body> elements open in m_stack
    int m_depth = 0; // elements open in the document
    QStringList m_folderPath;
    QHash<QString, std::pair<qsizetype, qint64>> m_seen; // dedupe key -> (index, line)
    bool m_reportedDepth = false;
    qsizetype m_feedsLeftOut = 0; // past kMaxFeeds
    qint64 m_firstLeftOutLine = 0;
    qsizetype m_problemsLeftOut = 0; // past kMaxProblems
};

OpmlParseResult OpmlReader::read()
{
    bool sawRoot = false;
    while (!m_xml.atEnd() && m_result.error.isEmpty()) {
        switch (m_xml.readNext()) {
        case QXmlStreamReader::DTD:
            // Entity declarations are how "billion laughs" and external-entity attacks start;
            // real OPML never needs them.
            if (!m_xml.entityDeclarations().isEmpty()) {
                m_result.error = problemAt(
                    m_xml.lineNumber(),
                    QStringLiteral("entity declarations are not allowed in OPML"));
            }
            break;
        case QXmlStreamReader::StartElement:
            if (++m_depth > kMaxNestingDepth) {
                m_result.error = problemAt(
                    m_xml.lineNumber(),
                    QStringLiteral("outlines nested deeper than %1 levels; no subscription "
                                   "list does that")
                        .arg(formatCount(kMaxNestingDepth)));
                break;
            }
            if (!sawRoot) {
                sawRoot = true;
                if (m_xml.name().compare(QLatin1String("opml"), Qt::CaseInsensitive) != 0) {
                    m_result.error = QStringLiteral("not an OPML file (the root element is <%1>)")
                                         .arg(m_xml.name().toString());
                    break;
                }
            }
            startElement();
            break;
        case QXmlStreamReader::EndElement:
            --m_depth;
            endElement();
            break;
        default:
            break;
        }
    }
    if (m_result.error.isEmpty() && m_xml.hasError())
        m_result.error = problemAt(m_xml.lineNumber(), m_xml.errorString());
    if (m_result.error.isEmpty() && !sawRoot)
        m_result.error = QStringLiteral("not an OPML file (no XML elements)");
    if (m_problemsLeftOut > 0) {
        m_result.document.problems.append(
            QStringLiteral("%1 more problem(s) not listed").arg(m_problemsLeftOut));
    }
    if (m_feedsLeftOut > 0) {
        // First, where it is seen: it says that subscriptions are missing.
        m_result.document.problems.prepend(problemAt(
            m_firstLeftOutLine,
            QStringLiteral("the file lists more than %1 feeds; the %2 from here on were left out")
                .arg(formatCount(kMaxFeeds), formatCount(m_feedsLeftOut))));
    }
    return std::move(m_result);
}

void OpmlReader::addProblem(qint64 line, const QString &text)
{
    if (m_result.document.problems.size() >= kMaxProblems) {
        ++m_problemsLeftOut;
        return;
    }
    m_result.document.problems.append(problemAt(line, text));
}

void OpmlReader::startElement()
{
    const QStringView name = m_xml.name();
    if (name.compare(QLatin1String("title"), Qt::CaseInsensitive) == 0 && !m_stack.empty()
        && m_stack.back().name == QLatin1String("head")) {
        // readElementText consumes the end element, so no frame is pushed for it.
        m_result.document.title
            = m_xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
        return;
    }
    if (name.compare(QLatin1String("outline"), Qt::CaseInsensitive) == 0 && insideBody()) {
        readOutline();
        return;
    }
    m_stack.push_back({name.toString().toLower(), false});
    if (m_stack.back().name == QLatin1String("body"))
        ++m_bodies;
}

void OpmlReader::endElement()
{
    if (m_stack.empty())
        return;
    if (m_stack.back().openedFolder)
        m_folderPath.removeLast();
    if (m_stack.back().name == QLatin1String("body"))
        --m_bodies;
    m_stack.pop_back();
}

// One line, always: a problem may quote the file (an address, an encoding name in the XML
// reader's message), and a line break there would split it when it is printed.
QString OpmlReader::problemAt(qint64 line, const QString &text) const
{
    return QStringLiteral("line %1: %2").arg(line).arg(text.simplified());
}

void OpmlReader::readOutline()
{
    const QXmlStreamAttributes attributes = m_xml.attributes();
    QString title = attribute(attributes, QLatin1StringView("text")).simplified();
    if (title.isEmpty())
        title = attribute(attributes, QLatin1StringView("title")).simplified();

    const QString type = attribute(attributes, QLatin1StringView("type")).toLower();
    const bool isFeed = hasAttribute(attributes, QLatin1StringView("xmlUrl"))
        || type == QLatin1String("rss") || type == QLatin1String("atom");
    if (isFeed) {
        addFeed(attributes, title);
        m_stack.push_back({QStringLiteral("outline"), false});
        return;
    }

    // Anything else is a folder. An unnamed folder is transparent: its feeds go to the
    // enclosing folder rather than into a folder the user cannot name or find.
    bool opened = false;
    if (!title.isEmpty()) {
        if (m_folderPath.size() < kMaxFolderDepth) {
            m_folderPath.append(title);
            opened = true;
        } else if (!m_reportedDepth) {
            m_reportedDepth = true;
            addProblem(
                m_xml.lineNumber(),
                QStringLiteral("folders nested deeper than %1 levels; their feeds are kept in "
                               "the folder at level %1")
                    .arg(kMaxFolderDepth));
        }
    }
    m_stack.push_back({QStringLiteral("outline"), opened});
}

void OpmlReader::addFeed(const QXmlStreamAttributes &attributes, const QString &title)
{
    const qint64 line = m_xml.lineNumber();
    if (m_result.document.feeds.size() >= kMaxFeeds) {
        if (m_feedsLeftOut++ == 0)
            m_firstLeftOutLine = line;
        return;
    }
    const QString rawUrl = attribute(attributes, QLatin1StringView("xmlUrl"));
    if (rawUrl.isEmpty()) {
        addProblem(line, QStringLiteral("skipped %1: it has no xmlUrl").arg(describe(title, {})));
        return;
    }
    const QUrl url(withoutFeedScheme(rawUrl), QUrl::StrictMode);
    if (const QString why = checkWebUrl(url); !why.isEmpty()) {
        addProblem(line,
                   QStringLiteral("skipped %1: xmlUrl \"%2\" %3")
                       .arg(describe(title, rawUrl), rawUrl, why));
        return;
    }

    QString siteUrl = attribute(attributes, QLatin1StringView("htmlUrl"));
    if (!siteUrl.isEmpty()) {
        // The site link ends up clickable in the reader, so "javascript:" and friends go.
        const QUrl site(siteUrl, QUrl::StrictMode);
        if (const QString why = checkWebUrl(site); !why.isEmpty()) {
            addProblem(line,
                       QStringLiteral("ignored the htmlUrl of %1: \"%2\" %3")
                           .arg(describe(title, rawUrl), siteUrl, why));
            siteUrl.clear();
        } else {
            siteUrl = site.toString(QUrl::FullyEncoded);
        }
    }

    OpmlFeed feed{url.toString(QUrl::FullyEncoded), title, siteUrl, m_folderPath};
    const QString key = dedupeKey(url);
    if (const auto it = m_seen.constFind(key); it != m_seen.constEnd()) {
        OpmlFeed &first = m_result.document.feeds[it->first];
        if (first.title.isEmpty())
            first.title = feed.title;
        if (first.siteUrl.isEmpty())
            first.siteUrl = feed.siteUrl;
        addProblem(line,
                   QStringLiteral("%1 is listed again; merged with the entry on line %2")
                       .arg(feed.url)
                       .arg(it->second));
        return;
    }
    m_seen.insert(key, {m_result.document.feeds.size(), line});
    m_result.document.feeds.append(std::move(feed));
}

} // namespace

QString withoutFeedScheme(const QString &raw)
{
    if (!raw.startsWith(QLatin1String("feed:"), Qt::CaseInsensitive))
        return raw;
    const QString rest = raw.mid(5);
    if (rest.startsWith(QLatin1String("//")))
        return QLatin1String("http:") + rest;
    return rest;
}

OpmlParseResult parseOpml(const QByteArray &data)
{
    return OpmlReader(data).read();
}

} // namespace bulletin
