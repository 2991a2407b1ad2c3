package bank

import (
	"fmt"
	"github.com/asnskill/asnskill/internal/i18n"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Set is the banks loaded for one run, by id.
type Set struct {
	banks map[string]*Bank
	// Notices are things the user should know (a shipped bank replaced).
	Notices []Notice
}

// Notice tells that a bank from Path replaced the one from Replaced.
type Notice struct {
	ID, Path, Replaced string
}

// LoadError is a bank that could not be used, with its diagnostics.
type LoadError struct {
	Path  string
	Diags Diagnostics
	Err   error // reading the file failed
}

func (e *LoadError) Error() string {
	if e.Err != nil {
		return e.Err.Error()
	}
	if d, ok := e.Diags.FirstError(); ok {
		return fmt.Sprintf("%s:%d:%d: %s", d.File, d.Line, d.Col, d.Code)
	}
	return e.Path
}

// NewSet returns an empty set.
func NewSet() *Set { return &Set{banks: map[string]*Bank{}} }

// List returns the banks ordered by id.
func (s *Set) List() []*Bank {
	out := make([]*Bank, 0, len(s.banks))
	for _, b := range s.banks {
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Get returns the bank with the id.
func (s *Set) Get(id string) (*Bank, bool) {
	b, ok := s.banks[id]
	return b, ok
}

// IDs lists the bank ids in order.
func (s *Set) IDs() []string {
	var ids []string
	for _, b := range s.List() {
		ids = append(ids, b.ID)
	}
	return ids
}

// Add puts b in the set; a bank with the same id is replaced and the
// replacement noted.
func (s *Set) Add(b *Bank) {
	if old, ok := s.banks[b.ID]; ok {
		s.Notices = append(s.Notices, Notice{ID: b.ID, Path: b.Source, Replaced: old.Source})
	}
	s.banks[b.ID] = b
}

// LoadFS adds every *.yaml bank at the top of fsys (the shipped banks),
// decoding them in parallel: start-up time is mostly YAML.
func (s *Set) LoadFS(fsys fs.FS, prefix string) error {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return err
	}
	sort.Strings(names)
	type loaded struct {
		b   *Bank
		err error
	}
	out := make([]loaded, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b, err := DecodeFS(fsys, n, prefix)
			out[i] = loaded{b, err}
		}()
	}
	wg.Wait()
	for _, l := range out {
		if l.err != nil {
			return l.err
		}
		s.Add(l.b)
	}
	return nil
}

// DecodeFS decodes one shipped bank file of fsys; a bank with errors is a
// *LoadError.
func DecodeFS(fsys fs.FS, name, prefix string) (*Bank, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	b, diags := Decode(prefix+name, data)
	if b == nil || diags.HasErrors() {
		return nil, &LoadError{Path: prefix + name, Diags: diags}
	}
	b.Shipped = true
	return b, nil
}

// LoadPath adds the bank at path, or every *.yaml and *.yml bank in the
// folder at path (not recursive).
func (s *Set) LoadPath(path string) error {
	files, err := BankFiles(path)
	if err != nil {
		return err
	}
	for _, f := range files {
		b, err := ReadFile(f)
		if err != nil {
			return err
		}
		s.Add(b)
	}
	return nil
}

// BankFiles lists the bank files at path: the file itself, or the *.yaml and
// *.yml files of a folder, sorted.
func BankFiles(path string) ([]string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, &LoadError{Path: path, Err: err}
	}
	if !st.IsDir() {
		return []string{path}, nil
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, &LoadError{Path: path, Err: err}
	}
	var out []string
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || strings.HasPrefix(n, ".") {
			continue
		}
		if strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml") {
			out = append(out, filepath.Join(path, n))
		}
	}
	return out, nil
}

// ReadFile reads and decodes one bank file, refusing files over MaxFileSize
// before reading them whole. A bank with errors is a *LoadError.
func ReadFile(path string) (*Bank, error) {
	b, diags, err := ReadFileDiags(path)
	if err != nil {
		return nil, err
	}
	if b == nil || diags.HasErrors() {
		return nil, &LoadError{Path: path, Diags: diags}
	}
	return b, nil
}

// ReadFileDiags reads and decodes one bank file and returns every diagnostic
// (for lint). err is set only when the file cannot be read.
func ReadFileDiags(path string) (*Bank, Diagnostics, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, &LoadError{Path: path, Err: err}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, nil, &LoadError{Path: path, Err: err}
	}
	if st.Size() > MaxFileSize {
		d := Diagnostic{File: path, Line: 1, Col: 1, Severity: Error, Code: "file-too-large", Args: []any{i18n.Dec1(float64(st.Size()) / (1 << 20)), MaxFileSize >> 20}}
		return nil, Diagnostics{d}, nil
	}
	data := make([]byte, st.Size())
	if _, err := readFull(f, data); err != nil {
		return nil, nil, &LoadError{Path: path, Err: err}
	}
	b, diags := Decode(path, data)
	return b, diags, nil
}

func readFull(f *os.File, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		m, err := f.Read(buf[n:])
		n += m
		if err != nil {
			if n == len(buf) {
				return n, nil
			}
			return n, err
		}
	}
	return n, nil
}
