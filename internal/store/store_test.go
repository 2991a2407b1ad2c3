package store

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

func newStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "history.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// raw opens the file with the driver alone, as another program would.
func raw(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func mustExec(t *testing.T, db *sql.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

func pragmaInt(t *testing.T, db *sql.DB, name string) int {
	t.Helper()
	var v int
	if err := db.QueryRow("PRAGMA " + name).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDefaultPath(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the table uses Unix paths")
	}
	tests := []struct {
		name string
		env  map[string]string
		want string
		err  bool
	}{
		{"explicit", map[string]string{"ASNSKILL_DB": "/x/h.db", "XDG_DATA_HOME": "/d", "HOME": "/h"}, "/x/h.db", false},
		{"relative explicit kept", map[string]string{"ASNSKILL_DB": "h.db"}, "h.db", false},
		{"xdg", map[string]string{"XDG_DATA_HOME": "/d", "HOME": "/h"}, "/d/asnskill/history.db", false},
		{"relative xdg ignored", map[string]string{"XDG_DATA_HOME": "d", "HOME": "/h"}, "/h/.local/share/asnskill/history.db", false},
		{"home", map[string]string{"HOME": "/h"}, "/h/.local/share/asnskill/history.db", false},
		{"nothing", map[string]string{}, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DefaultPath(func(k string) string { return tt.env[k] })
			if (err != nil) != tt.err || got != tt.want {
				t.Fatalf("got %q, %v; want %q, error %v", got, err, tt.want, tt.err)
			}
		})
	}
}

func TestOpenCreatesPrivateFileAndSchema(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data", "asnskill")
	path := filepath.Join(dir, "history.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Begin(meta("b", t0, "q1")); err != nil { // make the -wal file exist
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" {
		for p, want := range map[string]os.FileMode{path: 0o600, path + "-wal": 0o600, dir: 0o700 | os.ModeDir} {
			fi, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode() != want {
				t.Errorf("%s: mode %v, want %v", p, fi.Mode(), want)
			}
		}
	}
	s.Close()

	db := raw(t, path)
	if v := pragmaInt(t, db, "user_version"); v != SchemaVersion() {
		t.Errorf("user_version %d, want %d", v, SchemaVersion())
	}
	if v := pragmaInt(t, db, "application_id"); v != ApplicationID {
		t.Errorf("application_id %#x, want %#x", v, ApplicationID)
	}
	var mode string
	if err := db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode %q, %v; want wal", mode, err)
	}
	var fkProblems int
	if err := db.QueryRow("SELECT count(*) FROM pragma_foreign_key_check").Scan(&fkProblems); err != nil || fkProblems != 0 {
		t.Errorf("foreign key check: %d, %v", fkProblems, err)
	}
	db.Close()

	// Opening again changes nothing.
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, err := s.List(Filter{}); err != nil || len(got) != 1 {
		t.Fatalf("after reopening: %d attempts, %v", len(got), err)
	}
}

func TestOpenPathWithURICharacters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a?b#c%20d e", "history.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Begin(meta("b", t0, "q1")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database not at the path given: %v", err)
	}
}

func TestOpenForcesForeignKeys(t *testing.T) {
	s := newStore(t)
	var on int
	if err := s.db.QueryRow("PRAGMA foreign_keys").Scan(&on); err != nil || on != 1 {
		t.Fatalf("foreign_keys = %d, %v", on, err)
	}
	var timeout int
	if err := s.db.QueryRow("PRAGMA busy_timeout").Scan(&timeout); err != nil || timeout != 10000 {
		t.Fatalf("busy_timeout = %d, %v", timeout, err)
	}
}

