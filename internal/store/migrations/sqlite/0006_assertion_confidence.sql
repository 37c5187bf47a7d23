-- How the text puts each event (asserted, claimed, intended, threatened)
-- and how directly it gives the participants, so analysts can filter on
-- them; rows stored before carry the neutral values.
ALTER TABLE events ADD COLUMN assertion TEXT NOT NULL DEFAULT 'asserted';
ALTER TABLE events ADD COLUMN confidence REAL NOT NULL DEFAULT 0.5;
