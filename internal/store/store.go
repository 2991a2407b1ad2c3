// Package store keeps a candidate's history in an embedded SQLite database:
// every attempt at a bank, every answer the moment it is given, where an
// unfinished attempt stopped (so it can be resumed), the finished result, each
// skill's percent over time, and a spaced-repetition schedule that brings
// questions answered wrong back for review.
//
// The package knows nothing of banks, questions or scoring. It stores plain
// values (ids, letters, times) and the result as opaque JSON, so that the
// quiz, the history command and the review drill decide what they mean.
//
// # Where the database lives
//
// [DefaultPath] picks $ASNSKILL_DB, else $XDG_DATA_HOME/asnskill/history.db,
// else ~/.local/share/asnskill/history.db (%LocalAppData%\asnskill\history.db
// on Windows). [Open] creates the missing folders with mode 0700 and the file
// with mode 0600; SQLite gives its -wal and -shm files the mode of the
// database file. An existing file keeps the mode its owner gave it.
//
// # What Open refuses, and never alters
//
//   - A file that is not an SQLite database, or is damaged: [ErrNotDatabase].
//   - An SQLite database of another program (its application_id is not
//     asnskill's and it is not empty): [ErrNotDatabase] too, so that --db
//     pointed at the wrong file never adds tables to it.
//   - A history database written by a newer asnskill, whose schema version
//     (PRAGMA user_version) is above the one this binary knows: a
//     [*TooNewError], which matches [ErrTooNew] with errors.Is.
//
// Open looks at the file's size (a file of 1 to 511 bytes cannot be a
// database, and SQLite would take a 1-byte file for an empty one) and lets
// SQLite read the header, which it never writes to a file it does not
// recognise. Open never opens an existing file itself: closing any descriptor
// of a database file drops the POSIX locks SQLite holds on it in this
// process. An empty file is taken as a new database.
//
// # Durability and concurrency
//
// Every write is its own short transaction, begun with BEGIN IMMEDIATE (so
// two writers never deadlock upgrading a read lock) and committed with
// synchronous=FULL before the call returns: an answer passed to
// [Store.SaveAnswer] survives Ctrl-C, a closed terminal, kill -9 and a power
// cut. The database runs in WAL mode with a 10 s busy timeout, so several
// quizzes (separate processes, or separate Stores in one process) can write to
// one file at once; readers never wait for writers. One Store serializes its
// own calls on a single connection and is safe for concurrent use.
//
// # Schema
//
// Schema changes are numbered steps in migrations; PRAGMA user_version holds
// how many have been applied. Open applies the missing ones in one
// transaction, so a database is always at one version or the next, never in
// between. The tables (version 1), all STRICT:
//
//	attempts          one row per attempt: bank id, version and SHA-256, mode,
//	                  seed, candidate, language, started_at, time_limit_ms,
//	                  current (question index) and remaining_ms (exam time
//	                  left) for resuming, finished_at, percent and result (JSON)
//	                  once finished. ids are never reused, except after
//	                  ForgetAll.
//	attempt_questions the questions drawn, in order, with the option order shown
//	answers           the latest answer per (attempt, question): response (a
//	                  JSON array of letters), flagged, seconds
//	attempt_skills    each skill's percent and level in a finished attempt
//	                  (the skills that had a level: three questions or more)
//	review_events     every answer fed to the review schedule (right or
//	                  wrong, when, from which attempt)
//	reviews           the Leitner state per (bank, question), derived from
//	                  review_events
//
// Times are stored as UTC text with millisecond precision
// (2006-01-02T15:04:05.000Z), durations as integer milliseconds; times come
// back in UTC.
//
// # Review of mistakes: Leitner boxes
//
// Each question has a box. Box 0 is "not in review": never answered wrong, or
// retired. Boxes 1 to 5 hold questions to review, with the intervals of
// [Interval]: box 1 is due at once, boxes 2, 3, 4 and 5 wait 2, 4, 8 and 16
// days.
//
//   - A wrong answer puts the question in box 1, due at once (the day's drill
//     brings it back), whatever box it was in, retired or not.
//   - A right answer to a question that is due (in box k, at or after its due
//     time) moves it up to box k+1, due Interval(k+1) later; a right answer
//     in box 5 retires it (back to box 0).
//   - A right answer before the question is due, or to a question not in
//     review, only counts: it neither moves nor resets the question, so two
//     attempts on one day cannot rush a question through the boxes.
//
// Every answered question of a finished attempt ([Completion.Outcomes]) and of
// a review drill ([Store.RecordReview]) goes through this rule.
// [Store.DueReviews] lists the questions due, lowest box first.
//
// # Privacy
//
// [Store.Forget] and [Store.ForgetAll] delete for good: SQLite overwrites
// deleted content (secure_delete), the file is vacuumed and the write-ahead
// log truncated, so the attempt's text is no longer in the files. The review
// schedule of the questions an attempt touched is rebuilt from the answers
// that remain. Answers recorded with [Store.RecordReview], outside any
// attempt, go only with ForgetAll.
//
// # Cost
//
// The benchmarks in bench_test.go measure it: opening a year of daily
// practice and reading what a quiz's start screen needs takes a few
// milliseconds; a durable answer costs one commit and its fsync.
package store

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// ApplicationID marks a database file as asnskill's history (PRAGMA
// application_id): "ASNS" in ASCII.
const ApplicationID = 0x41534E53

