-- Article texts, so that the dashboard's article view can show the whole
-- report with its events highlighted. Kept apart from articles so that
-- queries over articles stay narrow. Keep in step with the PostgreSQL file.
CREATE TABLE IF NOT EXISTS article_texts (
    id   TEXT PRIMARY KEY REFERENCES articles(id),
    text TEXT NOT NULL
);
