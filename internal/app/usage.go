package app

import (
	"regexp"
	"strings"

	"github.com/asnskill/asnskill/internal/i18n"
	"github.com/asnskill/asnskill/internal/textsafe"
)

// cobraMessages are the usage errors cobra and pflag write in English, with
// the catalogue key that says each in the user's language.
var cobraMessages = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^unknown flag: (\S+)$`), "usage.unknown-flag"},
	{regexp.MustCompile(`^unknown shorthand flag: '(.)' in (\S+)$`), "usage.unknown-shorthand"},
	{regexp.MustCompile(`^flag needs an argument: '.' in (\S+)$`), "usage.needs-argument"},
	{regexp.MustCompile(`^flag needs an argument: (.+)$`), "usage.needs-argument"},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.+)" flag: (.*)$`), "usage.invalid-argument"},
	{regexp.MustCompile(`^unknown command "(.*)" for "(.*)"(?:\s+Did you mean this\?\s+(\S+)\s*)?$`), "usage.unknown-command"},
	{regexp.MustCompile(`^bad flag syntax: (.+)$`), "usage.bad-flag-syntax"},
	{regexp.MustCompile(`^if any flags in the group \[(.*)\] are set none of the others can be; \[(.*)\] were all set$`), "usage.exclusive"},
}

// usageMessage says a cobra or pflag usage error in p's language; other
// errors are returned as they are.
func usageMessage(p i18n.Printer, msg string) string {
	for _, m := range cobraMessages {
		if g := m.re.FindStringSubmatch(msg); g != nil {
			args := make([]any, len(g)-1)
			for i, s := range g[1:] {
				args[i] = textsafe.Line(s)
			}
			if m.key == "usage.unknown-command" && g[3] != "" {
				return p.T("usage.unknown-command-suggest", args...)
			}
			if m.key == "usage.invalid-argument" && strings.Contains(g[3], "strconv.Parse") {
				args[2] = p.T("usage.not-a-number")
			}
			return p.T(m.key, args...)
		}
	}
	return msg
}
