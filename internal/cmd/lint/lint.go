// Package lint implements `asnskill lint`: every rule of the bank format,
// reported as FILE:LINE:COL: severity: message (hint), with a snippet and a
// caret on a terminal, as JSON for tools, or as GitHub workflow annotations
// for a trainer's CI.
package lint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/textsafe"
	"github.com/asnskill/asnskill/quizzes"
)

// Options are the lint command's inputs.
type Options struct {
	F      *cmdutil.Factory
	Paths  []string
	Strict bool
	Output *cmdutil.EnumFlag
	Watch  bool
	// Interval between checks in --watch mode.
	Interval time.Duration
	// Stop ends --watch (tests); nil runs until interrupted.
	Stop <-chan struct{}
}

// NewCmdLint builds the lint command; runF replaces the run in tests.
func NewCmdLint(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	p := f.Printer()
	opts := &Options{F: f, Output: cmdutil.NewEnum("text", "text", "json", "github"), Interval: 500 * time.Millisecond}
	cmd := &cobra.Command{
		Use:   "lint [<path>...]",
		Short: p.T("lint.short"),
		Long:  p.T("lint.long"),
		Example: "  $ asnskill lint my-bank.yaml\n  $ asnskill lint --strict quizzes/\n" +
			"  $ asnskill lint -o github banks/\n  $ asnskill lint --watch my-bank.yaml",
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, p.T("lint.flag.strict"))
	cmd.Flags().VarP(opts.Output, "output", "o", p.T("flag.output"))
	cmd.Flags().BoolVarP(&opts.Watch, "watch", "w", false, p.T("lint.flag.watch"))
	return cmd
}

// source is one bank file to lint.
type source struct {
	name string
	data []byte
	err  error
	size int64 // set for a file over bank.MaxFileSize, which is not read
}

// Finding is a diagnostic as written by -o json.
type Finding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
}

// Report is the -o json document.
type Report struct {
	Files       []string  `json:"files"`
	Errors      int       `json:"errors"`
	Warnings    int       `json:"warnings"`
	Strict      bool      `json:"strict"`
	Diagnostics []Finding `json:"diagnostics"`
}

// Run lints once, or keeps linting on every change with --watch.
func Run(opts *Options) error {
	if !opts.Watch {
		failed, err := lintOnce(opts)
		if err != nil {
			return err
		}
		if failed {
			return cmdutil.ErrSilent
		}
		return nil
	}
	return watch(opts)
}

func lintOnce(opts *Options) (failed bool, err error) {
	f := opts.F
	p := f.Printer()
	srcs, err := sources(opts)
	if err != nil {
		return false, err
	}
	var all bank.Diagnostics
	var files []string
	data := map[string][]byte{}
	for _, s := range srcs {
		files = append(files, s.name)
		if s.err != nil {
			all = append(all, bank.Diagnostic{File: s.name, Line: 1, Col: 1, Severity: bank.Error, Code: "unreadable", Args: []any{s.err.Error()}})
			continue
		}
		data[s.name] = s.data
		_, ds := bank.Decode(s.name, s.data)
		if s.size > 0 { // the real size, not what was read
			ds = bank.Diagnostics{{File: s.name, Line: 1, Col: 1, Severity: bank.Error, Code: "file-too-large",
				Args: []any{i18n.Dec1(float64(s.size) / (1 << 20)), bank.MaxFileSize >> 20}}}
		}
		all = append(all, ds...)
	}
	errs, warns := all.Count()
	failed = errs > 0 || (opts.Strict && warns > 0)
	switch opts.Output.Value {
	case "json":
		r := Report{Files: files, Errors: errs, Warnings: warns, Strict: opts.Strict, Diagnostics: []Finding{}}
		for _, d := range all {
			r.Diagnostics = append(r.Diagnostics, Finding{File: d.File, Line: d.Line, Col: d.Col, Severity: d.Severity.String(),
				Code: d.Code, Message: d.Message(p), Hint: d.Hint(p)})
		}
		enc := json.NewEncoder(f.IO.Out)
		enc.SetIndent("", "  ")
		return failed, enc.Encode(r)
	case "github":
		for _, d := range all {
			fmt.Fprintln(f.IO.Out, githubAnnotation(d, p, opts.Strict))
		}
	default:
		tty := f.IO.IsStdoutTTY()
		for _, d := range all {
			fmt.Fprintln(f.IO.Out, d.Format(p))
			if tty {
				if s := snippet(data[d.File], d.Line, d.Col); s != "" {
					fmt.Fprint(f.IO.Out, s)
				}
			}
		}
	}
	switch {
	case errs == 0 && warns == 0:
		fmt.Fprintln(f.IO.ErrOut, p.T("lint.clean", len(files)))
	default:
		fmt.Fprintln(f.IO.ErrOut, p.T("lint.summary", errs, warns, len(files)))
		if warns > 0 && errs == 0 && opts.Strict {
			fmt.Fprintln(f.IO.ErrOut, p.T("lint.strict-failed"))
		}
	}
	return failed, nil
}

