// Package version implements `asnskill version`: the module version and the
// VCS revision the binary was built from.
package version

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/cmdutil"
)

// NewCmdVersion builds the version command.
func NewCmdVersion(f *cmdutil.Factory) *cobra.Command {
	p := f.Printer()
	return &cobra.Command{
		Use:   "version",
		Short: p.T("version.short"),
		Args:  cmdutil.ExactArgs(0, p),
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintln(f.IO.Out, String())
			return nil
		},
	}
}

// String describes the build: "asnskill VERSION (REVISION[+dirty], TIME, GO)".
func String() string {
	v, rev, when, dirty, goVer := "(devel)", "", "", false, ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		goVer = bi.GoVersion
		if bi.Main.Version != "" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
				if len(rev) > 12 {
					rev = rev[:12]
				}
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	out := "asnskill " + v
	detail := ""
	if rev != "" {
		detail = rev
		if dirty {
			detail += "+dirty"
		}
		if when != "" {
			detail += ", " + when
		}
	}
	if goVer != "" {
		if detail != "" {
			detail += ", "
		}
		detail += goVer
	}
	if detail != "" {
		out += " (" + detail + ")"
	}
	return out
}