// schemaOf lists the tables and indexes as SQLite stores them.
func schemaOf(t *testing.T, path string) string {
	t.Helper()
	db := raw(t, path)
	defer db.Close()
	rows, err := db.Query(`SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var typ, name, q string
		if err := rows.Scan(&typ, &name, &q); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s %s %s\n", typ, name, q)
	}
	return b.String()
}

func TestMigrateFromEachVersion(t *testing.T) {
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	s, err := Open(fresh)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	want := schemaOf(t, fresh)

	for v := 0; v < len(migrations); v++ {
		t.Run(fmt.Sprintf("from %d", v), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "history.db")
			old, err := open(path, migrations[:v])
			if err != nil {
				t.Fatal(err)
			}
			old.Close()
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			db := raw(t, path)
			if got := pragmaInt(t, db, "user_version"); got != SchemaVersion() {
				t.Errorf("user_version %d, want %d", got, SchemaVersion())
			}
			db.Close()
			if got := schemaOf(t, path); got != want {
				t.Errorf("schema differs from a fresh database:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func TestFailedMigrationChangesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := schemaOf(t, path)

	steps := append(append([]string{}, migrations...), `CREATE TABLE extra (x INTEGER); CREATE TABLE broken (`)
	if s, err := open(path, steps); err == nil {
		s.Close()
		t.Fatal("a broken migration was applied")
	}
	db := raw(t, path)
	if v := pragmaInt(t, db, "user_version"); v != SchemaVersion() {
		t.Errorf("user_version %d after a failed migration, want %d", v, SchemaVersion())
	}
	db.Close()
	if after := schemaOf(t, path); after != before {
		t.Errorf("a failed migration left changes:\n%s", after)
	}
}

func TestTooNewRefusedAndUnchanged(t *testing.T) {
	for _, journal := range []string{"wal", "delete"} {
		t.Run(journal, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "history.db")
			db := raw(t, path)
			mustExec(t, db, "PRAGMA journal_mode = "+journal)
			mustExec(t, db, "CREATE TABLE future (x INTEGER)")
			mustExec(t, db, "INSERT INTO future VALUES (1)")
			mustExec(t, db, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID))
			mustExec(t, db, fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+1))
			db.Close()
			before := readFile(t, path)

			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatal("a newer database was opened")
			}
			if !errors.Is(err, ErrTooNew) {
				t.Fatalf("error %v, want ErrTooNew", err)
			}
			var tn *TooNewError
			if !errors.As(err, &tn) || tn.Version != SchemaVersion()+1 || tn.Known != SchemaVersion() {
				t.Fatalf("error %#v, want a TooNewError with the versions", err)
			}
			if !strings.Contains(err.Error(), "newer") || !strings.Contains(err.Error(), path) {
				t.Errorf("message %q does not say what is wrong with which file", err)
			}
			if after := readFile(t, path); !bytes.Equal(before, after) {
				t.Fatal("the newer database was altered")
			}
		})
	}
}

func TestNotADatabaseRefusedAndUnchanged(t *testing.T) {
	page := bytes.Repeat([]byte{0xA5}, 8192)
	tests := map[string][]byte{
		"text":           []byte("candidate,ml-001\nc-001,B\n"),
		"one byte":       []byte("x"),
		"under a page":   bytes.Repeat([]byte("garbage "), 60),
		"binary":         page,
		"sqlite header":  append([]byte("SQLite format 3\x00"), page...),
		"json":           []byte(`{"format":"asnskill/result/v1"}`),
		"zeroes mid-way": append(append([]byte("SQLite format 3\x00\x10\x00\x01\x01"), make([]byte, 80)...), page...),
	}
	for name, content := range tests {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "history.db")
			if err := os.WriteFile(path, content, 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := Open(path)
			if err == nil {
				_, err = s.List(Filter{})
				s.Close()
			}
			if !errors.Is(err, ErrNotDatabase) {
				t.Fatalf("error %v, want ErrNotDatabase", err)
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("message %q does not name the file", err)
			}
			if after := readFile(t, path); !bytes.Equal(content, after) {
				t.Fatal("the file was altered")
			}
		})
	}
}

func TestEmptyFileIsANewDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Begin(meta("b", t0, "q1")); err != nil {
		t.Fatal(err)
	}
}

func TestOtherProgramsDatabaseRefusedAndUnchanged(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	db := raw(t, path)
	mustExec(t, db, "CREATE TABLE notes (body TEXT)")
	mustExec(t, db, "INSERT INTO notes VALUES ('mine')")
	db.Close()
	before := readFile(t, path)

	s, err := Open(path)
	if err == nil {
		s.Close()
		t.Fatal("another program's database was opened")
	}
	if !errors.Is(err, ErrNotDatabase) || !strings.Contains(err.Error(), "another program") {
		t.Fatalf("error %v, want ErrNotDatabase saying it is another program's", err)
	}
	if !bytes.Equal(before, readFile(t, path)) {
		t.Fatal("the other database was altered")
	}
}

func TestDamagedDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 50 {
		m := meta("bank", t0.Add(time.Duration(i)*time.Minute), "q1", "q2", "q3")
		m.Candidate = strings.Repeat("x", 500)
		if _, err := s.Begin(m); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	b := readFile(t, path)
	if len(b) < 4*4096 {
		t.Fatalf("database only %d bytes; the test needs several pages", len(b))
	}
	for i := 4096; i < len(b); i++ { // every page but the first
		b[i] = 0xFF
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path)
	if err == nil {
		_, err = s.List(Filter{})
		s.Close()
	}
	if !errors.Is(err, ErrNotDatabase) {
		t.Fatalf("error %v, want ErrNotDatabase", err)
	}
	if !bytes.Equal(b, readFile(t, path)) {
		t.Fatal("the damaged database was altered")
	}
}

func TestDirectoryAtPath(t *testing.T) {
	path := t.TempDir()
	if s, err := Open(path); err == nil {
		s.Close()
		t.Fatal("a directory was opened as a database")
	} else if !strings.Contains(err.Error(), "directory") {
		t.Fatalf("error %v does not say it is a directory", err)
	}
	if _, err := Open(""); err == nil {
		t.Fatal("an empty path was accepted")
	}
}

// Only a regular file is a database: a symlink to /dev/null (or any
// device) is refused by Open and OpenRead, and nothing is made beside it.
func TestDeviceAtPathRefused(t *testing.T) {
	if _, err := os.Stat("/dev/null"); err != nil {
		t.Skip("no /dev/null here")
	}
	dir := t.TempDir()
	link := filepath.Join(dir, "history.db")
	if err := os.Symlink("/dev/null", link); err != nil {
		t.Skip(err)
	}
	for name, open := range map[string]func(string) (*Store, error){"Open": Open, "OpenRead": OpenRead} {
		s, err := open(link)
		if err == nil {
			s.Close()
			t.Fatalf("%s opened /dev/null as a database", name)
		}
		if !errors.Is(err, ErrNotDatabase) || !strings.Contains(err.Error(), "not a regular file") || !strings.Contains(err.Error(), link) {
			t.Errorf("%s: %v", name, err)
		}
	}
	for _, side := range []string{"/dev/null-journal", "/dev/null-wal", link + "-wal", link + "-journal"} {
		if _, err := os.Lstat(side); err == nil {
			t.Errorf("%s was made", side)
		}
	}
}

// OpenRead reads without writing: the file keeps its bytes and time, and no
// side file (-wal, -shm, -journal) is left beside it.
func TestOpenReadWritesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "history.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.Begin(AttemptMeta{BankID: "b", BankVersion: "1", BankSHA256: "x", Mode: "exam", Candidate: "c", Lang: "id",
		Questions: []string{"q1"}, StartedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, _ := os.ReadFile(path)
	fi, _ := os.Stat(path)
	r, err := OpenRead(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Attempt(id); err != nil {
		t.Fatal(err)
	}
	if err := r.CheckWritable(); err == nil || !errors.Is(err, ErrReadOnly) {
		t.Errorf("a store opened for reading took a write: %v", err)
	}
	r.Close()
	after, _ := os.ReadFile(path)
	fi2, _ := os.Stat(path)
	if !bytes.Equal(before, after) || !fi.ModTime().Equal(fi2.ModTime()) {
		t.Error("OpenRead changed the file")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("side files left: %v", entries)
	}
}

// In a folder nobody may write to, the history can still be read. Root
// writes anywhere, so this runs only as another user (CI runs as root; the
// same case was checked by hand as nobody, see docs/scoring.md).
func TestOpenReadInReadOnlyFolder(t *testing.T) {
	if os.Getuid() == 0 {
		t.Skip("root ignores folder permissions")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "history.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	r, err := OpenRead(path)
	if err != nil {
		t.Fatalf("read-only folder: %v", err)
	}
	if _, err := r.List(Filter{}); err != nil {
		t.Fatal(err)
	}
	r.Close()
	w, err := Open(path)
	if err == nil {
		err = w.CheckWritable()
		w.Close()
	}
	if !errors.Is(err, ErrReadOnly) {
		t.Errorf("writing into a read-only folder: %v, want ErrReadOnly", err)
	}
}
