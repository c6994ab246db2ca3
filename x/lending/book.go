package lending

import (
	"math/big"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// LenderBookKey holds a lender's running portfolio in one asset.
func LenderBookKey(lender, asset string) []byte { return core.Key("lend", "book", lender, asset) }

// LenderBook reads a lender's running portfolio (empty before its first loan).
func LenderBook(r store.Reader, lender, asset string) *statepb.LenderBook {
	var b statepb.LenderBook
	core.GetProto(r, LenderBookKey(lender, asset), &b)
	return &b
}

// moveBook changes a lender's gross loan portfolio by delta at block time now (and its
// written-off total by writtenOff), first adding the time since the last change to the
// GLP integral. The integral is a big integer: GLP × seconds outgrows int64.
// Both sums are checked: a lender that re-lends what comes back can push its portfolio past
// int64, and the disbursement then fails with amount.overflow instead of wrapping the book.
func moveBook(ctx *core.Context, lender, asset string, delta, writtenOff int64) error {
	b := LenderBook(ctx.KV, lender, asset)
	now := ctx.Now()
	if b.Since == 0 {
		b.Since, b.LastChange = now, now
	}
	glp, err := money.Add(b.Glp, delta)
	if err != nil {
		return err
	}
	if glp < 0 {
		return tx.ErrInternal.Wrapf("gross loan portfolio of %s in %s would fall below zero (%d %+d)", lender, asset, b.Glp, delta)
	}
	if b.WrittenOff, err = money.Add(b.WrittenOff, writtenOff); err != nil {
		return err
	}
	b.GlpSeconds = integral(b, now).Bytes()
	b.LastChange = now
	b.Glp = glp
	core.SetProto(ctx.KV, LenderBookKey(lender, asset), b)
	return nil
}

// integral is ∫ GLP dt from the book's start to now.
func integral(b *statepb.LenderBook, now int64) *big.Int {
	sum := new(big.Int).SetBytes(b.GlpSeconds)
	if now > b.LastChange {
		sum.Add(sum, new(big.Int).Mul(big.NewInt(b.Glp), big.NewInt(now-b.LastChange)))
	}
	return sum
}

// WriteOffRatio is DOMAIN.md's write-off ratio with the lender's whole history as the
// period: principal written off / the time-weighted average gross loan portfolio since its
// first loan, as a percentage with two decimals (half-even); "0.00" before any history.
func WriteOffRatio(b *statepb.LenderBook, now int64) string {
	span := now - b.Since
	sum := integral(b, now)
	if b.Since == 0 || span <= 0 || sum.Sign() == 0 {
		return "0.00"
	}
	// ratio in basis points = written_off × span × 10,000 / ∫GLP dt, rounded half-even.
	num := new(big.Int).Mul(big.NewInt(b.WrittenOff), big.NewInt(span))
	num.Mul(num, big.NewInt(maxBps))
	q, err := money.QuoBig(num, sum, money.RoundingHalfEven)
	if err != nil || !q.IsInt64() {
		return "overflow"
	}
	return money.FormatMinor(q.Int64(), 2)
}

// AverageGLP is the time-weighted average gross loan portfolio since the first loan.
func AverageGLP(b *statepb.LenderBook, now int64) int64 {
	span := now - b.Since
	if b.Since == 0 || span <= 0 {
		return b.Glp
	}
	q := new(big.Int).Quo(integral(b, now), big.NewInt(span))
	if !q.IsInt64() {
		return -1
	}
	return q.Int64()
}
