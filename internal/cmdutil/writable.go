package cmdutil

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// CheckWritable reports whether a file can be written at path, without
// changing anything there: its folder must exist and take a new file, and
// the path must not be a folder. Commands call it before long work (a quiz,
// bulk scoring) so that an output that cannot be written is found out before
// anything is lost.
func CheckWritable(path string) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return errors.New("it is a folder")
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("folder %s: %w", dir, unwrapPath(err))
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s is not a folder", dir)
	}
	// A file made and removed at once is the only sure test: permissions,
	// ACLs, read-only mounts and quotas all answer it.
	f, err := os.CreateTemp(dir, ".asnskill-check-*")
	if err != nil {
		return fmt.Errorf("folder %s: %w", dir, unwrapPath(err))
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}

// unwrapPath drops the operation and path of a *PathError, which the message
// around it already names.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
