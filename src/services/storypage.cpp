#include "services/storypage.h"

#include "core/html/htmlparts.h"
#include "core/html/htmlsanitizer.h"
#include "core/html/htmltext.h"
#include "core/textutil.h"

#include <QLocale>

namespace bulletin {

namespace {

constexpr auto kStoryAnchorPrefix = "#bulletin-story-";
constexpr auto kEditNoteAnchor = "#bulletin-edit-note";
constexpr auto kReadAnchorPrefix = "#bulletin-read-";
constexpr auto kPartAnchorPrefix = "#bulletin-part-";

QString formatDate(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

QString severityLabel(const Advisory &advisory)
{
    const QString severity = advisory.severity.isEmpty()
            || advisory.severity == QLatin1String("Unknown")
        ? QString()
        : advisory.severity;
    QString label = advisory.headline.isEmpty() ? QStringLiteral("Advisory") : advisory.headline;
    if (!severity.isEmpty())
        label += QStringLiteral(" \u00b7 ") + severity;
    if (advisory.status == QLatin1String("expired"))
        label += QStringLiteral(" \u00b7 expired");
    else if (advisory.status == QLatin1String("superseded"))
        label += QStringLiteral(" \u00b7 superseded");
    else if (advisory.status == QLatin1String("cancelled"))
        label += QStringLiteral(" \u00b7 cancelled");
    return label;
}

struct Page
{
    QString html;
    QString text;

    void addText(const QString &block)
    {
        if (block.isEmpty())
            return;
        if (!text.isEmpty())
            text += QLatin1String("\n\n");
        text += block;
    }
};

void addHeader(Page &page, const QString &title, const QString &source, const QDateTime &date,
               const QString &author)
{
    page.html += QStringLiteral("<h1>%1</h1>\n").arg(escapeHtml(title));
    QStringList meta;
    if (!source.isEmpty())
        meta << source;
    if (!author.isEmpty() && author != source)
        meta << author;
    meta << (date.isValid() ? formatDate(date) : QStringLiteral("date unknown"));
    const QString line = meta.join(QStringLiteral(" \u00b7 "));
    page.html += QStringLiteral("<p><i>%1</i></p>\n").arg(escapeHtml(line));
    page.addText(title);
    page.text += QLatin1Char('\n') + line;
}

PageColours fixedColours(bool dark)
{
    PageColours colours;
    colours.severe = advisoryColours(QStringLiteral("severe"), dark);
    colours.moderate = advisoryColours(QStringLiteral("moderate"), dark);
    colours.minor = advisoryColours(QString(), dark);
    colours.noteBackground = dark ? QStringLiteral("#26303d") : QStringLiteral("#eef3fa");
    colours.noteBorder = dark ? QStringLiteral("#5b7394") : QStringLiteral("#9db4d3");
    colours.noteText = dark ? QStringLiteral("#e6e6e6") : QStringLiteral("#1a1a1a");
    return colours;
}

PageColours coloursOf(const PageOptions &options)
{
    return options.colours ? *options.colours : fixedColours(options.darkPalette);
}

void addBanner(Page &page, const Advisory &advisory, const PageColours &colours)
{
    const AdvisoryColours &c = colours.forSeverity(advisory.severity);
    const QString label = severityLabel(advisory);
    QStringList details;
    if (!advisory.issuer.isEmpty())
        details << QStringLiteral("Issued by %1").arg(advisory.issuer);
    if (!advisory.area.isEmpty())
        details << QStringLiteral("Area: %1").arg(advisory.area);
    if (advisory.effective.isValid())
        details << QStringLiteral("From %1").arg(formatDate(advisory.effective));
    if (advisory.expires.isValid())
        details << QStringLiteral("Expires %1").arg(formatDate(advisory.expires));

    QString inner = QStringLiteral("<p><b><span style=\"color:%1\">\u26a0 %2</span></b></p>\n")
                        .arg(c.text, escapeHtml(label));
    QStringList textBlocks{QStringLiteral("\u26a0 ") + label};
    for (const QString &paragraph : advisory.text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        inner += QStringLiteral("<p><span style=\"color:%1\">%2</span></p>\n")
                     .arg(c.text, escapeHtml(paragraph));
        textBlocks << paragraph;
    }
    if (!advisory.instruction.isEmpty()) {
        inner += QStringLiteral("<p><span style=\"color:%1\"><b>What to do:</b> %2</span></p>\n")
                     .arg(c.text, escapeHtml(advisory.instruction));
        textBlocks << QStringLiteral("What to do: ") + advisory.instruction;
    }
    if (!details.isEmpty()) {
        const QString line = details.join(QStringLiteral(" \u00b7 "));
        inner += QStringLiteral("<p><small><span style=\"color:%1\">%2</span></small></p>\n")
                     .arg(c.text, escapeHtml(line));
        textBlocks << line;
    }
    // QTextBrowser draws table cell backgrounds reliably; a bordered one-cell table is the
    // banner box.
    page.html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"10\" "
                                "border=\"1\" style=\"border-color:%1; border-style:solid;\" "
                                "bgcolor=\"%2\"><tr><td bgcolor=\"%2\">\n%3</td></tr></table>\n")
                     .arg(c.border, c.background, inner);
    page.addText(textBlocks.join(QLatin1Char('\n')));
}

// The user's note on the story's bookmark, as written (its line breaks kept), with a link
// the reader answers by letting the user edit it, unless the cache is read-only.
void addNote(Page &page, const QString &note, const PageColours &colours, bool editable)
{
    if (note.isEmpty())
        return;
    const QString &background = colours.noteBackground;
    const QString &border = colours.noteBorder;
    QString paragraphs;
    for (const QString &paragraph : note.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts)) {
        QStringList lines;
        for (const QString &line : paragraph.split(QLatin1Char('\n')))
            lines << escapeHtml(line);
        paragraphs += QStringLiteral("<p><span style=\"color:%1\">%2</span></p>\n")
                          .arg(colours.noteText, lines.join(QStringLiteral("<br>")));
    }
    const QString edit = editable ? QStringLiteral(" <small>(<a href=\"%1\">edit</a>)</small>")
                                        .arg(QLatin1String(kEditNoteAnchor))
                                  : QString();
    page.html
        += QStringLiteral(
               "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"8\" border=\"1\" "
               "style=\"border-color:%1; border-style:solid;\" bgcolor=\"%2\"><tr>"
               "<td bgcolor=\"%2\">\n<p><b><span style=\"color:%5\">Your note</span></b>%3</p>\n"
               "%4</td></tr></table>\n")
               .arg(border, background, edit, paragraphs, colours.noteText);
    page.addText((editable ? QStringLiteral("Your note (edit)\n") : QStringLiteral("Your note\n"))
                 + note);
}

// `storyId`, when not 0, is the story the page shows: a coverage list then offers to mark
// it and the listed coverage read, while any of them is unread.
void addRelatedList(Page &page, const QString &heading, const QList<RelatedStory> &related,
                    qint64 storyId = 0, bool storyRead = true)
{
    if (related.isEmpty())
        return;
    page.html += QStringLiteral("<h2>%1</h2>\n<ul>\n").arg(escapeHtml(heading));
    QStringList lines{heading};
    for (const RelatedStory &r : related) {
        QStringList meta;
        if (!r.source.isEmpty())
            meta << r.source;
        if (r.published.isValid())
            meta << formatDate(r.published);
        if (r.read && r.kind == QLatin1String("coverage"))
            meta << QStringLiteral("\u2713 read");
        const QString metaText = meta.join(QStringLiteral(" \u00b7 "));
        if (r.id) {
            page.html += QStringLiteral("<li><a href=\"%1%2\">%3</a>%4</li>\n")
                             .arg(QLatin1String(kStoryAnchorPrefix))
                             .arg(*r.id)
                             .arg(escapeHtml(r.title),
                                  metaText.isEmpty() ? QString()
                                                     : QStringLiteral(" <small>\u2014 %1</small>")
                                                           .arg(escapeHtml(metaText)));
            lines << QStringLiteral("\u2022 ") + r.title
                    + (metaText.isEmpty() ? QString() : QStringLiteral(" \u2014 ") + metaText);
        } else if (!r.link.isEmpty()) {
            page.html += QStringLiteral("<li>%1 <small>(not in your cache: <a href=\"%2\">open in "
                                        "browser</a>)</small></li>\n")
                             .arg(escapeHtml(r.title), escapeHtml(r.link));
            lines << QStringLiteral("\u2022 ") + r.title + QStringLiteral(" (not in your cache)");
        } else {
            page.html += QStringLiteral("<li>%1 <small>(not in your cache)</small></li>\n")
                             .arg(escapeHtml(r.title));
            lines << QStringLiteral("\u2022 ") + r.title + QStringLiteral(" (not in your cache)");
        }
    }
    page.html += QStringLiteral("</ul>\n");
    QStringList ids;
    bool unread = !storyRead;
    for (const RelatedStory &r : related) {
        if (r.id) {
            ids << QString::number(*r.id);
            unread = unread || !r.read;
        }
    }
    if (storyId != 0 && unread && !ids.isEmpty()) {
        ids.prepend(QString::number(storyId));
        const QString label
            = QStringLiteral("Mark these %1 reports of the event read").arg(ids.size());
        page.html += QStringLiteral("<p><small><a href=\"%1%2\">%3</a></small></p>\n")
                         .arg(QLatin1String(kReadAnchorPrefix), ids.join(QLatin1Char(',')),
                              escapeHtml(label));
        lines << label;
    }
    page.addText(lines.join(QLatin1Char('\n')));
}

// The publisher's own links first, then the coverage Bulletin found in other feeds.
void addRelated(Page &page, const QList<RelatedStory> &related, qint64 storyId, bool storyRead)
{
    QList<RelatedStory> publisher;
    QList<RelatedStory> coverage;
    for (const RelatedStory &r : related)
        (r.kind == QLatin1String("coverage") ? coverage : publisher) << r;
    addRelatedList(page, QStringLiteral("Related stories"), publisher);
    addRelatedList(page, QStringLiteral("Coverage elsewhere"), coverage, storyId, storyRead);
}

// The line above and below a story shown in parts: which part this is, and links to the
// ones before and after it.
void addPartLine(Page &page, const HtmlPart &part)
{
    QString html = QStringLiteral("<p><i>This story is long: part %1 of %2.</i>")
                       .arg(part.index + 1)
                       .arg(part.count);
    QString text
        = QStringLiteral("This story is long: part %1 of %2.").arg(part.index + 1).arg(part.count);
    if (part.index > 0) {
        html += QStringLiteral(" <a href=\"%1%2\">\u2039 Previous part</a>")
                    .arg(QLatin1String(kPartAnchorPrefix))
                    .arg(part.index);
        text += QStringLiteral(" \u2039 Previous part");
    }
    if (part.index + 1 < part.count) {
        html += QStringLiteral(" <a href=\"%1%2\">Next part \u203a</a>")
                    .arg(QLatin1String(kPartAnchorPrefix))
                    .arg(part.index + 2);
        text += QStringLiteral(" Next part \u203a");
    }
    page.html += html + QStringLiteral("</p>\n");
    page.addText(text);
}

// The story's own text: sanitised, and only the part asked for when it is long.
void addBody(Page &page, const QString &html, const SanitizeOptions &sanitize, int part,
             StoryPage &result)
{
    const SanitizedHtml body = sanitizeHtml(html, sanitize);
    const HtmlPart shown = htmlPart(body.html, part, kReaderPartChars);
    if (shown.count > 1)
        addPartLine(page, shown);
    page.html += QStringLiteral("<div>\n%1\n</div>\n").arg(shown.html);
    if (shown.count > 1) {
        // The text of this part alone, without the break opportunities htmlPart() added.
        SanitizeOptions textOnly;
        textOnly.textOnly = true;
        QString text = sanitizeHtml(shown.html, textOnly).text;
        text.remove(QChar(0x200B));
        page.addText(text);
        addPartLine(page, shown);
    } else {
        page.addText(body.text);
    }
    result.blockedUrls = body.blockedUrls;
    result.flaggedLinks = body.flaggedLinks;
    result.part = shown.index;
    result.parts = shown.count;
}

QString wrap(const QString &body)
{
    // No <meta charset>: the page is handed over as a QString, and the reader pane must never
    // see a <meta> element from anywhere.
    return QStringLiteral("<html><body>\n%1</body></html>\n").arg(body);
}

} // namespace

