package quiz

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/cmdutil"
)

// NewCmdQuiz is a placeholder until the command lands; it is hidden from help.
func NewCmdQuiz(f *cmdutil.Factory, runF func() error) *cobra.Command {
	return &cobra.Command{
		Use:    "quiz",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("quiz: not available in this build yet")
		},
	}
}
