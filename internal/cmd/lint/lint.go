package lint

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/cmdutil"
)

// NewCmdLint is a placeholder until the command lands; it is hidden from help.
func NewCmdLint(f *cmdutil.Factory, runF func() error) *cobra.Command {
	return &cobra.Command{Use: "lint", Hidden: true, RunE: func(cmd *cobra.Command, args []string) error {
		return errors.New("lint: not available in this build yet")
	}}
}