const AdvisoryColours &PageColours::forSeverity(const QString &severity) const
{
    const QString s = severity.toLower();
    if (s == QLatin1String("extreme") || s == QLatin1String("severe"))
        return severe;
    if (s == QLatin1String("moderate"))
        return moderate;
    return minor;
}

AdvisoryColours advisoryColours(const QString &severity, bool dark)
{
    const QString s = severity.toLower();
    if (s == QLatin1String("extreme") || s == QLatin1String("severe"))
        return dark ? AdvisoryColours{QStringLiteral("#4a1212"), QStringLiteral("#e05252"),
                                      QStringLiteral("#ffe3e3")}
                    : AdvisoryColours{QStringLiteral("#fde2e1"), QStringLiteral("#c62828"),
                                      QStringLiteral("#5c0b0b")};
    if (s == QLatin1String("moderate"))
        return dark ? AdvisoryColours{QStringLiteral("#4a2a0a"), QStringLiteral("#f08c2e"),
                                      QStringLiteral("#ffe9d2")}
                    : AdvisoryColours{QStringLiteral("#ffe8cc"), QStringLiteral("#d9730d"),
                                      QStringLiteral("#4d2600")};
    return dark ? AdvisoryColours{QStringLiteral("#3d3406"), QStringLiteral("#e3c42b"),
                                  QStringLiteral("#fff6cc")}
                : AdvisoryColours{QStringLiteral("#fff4c2"), QStringLiteral("#c9a200"),
                                  QStringLiteral("#3d3100")};
}

