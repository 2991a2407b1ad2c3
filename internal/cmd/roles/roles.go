// Package roles implements `asnskill roles`: the loaded banks with their
// titles, skills, number of questions and where they come from.
package roles

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/tableprinter"
)

// Options are the roles command's inputs.
type Options struct {
	F      *cmdutil.Factory
	Output *cmdutil.EnumFlag
}

// NewCmdRoles builds the roles command; runF replaces the run in tests.
func NewCmdRoles(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	p := f.Printer()
	opts := &Options{F: f, Output: cmdutil.NewEnum("table", "table", "json", "yaml")}
	cmd := &cobra.Command{
		Use:     "roles",
		Short:   p.T("roles.short"),
		Example: "  $ asnskill roles\n  $ asnskill roles -o json\n  $ asnskill roles --bank ./my-banks",
		Args:    cmdutil.ExactArgs(0, p),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	cmd.Flags().VarP(opts.Output, "output", "o", p.T("flag.output"))
	return cmd
}

// Role is the machine-readable description of one bank.
type Role struct {
	ID           string      `json:"id" yaml:"id"`
	Version      string      `json:"version" yaml:"version"`
	Title        string      `json:"title" yaml:"title"`
	Summary      string      `json:"summary" yaml:"summary"`
	Questions    int         `json:"questions" yaml:"questions"`
	QuizSize     int         `json:"quiz_size" yaml:"quiz_size"`
	TimeLimit    string      `json:"time_limit" yaml:"time_limit"`
	PassingScore float64     `json:"passing_score" yaml:"passing_score"`
	Skills       []RoleSkill `json:"skills" yaml:"skills"`
	Source       string      `json:"source" yaml:"source"`
	SHA256       string      `json:"sha256" yaml:"sha256"`
}

// RoleSkill is one skill of a role.
type RoleSkill struct {
	ID          string  `json:"id" yaml:"id"`
	Name        string  `json:"name" yaml:"name"`
	TargetLevel int     `json:"target_level" yaml:"target_level"`
	Weight      float64 `json:"weight" yaml:"weight"`
	Questions   int     `json:"questions" yaml:"questions"`
}

// Describe turns a bank into a Role in lang.
func Describe(b *bank.Bank, lang string) Role {
	r := Role{ID: b.ID, Version: b.Version, Title: b.Title.Get(lang), Summary: b.Summary.Get(lang),
		Questions: len(b.Questions), QuizSize: b.QuizSize, TimeLimit: b.TimeLimit.String(),
		PassingScore: b.PassingScore, Source: b.Source, SHA256: b.SHA256, Skills: []RoleSkill{}}
	for _, s := range b.Skills {
		r.Skills = append(r.Skills, RoleSkill{ID: s.ID, Name: s.Name.Get(lang), TargetLevel: s.TargetLevel,
			Weight: s.Weight, Questions: len(b.QuestionsOf(s.ID))})
	}
	return r
}

// Run lists the roles.
func Run(opts *Options) error {
	f := opts.F
	set, err := f.Banks()
	if err != nil {
		return err
	}
	lang := f.Lang()
	roles := []Role{}
	for _, b := range set.List() {
		roles = append(roles, Describe(b, lang))
	}
	switch opts.Output.Value {
	case "json":
		enc := json.NewEncoder(f.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(roles)
	case "yaml":
		enc := yaml.NewEncoder(f.IO.Out)
		enc.SetIndent(2)
		return enc.Encode(roles)
	}
	p := f.Printer()
	t := tableprinter.New(f.IO.Out, f.IO.IsStdoutTTY(), f.IO.TerminalWidth())
	t.Header(p.T("roles.col.id"), p.T("roles.col.title"), p.T("roles.col.questions"), p.T("roles.col.time"), p.T("roles.col.source"))
	t.AlignRight(2)
	t.AlignRight(3)
	t.Wrap(1)
	for i, b := range set.List() {
		r := roles[i]
		source := r.Source
		if strings.HasPrefix(source, "embedded:") {
			source = p.T("roles.embedded")
		} else {
			source = filepath.Base(source) // the folder is the one --bank named; -o json has the path
		}
		t.Row(r.ID, p.T("roles.title", r.Title, len(r.Skills)), fmt.Sprint(r.Questions), p.T("roles.minutes", p.Number(b.TimeLimit.Minutes())), source)
	}
	t.Note(p.T("roles.note"))
	if len(roles) == 0 {
		fmt.Fprintln(f.IO.ErrOut, p.T("roles.none"))
	}
	return t.Render()
}
