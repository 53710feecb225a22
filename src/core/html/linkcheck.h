#pragma once

#include <QString>

namespace bulletin {

// The verdict on one link of an article.
struct LinkAssessment
{
    bool deceptive = false;
    QString reason; // user-facing sentence when deceptive, empty otherwise
    QString realDestination; // the host (or mail domain) the link really goes to; for an
                             // internationalised name both forms: "bücher.example
                             // (xn--bcher-kva.example)"
};

// Decides whether a link's visible text misleads about where it goes:
//  - the text names a host or address (a URL, "www.x", "paypal.com", "a@b.org") whose
//    registrable domain differs from the target's (www.example.com vs example.com is fine;
//    registrable domains are approximated without the public suffix list: the last two
//    labels, three under common second levels such as co.uk);
//  - the target hides its host behind user info ("http://paypal.com@evil.example/");
//  - the target host mixes scripts in one label (Latin with Cyrillic or Greek) or is made
//    only of Cyrillic/Greek letters that look Latin, whether written in Unicode or punycode;
//  - the scheme is not http, https or mailto.
// Look-alike digits within one script ("paypa1") are not detectable in general and are
// not flagged. Pure function, thread-safe.
LinkAssessment assessLink(const QString &visibleText, const QString &href);

} // namespace bulletin