// BusyTimeout is how long a write waits for another process's write to finish
// before failing with [ErrBusy].
const BusyTimeout = 10 * time.Second

var (
	// ErrNotDatabase: the file is not an SQLite database, is damaged, or
	// belongs to another program. The file is left as it was.
	ErrNotDatabase = errors.New("not an asnskill history database, or damaged")
	// ErrTooNew: the database was written by a newer asnskill. It is left as
	// it was. The error is a [*TooNewError].
	ErrTooNew = errors.New("history database is newer than this asnskill")
	// ErrBusy: another process held the database longer than [BusyTimeout].
	ErrBusy = errors.New("history database is busy")
	// ErrReadOnly: the file, or the folder SQLite writes its side files
	// into, cannot be written by this process.
	ErrReadOnly = errors.New("history database cannot be written (read-only file or folder)")
	// ErrNotFound: no attempt has the id.
	ErrNotFound = errors.New("no such attempt")
	// ErrFinished: the attempt is finished and can no longer change.
	ErrFinished = errors.New("attempt is already finished")
)

// TooNewError reports a database whose schema version is above the one this
// binary knows. It matches [ErrTooNew].
type TooNewError struct {
	Path    string
	Version int // the database's schema version
	Known   int // the newest version this binary knows
}

func (e *TooNewError) Error() string {
	return fmt.Sprintf("history database %s has schema version %d, newer than this asnskill knows (%d); upgrade asnskill or use another database", e.Path, e.Version, e.Known)
}

// Is makes errors.Is(err, ErrTooNew) true.
func (e *TooNewError) Is(target error) bool { return target == ErrTooNew }

// Store is an open history database.
type Store struct {
	db   *sql.DB
	path string
}

// DefaultPath returns where the history lives: $ASNSKILL_DB, else
// $XDG_DATA_HOME/asnskill/history.db (an XDG_DATA_HOME that is not absolute is
// ignored, as the XDG specification says), else
// $HOME/.local/share/asnskill/history.db; on Windows, without those,
// %LocalAppData%\asnskill\history.db. getenv is os.Getenv outside tests.
func DefaultPath(getenv func(string) string) (string, error) {
	if p := getenv("ASNSKILL_DB"); p != "" {
		return p, nil
	}
	if d := getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "asnskill", "history.db"), nil
	}
	if runtime.GOOS == "windows" {
		if d := getenv("LocalAppData"); d != "" {
			return filepath.Join(d, "asnskill", "history.db"), nil
		}
	}
	home := getenv("HOME")
	if home == "" && runtime.GOOS == "windows" {
		home = getenv("USERPROFILE")
	}
	if home == "" {
		return "", errors.New("cannot tell where to keep the history: HOME is not set; set ASNSKILL_DB or XDG_DATA_HOME")
	}
	return filepath.Join(home, ".local", "share", "asnskill", "history.db"), nil
}

// Open opens the history database at path, creating it (and its folders) if
// missing, and brings its schema up to date. See the package documentation
// for what it refuses.
func Open(path string) (*Store, error) {
	return open(path, migrations)
}

