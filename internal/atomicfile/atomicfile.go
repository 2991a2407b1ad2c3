// Package atomicfile writes output files so that a reader never sees half of
// one and a failure leaves the old file as it was: the content goes to a
// temporary file in the same folder, is synced, and is renamed over the
// target only when complete.
package atomicfile

import (
	"bufio"
	"errors"
	"io"
	"os"
	"path/filepath"
)

// Error is a failure to write the target file itself (its folder, the
// disk), as opposed to an error of fill. It names the target, never the
// temporary file beside it.
type Error struct {
	Path string
	Err  error // the system's reason, without the temporary file's name
}

func (e *Error) Error() string { return "cannot write " + e.Path + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

func fsErr(path string, err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	return &Error{Path: path, Err: err}
}

// Write creates or replaces path with what fill writes. perm applies to a
// new file; an existing file keeps its mode.
func Write(path string, perm os.FileMode, fill func(w io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fsErr(path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if st, statErr := os.Stat(path); statErr == nil {
		perm = st.Mode().Perm()
	}
	if err = tmp.Chmod(perm); err != nil {
		return fsErr(path, err)
	}
	bw := bufio.NewWriterSize(tmp, 256<<10)
	if err = fill(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return fsErr(path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fsErr(path, err)
	}
	if err = tmp.Close(); err != nil {
		return fsErr(path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fsErr(path, err)
	}
	return nil
}
