package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/flashpoint/flashpoint/internal/event"
)

// StoredArticle is an article's stored metadata and, when it was kept,
// its text.
type StoredArticle struct {
	ID          string `json:"id"`
	Date        string `json:"date"`
	Title       string `json:"title,omitempty"`
	URL         string `json:"url,omitempty"`
	Source      string `json:"source,omitempty"`
	DuplicateOf string `json:"duplicate_of,omitempty"`
	Text        string `json:"text,omitempty"` // "" when the text was not kept
	HasText     bool   `json:"has_text"`
}

// Texts live in article_texts (migration 0003): every ingest writes them,
// so the article view can show the whole report; stores made before that
// migration have none for their older articles.

// SaveArticleTexts keeps the texts of stored articles; articles not in
// the store and texts already kept are skipped.
func (s *Store) SaveArticleTexts(ctx context.Context, arts []event.Article) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, s.rebind(`INSERT INTO article_texts (id, text)
		SELECT id, ? FROM articles WHERE id = ? ON CONFLICT (id) DO NOTHING`))
	if err != nil {
		return fmt.Errorf("store: article texts: %w", err)
	}
	defer st.Close()
	for _, a := range arts {
		if _, err := st.ExecContext(ctx, a.Text, a.ID); err != nil {
			return fmt.Errorf("store: article text %s: %w", a.ID, err)
		}
	}
	return tx.Commit()
}

// Article returns one stored article with its text if kept, or
// ErrNotFound.
func (s *Store) Article(ctx context.Context, id string) (StoredArticle, error) {
	var a StoredArticle
	var dup sql.NullString
	err := s.db.QueryRowContext(ctx, s.rebind("SELECT id, date, title, url, source, duplicate_of FROM articles WHERE id = ?"), id).
		Scan(&a.ID, &a.Date, &a.Title, &a.URL, &a.Source, &dup)
	if errors.Is(err, sql.ErrNoRows) {
		return a, ErrNotFound
	}
	if err != nil {
		return a, fmt.Errorf("store: article: %w", err)
	}
	a.DuplicateOf = dup.String
	{
		err := s.db.QueryRowContext(ctx, s.rebind("SELECT text FROM article_texts WHERE id = ?"), id).Scan(&a.Text)
		switch {
		case err == nil:
			a.HasText = true
		case !errors.Is(err, sql.ErrNoRows):
			return a, fmt.Errorf("store: article text: %w", err)
		}
	}
	return a, nil
}

// ArticleEvents returns an article's stored events in storage order.
func (s *Store) ArticleEvents(ctx context.Context, id string) ([]StoredEvent, error) {
	rows, err := s.db.QueryContext(ctx, s.rebind("SELECT "+eventColumnList+" FROM events WHERE doc_id = ? ORDER BY seq"), id)
	if err != nil {
		return nil, fmt.Errorf("store: article events: %w", err)
	}
	defer rows.Close()
	var out []StoredEvent
	for rows.Next() {
		e, inc, err := scanEvent(rows)
		if err != nil {
			return nil, fmt.Errorf("store: article events: %w", err)
		}
		out = append(out, StoredEvent{Event: e, IncidentID: inc})
	}
	return out, rows.Err()
}