func open(path string, steps []string) (*Store, error) {
	if path == "" {
		return nil, errors.New("open history database: empty path")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open history database %s: %w", path, err)
	}
	if err := create(abs); err != nil {
		return nil, fmt.Errorf("history database %s: %w", path, err)
	}
	db, err := sql.Open("sqlite", dsn(abs))
	if err != nil {
		return nil, fmt.Errorf("open history database %s: %w", path, err)
	}
	// One connection: the Store's own calls queue in Go instead of polling
	// SQLite's busy handler against each other, and a page cache is kept once.
	db.SetMaxOpenConns(1)
	s := &Store{db: db, path: path}
	// Processes starting at once on a new file race to set it up; SQLite
	// answers some of them "busy" at once (switching to WAL does not wait
	// for the busy timeout), so setting up is tried again until it passes or
	// the busy timeout is spent.
	deadline := time.Now().Add(BusyTimeout)
	for wait := 5 * time.Millisecond; ; wait = min(2*wait, 200*time.Millisecond) {
		err := s.setUp(steps)
		if err == nil {
			return s, nil
		}
		if !errors.Is(err, ErrBusy) || time.Now().After(deadline) {
			db.Close()
			return nil, err
		}
		time.Sleep(wait)
	}
}

// OpenRead opens an existing history database for reading only: nothing is
// written to it or beside it, so a history in a read-only folder (or on a
// read-only medium) can still be listed. A database whose schema is older
// than this binary's is opened with Open, which brings it up to date.
func OpenRead(path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("open history database: empty path")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open history database %s: %w", path, err)
	}
	if err := regularFile(abs); err != nil {
		return nil, fmt.Errorf("history database %s: %w", path, err)
	}
	// Without a write-ahead log beside it (every asnskill closed cleanly),
	// the file holds everything: immutable=1 reads it as it is, with no lock
	// and no side file at all, even in a folder nobody may write to. With a
	// log (a quiz running, or one killed), mode=ro reads the log too, which
	// needs its shared-memory file; immutable is the last resort.
	tries := []string{"mode=ro&immutable=1"}
	if _, err := os.Stat(abs + "-wal"); err == nil {
		tries = []string{"mode=ro", "mode=ro&immutable=1"}
	}
	var last error
	for _, extra := range tries {
		db, err := sql.Open("sqlite", dsn(abs)+"&"+extra)
		if err != nil {
			return nil, fmt.Errorf("open history database %s: %w", path, err)
		}
		db.SetMaxOpenConns(1)
		s := &Store{db: db, path: path}
		st, err := s.inspect(db)
		if err == nil {
			err = s.check(st, len(migrations))
			if err == nil && st.version < len(migrations) {
				db.Close()
				return Open(path)
			}
			if err == nil {
				return s, nil
			}
			db.Close()
			return nil, err
		}
		db.Close()
		last = err
		if errors.Is(err, ErrNotDatabase) {
			break
		}
	}
	return nil, last
}

