package cmdutil

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/asnskill/asnskill/internal/atomicfile"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/textsafe"
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

// Minutes is a duration flag that also takes plain minutes: "25" is 25
// minutes, as candidates say it; "25m", "1h30m" work as Go durations.
type Minutes struct{ D *time.Duration }

func (m Minutes) String() string {
	if m.D == nil || *m.D == 0 {
		return "0" // zero minutes: pflag leaves it out of the help
	}
	return m.D.String()
}

// Set reads minutes or a duration.
func (m Minutes) Set(s string) error {
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseFloat(s, 64); err == nil {
		if n < 0 || n > 24*60 || math.IsNaN(n) {
			return fmt.Errorf("%s minutes is out of range", s)
		}
		*m.D = time.Duration(n * float64(time.Minute))
		return nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("%q is neither minutes (25) nor a duration (25m, 1h30m)", s)
	}
	*m.D = d
	return nil
}

// Type names the flag's value in help.
func (m Minutes) Type() string { return "minutes" }

// Reason says why the system refused a file, in the user's language, for
// the reasons people meet (no folder, permission, read-only, disk full);
// others as the system words them, made safe to print.
func Reason(p i18n.Printer, err error) string {
	for _, c := range []struct {
		errno syscall.Errno
		key   string
	}{
		{syscall.ENOENT, "reason.no-folder"},
		{syscall.EACCES, "reason.denied"},
		{syscall.EPERM, "reason.denied"},
		{syscall.EROFS, "reason.read-only"},
		{syscall.ENOSPC, "reason.disk-full"},
		{syscall.EISDIR, "reason.is-folder"},
		{syscall.ENOTDIR, "reason.not-folder"},
	} {
		if errors.Is(err, c.errno) {
			return p.T(c.key)
		}
	}
	var ae *atomicfile.Error
	if errors.As(err, &ae) {
		err = ae.Err
	}
	return textsafe.Line(err.Error())
}
