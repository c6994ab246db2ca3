package scf

import (
	"math/big"
	"sort"

	"github.com/puhui-chain/puhui/money"
)

// ProRata shares amount across weights (all > 0, amount ≤ Σ weights): each share is floored,
// then the remaining minor units go one each by largest remainder, ties to the larger
// weight, then to the earlier position (the caller orders parts by id). Σ shares = amount.
func ProRata(amount int64, weights []int64) ([]int64, error) {
	total, err := money.Sum(weights...)
	if err != nil {
		return nil, err
	}
	shares := make([]int64, len(weights))
	if amount == 0 {
		return shares, nil
	}
	rems := make([]int64, len(weights))
	var given int64
	for i, w := range weights {
		p := new(big.Int).Mul(big.NewInt(amount), big.NewInt(w))
		q, r := new(big.Int).QuoRem(p, big.NewInt(total), new(big.Int))
		shares[i], rems[i] = q.Int64(), r.Int64()
		given += shares[i]
	}
	order := make([]int, len(weights))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		i, j := order[a], order[b]
		if rems[i] != rems[j] {
			return rems[i] > rems[j]
		}
		return weights[i] > weights[j]
	})
	for k := 0; given < amount; k++ {
		shares[order[k]]++
		given++
	}
	return shares, nil
}
