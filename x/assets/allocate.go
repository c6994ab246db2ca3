package assets

import (
	"math/bits"
	"slices"
	"strings"

	"github.com/puhui-chain/puhui/money"
)

// share is a holder's floor and remainder of amount × balance / base, exactly (128-bit
// product; balance ≤ base, so the floor fits in int64).
func share(amount, balance, base int64) (floor, remainder int64) {
	hi, lo := bits.Mul64(uint64(amount), uint64(balance))
	q, r := bits.Div64(hi, lo, uint64(base))
	return int64(q), int64(r)
}

// rankBefore is the largest-remainder order: larger remainder first, then larger holding,
// then lower address. The distribution's rank keys sort the same way.
func rankBefore(a, b Allocation) int {
	switch {
	case a.Remainder != b.Remainder:
		return cmpDesc(a.Remainder, b.Remainder)
	case a.Balance != b.Balance:
		return cmpDesc(a.Balance, b.Balance)
	}
	return strings.Compare(a.Holder, b.Holder)
}

func cmpDesc(a, b int64) int {
	if a > b {
		return -1
	}
	return 1
}

// Allocation is one holder's part of an amount split pro rata by largest remainder.
type Allocation struct {
	Holder    string
	Balance   int64
	Floor     int64
	Remainder int64
	Amount    int64
}

// Allocate splits amount over holdings (holder → balance > 0, holders distinct) by largest
// remainder: each gets ⌊amount × balance / Σ⌋, and the units left over go one each to the
// largest remainders (ties: larger holding, then lower address). Σ Amount = amount exactly.
// The result is in address order. Distributions pay by the same rule across blocks; the
// offline quote calls this.
func Allocate(holdings map[string]int64, amount int64) ([]Allocation, error) {
	if err := money.CheckPositive("amount", amount); err != nil {
		return nil, err
	}
	var acc money.Accumulator
	out := make([]Allocation, 0, len(holdings))
	for h, b := range holdings {
		if b <= 0 {
			return nil, ErrBadDistribution.Wrapf("holding of %s must be positive", h)
		}
		acc.Add(b)
		out = append(out, Allocation{Holder: h, Balance: b})
	}
	base, err := acc.Total()
	if err != nil {
		return nil, err
	}
	if base == 0 {
		return nil, ErrBadDistribution.Wrapf("no holdings")
	}
	left := amount
	for i := range out {
		out[i].Floor, out[i].Remainder = share(amount, out[i].Balance, base)
		out[i].Amount = out[i].Floor
		left -= out[i].Floor
	}
	slices.SortFunc(out, rankBefore)
	for i := 0; left > 0; i++ {
		out[i].Amount++
		left--
	}
	slices.SortFunc(out, func(a, b Allocation) int { return strings.Compare(a.Holder, b.Holder) })
	return out, nil
}