StoryPage buildStoryPage(const StoryDetail &story, const PageOptions &options)
{
    const StorySummary &s = story.summary;
    Page page;
    addHeader(page, s.title, s.source, s.published, story.author);
    if (story.advisory)
        addBanner(page, *story.advisory, coloursOf(options));
    addNote(page, story.bookmarkNote, coloursOf(options), !options.readOnly);

    StoryPage result;
    if (s.headlineOnly) {
        const QString notice = QStringLiteral(
            "Only the headline of this story is known. Its text is not in your cache.");
        page.html += QStringLiteral("<p><i>%1</i></p>\n").arg(escapeHtml(notice));
        page.addText(notice);
        if (!s.link.isEmpty())
            page.html += QStringLiteral(
                             "<p><a href=\"%1\">Open the story in your browser</a></p>\n")
                             .arg(escapeHtml(s.link));
    } else {
        SanitizeOptions sanitize;
        sanitize.allowRemoteContent = options.allowRemoteContent;
        sanitize.baseUrl = s.link;
        addBody(page, story.html, sanitize, options.part, result);
    }
    // A read-only cache cannot mark anything read: no story to offer it for.
    addRelated(page, story.related, options.readOnly ? 0 : s.id, s.read);
    result.html = wrap(page.html);
    result.text = page.text;
    return result;
}

