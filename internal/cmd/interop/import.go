package interop

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/cmdutil"
)

// NewCmdImport is a placeholder until the command lands; it is hidden from help.
func NewCmdImport(f *cmdutil.Factory, runF func() error) *cobra.Command {
	return &cobra.Command{
		Use:    "import",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("import: not available in this build yet")
		},
	}
}