// sources lists the files to lint: the paths given (files or folders), or
// every loaded bank: the shipped ones, ASNSKILL_BANKS and --bank.
func sources(opts *Options) ([]source, error) {
	f := opts.F
	var out []source
	paths := opts.Paths
	if len(paths) == 0 {
		if f.Shipped {
			names, _ := fs.Glob(quizzes.FS, "*.yaml")
			sort.Strings(names)
			for _, n := range names {
				data, err := fs.ReadFile(quizzes.FS, n)
				out = append(out, source{name: "embedded:quizzes/" + n, data: data, err: err})
			}
		}
		if env := f.Getenv("ASNSKILL_BANKS"); env != "" {
			paths = append(paths, filepath.SplitList(env)...)
		}
		paths = append(paths, f.BankPaths...)
	}
	for _, p := range paths {
		if p == "" {
			continue
		}
		files, err := bank.BankFiles(p)
		if err != nil {
			return nil, cmdutil.Errorf(f.Printer().T("lint.hint.path"), "%s", err.Error())
		}
		if len(files) == 0 {
			return nil, cmdutil.Errorf(f.Printer().T("lint.hint.path"), "%s", f.Printer().T("lint.no-files", p))
		}
		for _, file := range files {
			out = append(out, readSource(file))
		}
	}
	return out, nil
}

func readSource(path string) source {
	st, err := os.Stat(path)
	if err != nil {
		return source{name: path, err: err}
	}
	if st.Size() > bank.MaxFileSize {
		// Refused from its size alone: do not read 1 GB to say so.
		return source{name: path, size: st.Size()}
	}
	data, err := os.ReadFile(path)
	return source{name: path, data: data, err: err}
}

// snippet shows the line with a caret under the column.
func snippet(data []byte, line, col int) string {
	if len(data) == 0 || line < 1 {
		return ""
	}
	lines := bytes.Split(data, []byte("\n"))
	if line > len(lines) {
		return ""
	}
	l := strings.TrimRight(string(lines[line-1]), "\r")
	if len(l) > 200 {
		return ""
	}
	shown := textsafe.Line(strings.ReplaceAll(l, "\t", " "))
	caret := strings.Repeat(" ", max(0, col-1)) + "^"
	return fmt.Sprintf("  %4d | %s\n       | %s\n", line, shown, caret)
}

// githubAnnotation writes a workflow command such as
// ::error file=a.yaml,line=3,col=5,title=unknown-key::message
func githubAnnotation(d bank.Diagnostic, p i18n.Printer, strict bool) string {
	level := "warning"
	if d.Severity == bank.Error || strict {
		level = "error"
	}
	msg := d.Message(p)
	if h := d.Hint(p); h != "" {
		msg += " (" + h + ")"
	}
	return fmt.Sprintf("::%s file=%s,line=%d,col=%d,title=%s::%s", level, ghProperty(d.File), d.Line, d.Col,
		ghProperty("asnskill "+d.Code), ghData(msg))
}

func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// watch re-lints whenever a file's size or modification time changes.
func watch(opts *Options) error {
	f := opts.F
	p := f.Printer()
	if len(opts.Paths) == 0 {
		return cmdutil.FlagErrorf("%s", p.T("lint.watch-needs-path"))
	}
	last := ""
	for {
		state := fingerprint(opts.Paths)
		if state != last {
			last = state
			if f.IO.IsStdoutTTY() {
				fmt.Fprint(f.IO.Out, "\x1b[H\x1b[2J")
			}
			fmt.Fprintln(f.IO.ErrOut, p.T("lint.watching", f.Now().Format("15:04:05")))
			if _, err := lintOnce(opts); err != nil {
				fmt.Fprintln(f.IO.ErrOut, "asnskill:", textsafe.Line(err.Error()))
			}
		}
		select {
		case <-opts.Stop:
			return nil
		case <-time.After(opts.Interval):
		}
	}
}

func fingerprint(paths []string) string {
	var b strings.Builder
	for _, p := range paths {
		files, _ := bank.BankFiles(p)
		for _, f := range files {
			if st, err := os.Stat(f); err == nil {
				fmt.Fprintf(&b, "%s|%d|%d;", f, st.Size(), st.ModTime().UnixNano())
			}
		}
	}
	return b.String()
}
