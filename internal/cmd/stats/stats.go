package stats

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/cmdutil"
)

// NewCmdStats is a placeholder until the command lands; it is hidden from help.
func NewCmdStats(f *cmdutil.Factory, runF func() error) *cobra.Command {
	return &cobra.Command{
		Use:    "stats",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("stats: not available in this build yet")
		},
	}
}
