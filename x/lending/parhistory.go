package lending

import (
	"bytes"
	"encoding/binary"
	"strings"

	"google.golang.org/protobuf/encoding/protowire"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// Portfolio history: how a lender's GLP and PAR30 moved over the last business days. A
// block must not scan loans, so the PAR30 numerator (the outstanding principal of open loans
// more than 30 days past due, beyond their product's grace) is kept per lender and asset and
// moved by each loan's own save (saveLoan); every block brings each lender book's point for
// the business day up to date (so a day's point is its state at the day's last block, and
// today's is live), and only the newest HistoryDays points are kept.
const (
	HistoryDays = 30
	historyDPD  = 30 // the PAR threshold the history follows
)

func atRiskKey(lender, asset string) []byte { return core.Key("lend", "risk30", lender, asset) }

func historyPrefix(lender, asset string) []byte { return core.Key("lend", "hist", lender, asset, "") }

func historyKey(lender, asset string, day int64) []byte {
	return core.Key("lend", "hist", lender, asset, string(binary.BigEndian.AppendUint64(nil, uint64(day))))
}

var bookPrefix = core.Key("lend", "book", "")

// atRisk30 is a loan's part of its lender's PAR30 numerator, as Portfolio.PAR(30) counts it.
func atRisk30(r store.Reader, l *statepb.Loan) int64 {
	if !isOpen(l) || l.Dpd <= historyDPD {
		return 0
	}
	if p, ok := GetProduct(r, l.ProductId); ok && l.Dpd <= p.Terms.ArrearsGraceDays {
		return 0
	}
	return Outstanding(l)
}

// moveAtRisk moves the lender's PAR30 numerator by what a loan's save changes in its part
// (before: the part of the loan it replaces). It cannot overflow: the sum is part of the
// lender's GLP, whose moves are checked.
func moveAtRisk(kv store.KV, before int64, after *statepb.Loan) {
	if delta := atRisk30(kv, after) - before; delta != 0 {
		key := atRiskKey(after.Lender, after.Asset)
		core.SetInt64(kv, key, core.GetInt64(kv, key)+delta)
	}
}

// storedAtRisk30 is atRisk30 of the loan stored under id (0 for none: a loan before its
// application has no part at risk). Every save reads the loan it replaces for this, and
// nearly every stored loan is closed or at most 30 days past due, which its status and dpd
// fields say without decoding the whole loan: the full decode was a quarter of a due
// collection's proto decoding.
func storedAtRisk30(r store.Reader, id uint64) int64 {
	raw := r.Get(LoanKey(id))
	if raw == nil {
		return 0
	}
	if status, dpd, ok := loanRiskFields(raw); ok && (!openStatus(status) || dpd <= historyDPD) {
		return 0
	}
	var l statepb.Loan
	core.MustUnmarshal(raw, &l)
	return atRisk30(r, &l)
}

// The Loan fields storedAtRisk30 reads, by number from the message's own descriptor.
var (
	loanStatusField = (&statepb.Loan{}).ProtoReflect().Descriptor().Fields().ByName("status").Number()
	loanDPDField    = (&statepb.Loan{}).ProtoReflect().Descriptor().Fields().ByName("dpd").Number()
)

// loanRiskFields reads an encoded loan's status and dpd as proto.Unmarshal would (absent is
// zero; of repeated occurrences the last counts; varints truncated to the fields' widths),
// skipping every other field; ok is false for an encoding it cannot walk.
func loanRiskFields(b []byte) (status statepb.LoanStatus, dpd uint32, ok bool) {
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return 0, 0, false
		}
		b = b[n:]
		if (num == loanStatusField || num == loanDPDField) && typ == protowire.VarintType {
			v, m := protowire.ConsumeVarint(b)
			if m < 0 {
				return 0, 0, false
			}
			if num == loanStatusField {
				status = statepb.LoanStatus(int32(v))
			} else {
				dpd = uint32(v)
			}
			b = b[m:]
			continue
		}
		m := protowire.ConsumeFieldValue(num, typ, b)
		if m < 0 {
			return 0, 0, false
		}
		b = b[m:]
	}
	return status, dpd, true
}

// AtRisk30 is a lender's outstanding principal more than 30 days past due in one asset.
func AtRisk30(r store.Reader, lender, asset string) int64 {
	return core.GetInt64(r, atRiskKey(lender, asset))
}

// recordHistory is lending's end-of-block work: each lender book's point for today, written
// when it changed. Its cost is the number of books (lenders × assets), never the number of
// loans.
func recordHistory(ctx *core.Context) error {
	today := ctx.Today().Day
	var books [][2]string
	store.IteratePrefix(ctx.KV, bookPrefix, func(k, _ []byte) bool {
		lender, asset, _ := strings.Cut(string(k[len(bookPrefix):]), "/")
		books = append(books, [2]string{lender, asset})
		return true
	})
	for _, b := range books {
		point := binary.BigEndian.AppendUint64(nil, uint64(LenderBook(ctx.KV, b[0], b[1]).Glp))
		point = binary.BigEndian.AppendUint64(point, uint64(AtRisk30(ctx.KV, b[0], b[1])))
		key := historyKey(b[0], b[1], today)
		old := ctx.KV.Get(key)
		if bytes.Equal(old, point) {
			continue
		}
		ctx.KV.Set(key, point)
		if old == nil { // a new day: the oldest may go
			pruneHistory(ctx.KV, b[0], b[1])
		}
	}
	return nil
}

// pruneHistory keeps a book's newest HistoryDays points (keys sort by day).
func pruneHistory(kv store.KV, lender, asset string) {
	var keys [][]byte
	store.IteratePrefix(kv, historyPrefix(lender, asset), func(k, _ []byte) bool {
		keys = append(keys, append([]byte(nil), k...))
		return true
	})
	for len(keys) > HistoryDays {
		kv.Delete(keys[0])
		keys = keys[1:]
	}
}

// HistoryPoint is one business day's record of a lender book.
type HistoryPoint struct {
	Day      int64 // days since 1970-01-01
	GLP      int64
	AtRisk30 int64
}

// BookHistory lists a lender book's recorded points, oldest first.
func BookHistory(r store.Reader, lender, asset string) []HistoryPoint {
	prefix := historyPrefix(lender, asset)
	var out []HistoryPoint
	store.IteratePrefix(r, prefix, func(k, v []byte) bool {
		if len(v) == 16 && len(k) == len(prefix)+8 {
			out = append(out, HistoryPoint{Day: int64(binary.BigEndian.Uint64(k[len(prefix):])),
				GLP: int64(binary.BigEndian.Uint64(v[:8])), AtRisk30: int64(binary.BigEndian.Uint64(v[8:]))})
		}
		return true
	})
	return out
}
