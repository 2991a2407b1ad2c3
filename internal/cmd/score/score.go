package score

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/cmdutil"
)

// NewCmdScore is a placeholder until the command lands; it is hidden from help.
func NewCmdScore(f *cmdutil.Factory, runF func() error) *cobra.Command {
	return &cobra.Command{Use: "score", Hidden: true, RunE: func(cmd *cobra.Command, args []string) error {
		return errors.New("score: not available in this build yet")
	}}
}