StoryPage buildBookmarkPage(const BookmarkRecord &bookmark, const PageOptions &options)
{
    Page page;
    addHeader(page, bookmark.title, bookmark.source, bookmark.published, {});
    const QString notice = QStringLiteral("This story is no longer in its feed; this is the copy "
                                          "kept with your bookmark.");
    page.html += QStringLiteral("<p><i>%1</i></p>\n").arg(escapeHtml(notice));
    page.addText(notice);
    addNote(page, bookmark.note, coloursOf(options), !options.readOnly);
    SanitizeOptions sanitize;
    sanitize.allowRemoteContent = options.allowRemoteContent;
    sanitize.baseUrl = bookmark.link;
    StoryPage result;
    addBody(page, bookmark.html, sanitize, options.part, result);
    if (!bookmark.link.isEmpty())
        page.html += QStringLiteral("<p><a href=\"%1\">Open the story in your browser</a></p>\n")
                         .arg(escapeHtml(bookmark.link));
    result.html = wrap(page.html);
    result.text = page.text;
    return result;
}

bool isEditNoteAnchor(const QString &anchor)
{
    return anchor == QLatin1String(kEditNoteAnchor)
        || QLatin1Char('#') + anchor == QLatin1String(kEditNoteAnchor);
}

std::optional<int> partFromAnchor(const QString &anchor)
{
    const QLatin1String prefix(kPartAnchorPrefix);
    const QString value = anchor.startsWith(QLatin1Char('#')) ? anchor : QLatin1Char('#') + anchor;
    if (!value.startsWith(prefix))
        return std::nullopt;
    bool ok = false;
    const int part = value.mid(prefix.size()).toInt(&ok);
    return ok && part >= 1 ? std::optional(part - 1) : std::nullopt;
}

std::optional<qint64> storyIdFromAnchor(const QString &anchor)
{
    const QLatin1String prefix(kStoryAnchorPrefix);
    QString value = anchor;
    if (value.startsWith(QLatin1Char('#')) == false)
        value.prepend(QLatin1Char('#'));
    if (!value.startsWith(prefix))
        return std::nullopt;
    bool ok = false;
    const qint64 id = value.mid(prefix.size()).toLongLong(&ok);
    return ok ? std::optional(id) : std::nullopt;
}

std::optional<QList<qint64>> storyIdsToMarkRead(const QString &anchor)
{
    const QLatin1String prefix(kReadAnchorPrefix);
    QString value = anchor;
    if (!value.startsWith(QLatin1Char('#')))
        value.prepend(QLatin1Char('#'));
    if (!value.startsWith(prefix))
        return std::nullopt;
    QList<qint64> ids;
    for (const QString &word : value.mid(prefix.size()).split(QLatin1Char(','))) {
        bool ok = false;
        const qint64 id = word.toLongLong(&ok);
        if (!ok || id <= 0)
            return std::nullopt;
        ids << id;
    }
    return ids;
}

} // namespace bulletin
