package store

import (
	"context"
	"database/sql"
	"fmt"
)

var bg = context.Background()

// migrations are the schema changes in order; migrations[i] takes a database
// from version i to version i+1. Append only: a released step never changes,
// because databases out there are already past it.
var migrations = []string{
	// 1: attempts, answers, skill scores and the review schedule.
	`
CREATE TABLE attempts (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	bank_id       TEXT    NOT NULL,
	bank_version  TEXT    NOT NULL,
	bank_sha256   TEXT    NOT NULL,
	mode          TEXT    NOT NULL,
	seed          INTEGER NOT NULL,
	candidate     TEXT    NOT NULL,
	lang          TEXT    NOT NULL,
	started_at    TEXT    NOT NULL,
	time_limit_ms INTEGER NOT NULL,
	current       INTEGER NOT NULL DEFAULT 0,
	remaining_ms  INTEGER NOT NULL DEFAULT 0,
	finished_at   TEXT,
	percent       REAL,
	result        TEXT
) STRICT;
CREATE INDEX attempts_bank_started ON attempts (bank_id, started_at);
CREATE INDEX attempts_started ON attempts (started_at);

CREATE TABLE attempt_questions (
	attempt_id   INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
	position     INTEGER NOT NULL,
	question_id  TEXT    NOT NULL,
	option_order TEXT,
	PRIMARY KEY (attempt_id, position),
	UNIQUE (attempt_id, question_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE answers (
	attempt_id  INTEGER NOT NULL,
	question_id TEXT    NOT NULL,
	response    TEXT    NOT NULL,
	flagged     INTEGER NOT NULL,
	seconds     REAL    NOT NULL,
	PRIMARY KEY (attempt_id, question_id),
	FOREIGN KEY (attempt_id, question_id)
		REFERENCES attempt_questions (attempt_id, question_id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE TABLE attempt_skills (
	attempt_id INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	skill      TEXT    NOT NULL,
	percent    REAL    NOT NULL,
	level      INTEGER NOT NULL,
	PRIMARY KEY (attempt_id, skill)
) STRICT, WITHOUT ROWID;

CREATE TABLE review_events (
	id          INTEGER PRIMARY KEY,
	bank_id     TEXT    NOT NULL,
	question_id TEXT    NOT NULL,
	correct     INTEGER NOT NULL,
	at          TEXT    NOT NULL,
	attempt_id  INTEGER REFERENCES attempts (id) ON DELETE CASCADE
) STRICT;
CREATE INDEX review_events_question ON review_events (bank_id, question_id);
CREATE INDEX review_events_attempt ON review_events (attempt_id);

CREATE TABLE reviews (
	bank_id      TEXT    NOT NULL,
	question_id  TEXT    NOT NULL,
	box          INTEGER NOT NULL,
	due_at       TEXT,
	right_count  INTEGER NOT NULL,
	wrong_count  INTEGER NOT NULL,
	last_at      TEXT    NOT NULL,
	last_correct INTEGER NOT NULL,
	retired      INTEGER NOT NULL,
	PRIMARY KEY (bank_id, question_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX reviews_due ON reviews (box, due_at) WHERE box > 0;
`,
	// 2: the levels a candidate gave themself (--self-rate), JSON by skill,
	// so that a resumed attempt keeps them.
	`ALTER TABLE attempts ADD COLUMN self_levels TEXT;`,
	// 3: an adaptive quiz's limits (-n, --skills), JSON, so that a resumed
	// one stops where the first run would have.
	`ALTER TABLE attempts ADD COLUMN adaptive TEXT;`,
}

// SchemaVersion is the schema version this binary writes.
func SchemaVersion() int { return len(migrations) }

// migrate applies the missing steps in one write transaction. It reads the
// version again inside the transaction: another process may have migrated
// between setUp's first look and the lock.
func (s *Store) migrate(steps []string) error {
	return s.write("migrate schema", func(tx *sql.Tx) error {
		st, err := s.inspect(tx)
		if err != nil {
			return err
		}
		if err := s.check(st, len(steps)); err != nil {
			return err
		}
		for v := st.version; v < len(steps); v++ {
			if _, err := tx.Exec(steps[v]); err != nil {
				return fmt.Errorf("to version %d: %w", v+1, err)
			}
		}
		// PRAGMA takes no parameters; both values are ints of ours.
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
			return err
		}
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", len(steps))); err != nil {
			return err
		}
		return nil
	})
}