// CheckWritable reports whether the history can be written, by taking and
// releasing the write lock: a quiz asks before its first question, so that
// a read-only file or folder is named at once instead of after an answer.
func (s *Store) CheckWritable() error {
	return s.write("write to the history database", func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE attempts SET id = id WHERE 0`)
		return err
	})
}

// regularFile refuses a path that is not a regular file (a folder, a device
// such as /dev/null behind a symlink, a pipe or a socket): SQLite would make
// its side files beside it, or read and write what is not a database.
func regularFile(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if fi.IsDir() {
		return fmt.Errorf("%w: it is a directory", ErrNotDatabase)
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%w: it is not a regular file (%s)", ErrNotDatabase, fi.Mode().Type())
	}
	return nil
}

// create makes the folders and an empty file with mode 0600 if the database
// does not exist yet, so that SQLite (which would use 0644) finds it there.
// Only a regular file is taken as a database.
func create(path string) error {
	fi, err := os.Stat(path)
	switch {
	case err == nil:
		if err := regularFile(path); err != nil {
			return err
		}
		// SQLite takes a 1-byte file for an empty database and overwrites it.
		// No database is shorter than the smallest page, 512 bytes; an empty
		// file is a database not yet written.
		if fi.Size() > 0 && fi.Size() < 512 {
			return fmt.Errorf("%w: only %d bytes long", ErrNotDatabase, fi.Size())
		}
		return nil
	case !errors.Is(err, fs.ErrNotExist):
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil // another process created it meanwhile
	}
	if err != nil {
		return err
	}
	return f.Close()
}

// dsn builds a file: URI, so that any path (with '?', '#' or '%') reaches
// SQLite intact. The pragmas here are per connection and change nothing in
// the file; journal_mode=WAL, which does, is set only after the file has been
// found to be ours (setUp).
func dsn(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: file:///C:/...
	}
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", BusyTimeout.Milliseconds()))
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Add("_pragma", "secure_delete(1)")
	q.Set("_txlock", "immediate")
	return (&url.URL{Scheme: "file", Path: p, RawQuery: q.Encode()}).String()
}

// setUp checks that the file is an asnskill history database this binary can
// use, switches it to WAL and applies the missing migrations.
func (s *Store) setUp(steps []string) error {
	st, err := s.inspect(s.db)
	if err != nil {
		return err
	}
	if err := s.check(st, len(steps)); err != nil {
		return err
	}
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil {
		return s.wrap("read journal mode", err)
	}
	if !strings.EqualFold(mode, "wal") {
		// If WAL cannot be had (a file system without shared memory), the
		// rollback journal and the busy timeout still keep writers apart.
		if err := s.db.QueryRow("PRAGMA journal_mode=WAL").Scan(&mode); err != nil {
			return s.wrap("switch to WAL", err)
		}
	}
	if st.version < len(steps) {
		return s.migrate(steps)
	}
	return nil
}

type fileState struct {
	appID, version, objects int
}

type querier interface {
	QueryRow(query string, args ...any) *sql.Row
}

func (s *Store) inspect(q querier) (fileState, error) {
	var st fileState
	err := q.QueryRow(`SELECT (SELECT application_id FROM pragma_application_id),
		(SELECT user_version FROM pragma_user_version),
		(SELECT count(*) FROM sqlite_schema)`).Scan(&st.appID, &st.version, &st.objects)
	if err != nil {
		return st, s.wrap("read database header", err)
	}
	return st, nil
}

func (s *Store) check(st fileState, known int) error {
	empty := st.appID == 0 && st.version == 0 && st.objects == 0
	if st.appID != ApplicationID && !empty {
		return fmt.Errorf("history database %s: %w (an SQLite database of another program)", s.path, ErrNotDatabase)
	}
	if st.version > known {
		return &TooNewError{Path: s.path, Version: st.version, Known: known}
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close history database %s: %w", s.path, err)
	}
	return nil
}

// Path returns the path the Store was opened with.
func (s *Store) Path() string { return s.path }

// wrap adds what was being done, and turns SQLite's codes for a damaged or
// foreign file and for a lock held too long into ErrNotDatabase and ErrBusy.
func (s *Store) wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var tooNew *TooNewError
	if errors.As(err, &tooNew) || errors.Is(err, ErrNotDatabase) {
		return err // already says which file and what is wrong
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
			return fmt.Errorf("history database %s: %w (%s: %v)", s.path, ErrNotDatabase, op, err)
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM:
			return fmt.Errorf("history database %s: %w (%s: %v)", s.path, ErrReadOnly, op, err)
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return fmt.Errorf("history database %s: %w: another asnskill held it for over %s (%s: %v)", s.path, ErrBusy, BusyTimeout, op, err)
		}
	}
	return fmt.Errorf("%s: %w", op, err)
}

// write runs fn in a write transaction (BEGIN IMMEDIATE) and commits it.
func (s *Store) write(op string, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.Begin()
	if err != nil {
		return s.wrap(op, err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return s.wrap(op, err)
	}
	if err := tx.Commit(); err != nil {
		return s.wrap(op, err)
	}
	return nil
}

// read runs fn in a read transaction (a deferred BEGIN: it takes no write
// lock), so that what it reads in several queries is one snapshot.
func (s *Store) read(op string, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(bg, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return s.wrap(op, err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return s.wrap(op, err)
	}
	return nil
}

const timeLayout = "2006-01-02T15:04:05.000Z"

func fmtTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad time %q in database: %w", s, err)
	}
	return t, nil
}

func parseNullTime(ns sql.NullString) (time.Time, error) {
	if !ns.Valid {
		return time.Time{}, nil
	}
	return parseTime(ns.String)
}
