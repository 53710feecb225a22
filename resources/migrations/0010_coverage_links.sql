-- additive: this version only adds tables, which rewrites no row, so the upgrade to it needs no backup copy.
-- Schema version 10: related coverage is kept, not worked out again at every look.
-- Each story's links to the stories most likely to report the same event, with their
-- direct score (CoverageScorer::links), and the event each story was put in. The refresh's
-- writer adds them for new stories after it has indexed their headlines (CoverageIndexer),
-- and a link also goes the other way, so an older story learns of newer coverage. Related
-- coverage then reads a story's links and its neighbours' links (linking through shared
-- neighbours) instead of scoring hundreds of candidates twice over; the story list groups
-- stories by event. A story without a coverage_events row has not been looked at yet: the
-- reader works its links out on the spot.
-- Deleting a story deletes its links both ways and its event row (ON DELETE CASCADE).

CREATE TABLE coverage_links (
    story_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    other_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    score     REAL NOT NULL,
    PRIMARY KEY (story_id, other_id)
) WITHOUT ROWID;

-- The cascade from a deleted story to the links that point at it.
CREATE INDEX coverage_links_other ON coverage_links(other_id);

CREATE TABLE coverage_events (
    story_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    event_id  INTEGER NOT NULL
);

CREATE INDEX coverage_events_event ON coverage_events(event_id);
