package report

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/asnskill/asnskill/internal/cmdutil"
)

// NewCmdReport is a placeholder until the command lands; it is hidden from help.
func NewCmdReport(f *cmdutil.Factory, runF func() error) *cobra.Command {
	return &cobra.Command{Use: "report", Hidden: true, RunE: func(cmd *cobra.Command, args []string) error {
		return errors.New("report: not available in this build yet")
	}}
}
