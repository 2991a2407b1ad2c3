package newbank

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/cmdutil"
)

// NewCmdNew is a placeholder until the command lands; it is hidden from help.
func NewCmdNew(f *cmdutil.Factory, runF func() error) *cobra.Command {
	return &cobra.Command{
		Use:    "new",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("new: not available in this build yet")
		},
	}
}
