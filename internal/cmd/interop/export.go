package interop

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/cmdutil"
)

// NewCmdExport is a placeholder until the command lands; it is hidden from help.
func NewCmdExport(f *cmdutil.Factory, runF func() error) *cobra.Command {
	return &cobra.Command{
		Use:    "export",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("export: not available in this build yet")
		},
	}
}
