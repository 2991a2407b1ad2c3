package history

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/cmdutil"
)

// NewCmdHistory is a placeholder until the command lands; it is hidden from help.
func NewCmdHistory(f *cmdutil.Factory, runF func() error) *cobra.Command {
	return &cobra.Command{
		Use:    "history",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("history: not available in this build yet")
		},
	}
}
