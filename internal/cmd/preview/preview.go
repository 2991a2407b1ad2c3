package preview

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/cmdutil"
)

// NewCmdPreview is a placeholder until the command lands; it is hidden from help.
func NewCmdPreview(f *cmdutil.Factory, runF func() error) *cobra.Command {
	return &cobra.Command{
		Use:    "preview",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("preview: not available in this build yet")
		},
	}
}
