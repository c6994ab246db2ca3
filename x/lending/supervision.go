package lending

import (
	"slices"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// PortfolioView is a lender's portfolio quality, as the portfolio query shows it (the
// regulator's supervision views read it too).
func PortfolioView(s store.Reader, lender string, now int64) query.Portfolio {
	return portfolioView(s, lender, now)
}

// IsOpen reports whether a loan is still owed (active or defaulted).
func IsOpen(l *statepb.Loan) bool { return isOpen(l) }

// BookLenders lists every address that keeps a loan book, sorted.
func BookLenders(r store.Reader) []string {
	prefix := core.Key("lend", "book", "")
	var out []string
	store.IteratePrefix(r, prefix, func(k, _ []byte) bool {
		rest := string(k[len(prefix):])
		for i := 0; i < len(rest); i++ {
			if rest[i] == '/' {
				rest = rest[:i]
				break
			}
		}
		if len(out) == 0 || out[len(out)-1] != rest {
			out = append(out, rest)
		}
		return true
	})
	slices.Sort(out)
	return slices.Compact(out)
}
