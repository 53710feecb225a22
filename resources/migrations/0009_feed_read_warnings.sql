-- additive: this version only adds a column with a default value, which rewrites no row, so the upgrade to it needs no backup copy.
-- Schema version 9: what was wrong with a feed's last successful read.
-- A truncated or malformed feed is read with recovery (the stories before the damage are
-- kept), and its health used to say nothing of it. `last_warning` holds what the parser
-- recovered from, in words ("not well-formed at line 14, column 1 (Premature end of
-- document); 3 stories recovered"), or NULL when the last read was clean. Every successful
-- refresh sets it; a 304 keeps it, as the body it stands for is the same.
ALTER TABLE feeds ADD COLUMN last_warning TEXT;
