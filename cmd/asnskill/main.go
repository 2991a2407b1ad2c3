// Command asnskill is a skills self-assessment for Indonesian civil servants
// and candidates in the roles of the AI era. See README.md.
package main

import (
	"os"

	"github.com/asnskill/asnskill/internal/app"
)

func main() { os.Exit(app.Main()) }
