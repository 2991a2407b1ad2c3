// Package root assembles the asnskill command tree and its global flags.
package root

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	calibrateCmd "github.com/asnskill/asnskill/internal/cmd/calibrate"
	historyCmd "github.com/asnskill/asnskill/internal/cmd/history"
	interopCmd "github.com/asnskill/asnskill/internal/cmd/interop"
	lintCmd "github.com/asnskill/asnskill/internal/cmd/lint"
	newCmd "github.com/asnskill/asnskill/internal/cmd/newbank"
	previewCmd "github.com/asnskill/asnskill/internal/cmd/preview"
	quizCmd "github.com/asnskill/asnskill/internal/cmd/quiz"
	reportCmd "github.com/asnskill/asnskill/internal/cmd/report"
	rolesCmd "github.com/asnskill/asnskill/internal/cmd/roles"
	schemaCmd "github.com/asnskill/asnskill/internal/cmd/schema"
	scoreCmd "github.com/asnskill/asnskill/internal/cmd/score"
	simulateCmd "github.com/asnskill/asnskill/internal/cmd/simulate"
	statsCmd "github.com/asnskill/asnskill/internal/cmd/stats"
	versionCmd "github.com/asnskill/asnskill/internal/cmd/version"
	"github.com/asnskill/asnskill/internal/cmdutil"
	"github.com/asnskill/asnskill/internal/i18n"
)

// NewCmdRoot builds the command tree. f.LangFlag is already set, so every
// help text is in the user's language.
func NewCmdRoot(f *cmdutil.Factory) *cobra.Command {
	p := f.Printer()
	cmd := &cobra.Command{
		Use:           "asnskill <command>",
		Short:         p.T("root.short"),
		Long:          p.T("root.long"),
		SilenceErrors: true,
		SilenceUsage:  true,
		Example:       p.T("root.example"),
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if f.LangFlag != "" && !i18n.Known(i18n.Choose(f.LangFlag, f.Getenv)) {
				return &cmdutil.FlagError{Err: errors.New(p.T("usage.bad-lang", f.LangFlag))}
			}
			if f.NoColor {
				f.IO.SetColorEnabled(false)
			}
			return nil
		},
	}
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return &cmdutil.FlagError{Err: err} })
	pf := cmd.PersistentFlags()
	pf.StringVar(&f.LangFlag, "lang", f.LangFlag, p.T("flag.lang"))
	pf.Lookup("lang").DefValue = "" // pre-read from the arguments; its default is the environment
	pf.StringArrayVar(&f.BankPaths, "bank", nil, p.T("flag.bank"))
	pf.BoolVar(&f.NoColor, "no-color", false, p.T("flag.no-color"))
	pf.StringVar(&f.DBFlag, "db", "", p.T("flag.db"))

	cmd.AddGroup(
		&cobra.Group{ID: "candidate", Title: p.T("group.candidate")},
		&cobra.Group{ID: "trainer", Title: p.T("group.trainer")},
		&cobra.Group{ID: "scripts", Title: p.T("group.scripts")},
	)
	add := func(group string, cs ...*cobra.Command) {
		for _, c := range cs {
			c.GroupID = group
			cmd.AddCommand(c)
		}
	}
	add("candidate",
		quizCmd.NewCmdQuiz(f, nil),
		rolesCmd.NewCmdRoles(f, nil),
		reportCmd.NewCmdReport(f, nil),
		historyCmd.NewCmdHistory(f, nil),
	)
	add("trainer",
		lintCmd.NewCmdLint(f, nil),
		schemaCmd.NewCmdSchema(f),
		newCmd.NewCmdNew(f, nil),
		previewCmd.NewCmdPreview(f, nil),
		interopCmd.NewCmdImport(f, nil),
		interopCmd.NewCmdExport(f, nil),
	)
	add("scripts",
		scoreCmd.NewCmdScore(f, nil),
		statsCmd.NewCmdStats(f, nil),
		simulateCmd.NewCmdSimulate(f, nil),
		calibrateCmd.NewCmdCalibrate(f, nil),
	)
	cmd.AddCommand(versionCmd.NewCmdVersion(f))
	cmd.AddCommand(&cobra.Command{Use: "exit-codes", Short: p.T("exitcodes.short"), Long: p.T("exitcodes.long")})
	cmd.SetHelpCommandGroupID("scripts")
	cmd.SetCompletionCommandGroupID("scripts")
	localizeTemplates(cmd, p)
	cmd.InitDefaultHelpCmd()
	cmd.InitDefaultCompletionCmd()
	for _, c := range cmd.Commands() {
		switch c.Name() {
		case "help":
			c.Short = p.T("help.short")
		case "completion":
			c.Short = p.T("completion.short")
		}
	}
	localizeHelpFlags(cmd, p)
	localizeDefaults(cmd, p, map[*pflag.Flag]bool{})
	return cmd
}

// localizeDefaults moves each flag's default into its description in the
// user's language: pflag itself appends an English "(default 1000)".
func localizeDefaults(c *cobra.Command, p i18n.Printer, seen map[*pflag.Flag]bool) {
	fix := func(fl *pflag.Flag) {
		if seen[fl] {
			return
		}
		seen[fl] = true
		switch fl.DefValue {
		case "", "0", "0s", "false", "[]", "<nil>":
			return
		}
		def := fl.DefValue
		if fl.Value.Type() == "string" {
			def = fmt.Sprintf("%q", def)
		}
		fl.Usage += " (" + p.T("flag.default", def) + ")"
		// The value pflag takes for "no default" differs by type.
		switch fl.Value.Type() {
		case "int", "int8", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "count", "float32", "float64":
			fl.DefValue = "0"
		case "duration":
			fl.DefValue = "0s"
		case "intSlice", "stringSlice", "stringArray":
			fl.DefValue = "[]"
		default:
			fl.DefValue = ""
		}
	}
	c.LocalFlags().VisitAll(fix)
	c.PersistentFlags().VisitAll(fix)
	for _, sub := range c.Commands() {
		localizeDefaults(sub, p, seen)
	}
}

// localizeHelpFlags gives every command a -h/--help described in the user's
// language (cobra's own text is English).
func localizeHelpFlags(c *cobra.Command, p i18n.Printer) {
	if c.Flags().Lookup("help") == nil {
		c.Flags().BoolP("help", "h", false, p.T("flag.help", c.Name()))
	}
	for _, sub := range c.Commands() {
		localizeHelpFlags(sub, p)
	}
}

func localizeTemplates(cmd *cobra.Command, p i18n.Printer) {
	cmd.SetUsageTemplate(`` + p.T("tmpl.usage") + `:{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command]{{end}}{{if gt (len .Aliases) 0}}

` + p.T("tmpl.aliases") + `:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

` + p.T("tmpl.examples") + `:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}{{$cmds := .Commands}}{{if eq (len .Groups) 0}}

` + p.T("tmpl.commands") + `:{{range $cmds}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{else}}{{range $group := .Groups}}

{{.Title}}{{range $cmds}}{{if (and (eq .GroupID $group.ID) (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if not .AllChildCommandsHaveGroup}}

` + p.T("tmpl.more-commands") + `:{{range $cmds}}{{if (and (eq .GroupID "") (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

` + p.T("tmpl.flags") + `:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

` + p.T("tmpl.global-flags") + `:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasHelpSubCommands}}

` + p.T("tmpl.topics") + `:{{range .Commands}}{{if .IsAdditionalHelpTopicCommand}}
  {{rpad .CommandPath .CommandPathPadding}} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableSubCommands}}

` + p.T("tmpl.more-help") + `{{end}}
`)
}
