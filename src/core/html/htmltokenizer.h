#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace bulletin {

struct HtmlAttribute
{
    QString name; // lower case, as written otherwise (may contain ':' or odd characters)
    QString value; // character references decoded
    // Where the value is written in the input, quotes excluded: [valueStart, valueEnd).
    // Both -1 for an attribute written without a value. Lets a caller rewrite one value
    // and copy the rest of the input as it was (see resolveHtmlUrls).
    qsizetype valueStart = -1;
    qsizetype valueEnd = -1;
};

struct HtmlToken
{
    enum class Type { Text, StartTag, EndTag, Comment, Doctype, EndOfFile };
    Type type = Type::EndOfFile;
    QString name; // tag name in lower case (tags only)
    QString data; // text (decoded unless rawText), comment or doctype body
    QList<HtmlAttribute> attributes; // start tags only; duplicates already dropped
    bool selfClosing = false; // "<br/>"
    bool rawText = false; // text of a raw-text element (script, style, xmp...)

    bool isStartTag(QStringView tagName) const { return type == Type::StartTag && name == tagName; }
    QString attribute(QStringView attrName) const;
    bool hasAttribute(QStringView attrName) const;
};

// Splits HTML into tokens the way an HTML5 browser's tokenizer does, so that the sanitiser
// sees the same tags, attributes and text that a browser (or Qt's rich-text parser) would:
// quoted and unquoted attribute values, "<!-->" and "--!>" comments, bogus comments ("<?",
// "</ x>", "<![CDATA["), doctypes, character references with and without ';' (with HTML5's
// attribute-value exception for "&amp=" and "&copyx"), NUL replaced by U+FFFD, and tags cut
// off by the end of input dropped rather than guessed.
//
// Raw-text content models are switched by the tokenizer itself, as a tree builder would for
// HTML content: after <script> (script data, with its "<!--<script>" escape states),
// <style>, <xmp>, <iframe>, <noembed>, <noframes>, <noscript> (RAWTEXT), <title>,
// <textarea> (RCDATA: references decoded) and <plaintext> (the rest of the input is text).
//
// A value type working on a view: the input must outlive the tokenizer. Not thread-safe
// itself; separate instances are independent.
class HtmlTokenizer final
{
public:
    explicit HtmlTokenizer(QStringView input);

    // The next token; Type::EndOfFile at the end (and on every call after it).
    HtmlToken next();

    // Where the token next() returned ends in the input (where the next one starts).
    qsizetype position() const { return m_pos; }

private:
    enum class ContentModel { Data, RcData, RawText, ScriptData, PlainText };

    HtmlToken readText();
    HtmlToken readRawText();
    HtmlToken readMarkupDeclaration();
    HtmlToken readBogusComment(qsizetype bodyStart);
    HtmlToken readTag(bool endTag);
    bool readAttributes(HtmlToken &token);
    void readAttributeValue(HtmlAttribute &attr);
    qsizetype findRawTextEnd(qsizetype from) const;
    qsizetype findScriptDataEnd(qsizetype from) const;
    bool isAppropriateEndTagAt(qsizetype pos) const;

    QStringView m_input;
    qsizetype m_pos = 0;
    ContentModel m_model = ContentModel::Data;
    QString m_rawTextTag; // the element whose end tag ends the raw text
};

} // namespace bulletin
