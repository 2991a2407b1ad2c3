// Package schema implements `asnskill schema`: the JSON Schema of the bank
// format, for editors (the YAML language server) and validators.
package schema

import (
	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/bank"
	"github.com/asnskill/asnskill/internal/cmdutil"
)

// NewCmdSchema builds the schema command.
func NewCmdSchema(f *cmdutil.Factory) *cobra.Command {
	p := f.Printer()
	return &cobra.Command{
		Use:     "schema",
		Short:   p.T("schema.short"),
		Long:    p.T("schema.long"),
		Example: "  $ asnskill schema > bank.schema.json",
		Args:    cmdutil.ExactArgs(0, p),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := f.IO.Out.Write(bank.Schema())
			return err
		},
	}
}
