package lending

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx/statepb"
)

func twoDue() []*statepb.Installment {
	return []*statepb.Installment{
		{N: 1, Principal: 200, Interest: 20},
		{N: 2, Principal: 200, Interest: 20},
	}
}

// DOMAIN.md: two instalments due, each 200 principal + 20 interest; payment 40.
func TestAllocationDomainExample(t *testing.T) {
	ins := twoDue()
	p := allocate(AllocationStandard, ins, 40)
	require.Equal(t, Paid{Interest: 20, Principal: 20}, p)
	require.Equal(t, int64(20), ins[0].InterestPaid)
	require.Equal(t, int64(20), ins[0].PrincipalPaid)
	require.Equal(t, int64(0), ins[1].InterestPaid+ins[1].PrincipalPaid)

	ins = twoDue()
	p = allocate(AllocationInterestFirst, ins, 40)
	require.Equal(t, Paid{Interest: 40}, p)
	require.Equal(t, int64(20), ins[0].InterestPaid)
	require.Equal(t, int64(20), ins[1].InterestPaid)

	ins = twoDue()
	p = allocate(AllocationPrincipalFirst, ins, 40)
	require.Equal(t, Paid{Principal: 40}, p)
	require.Equal(t, int64(40), ins[0].PrincipalPaid)
}

// Under standard, each instalment is paid penalties → fees → interest → principal.
func TestStandardOrderPenaltyFeeInterestPrincipal(t *testing.T) {
	in := &statepb.Installment{Principal: 100, Interest: 10, Fee: 5, Penalty: 3}
	var got []Paid
	for _, amount := range []int64{3, 5, 10, 100} {
		got = append(got, allocate(AllocationStandard, []*statepb.Installment{in}, amount))
	}
	require.Equal(t, []Paid{{Penalty: 3}, {Fee: 5}, {Interest: 10}, {Principal: 100}}, got)
	require.Equal(t, Paid{}, allocate(AllocationStandard, []*statepb.Installment{in}, 50), "nothing owed, nothing taken")

	in = &statepb.Installment{Principal: 100, Interest: 10, Fee: 5, Penalty: 3}
	require.Equal(t, Paid{Principal: 100, Interest: 10, Penalty: 2}, allocate(AllocationPrincipalFirst, []*statepb.Installment{in}, 112))
}

func TestAllocationNeverExceedsWhatIsOwed(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 5).Draw(t, "n")
		var ins []*statepb.Installment
		var owedTotal int64
		for i := 0; i < n; i++ {
			in := &statepb.Installment{N: uint32(i + 1), Principal: rapid.Int64Range(0, 1e6).Draw(t, "p"),
				Interest: rapid.Int64Range(0, 1e5).Draw(t, "i"), Fee: rapid.Int64Range(0, 1e3).Draw(t, "f"),
				Penalty: rapid.Int64Range(0, 1e3).Draw(t, "pen")}
			owedTotal += Owed(in)
			ins = append(ins, in)
		}
		strategy := rapid.SampledFrom([]string{AllocationStandard, AllocationInterestFirst, AllocationPrincipalFirst}).Draw(t, "s")
		amount := rapid.Int64Range(0, 3e6).Draw(t, "amount")
		p := allocate(strategy, ins, amount)
		require.Equal(t, min(amount, owedTotal), p.Total())
		var left int64
		for _, in := range ins {
			left += Owed(in)
		}
		require.Equal(t, owedTotal-p.Total(), left)
	})
}

// split is splitProRata for weights whose sum fits.
func split(t require.TestingT, total int64, weights []int64) []int64 {
	shares, err := splitProRata(total, weights)
	require.NoError(t, err)
	return shares
}

func TestSplitProRataAddsUp(t *testing.T) {
	require.Equal(t, []int64{11334, 11334, 11334}, split(t, 34002, []int64{33333, 33333, 33334}))
	require.Equal(t, []int64{1, 0, 0}, split(t, 1, []int64{1, 1, 1}), "a tie goes to the earliest")
	require.Equal(t, []int64{0, 0}, split(t, 0, []int64{5, 7}))
	_, err := splitProRata(1, []int64{math.MaxInt64, 1})
	require.ErrorIs(t, err, money.ErrOverflow, "weights beyond int64 are an error, not a wrap")
	rapid.Check(t, func(t *rapid.T) {
		weights := rapid.SliceOfN(rapid.Int64Range(0, 1e12), 1, 30).Draw(t, "w")
		total := rapid.Int64Range(0, 1e15).Draw(t, "total")
		shares := split(t, total, weights)
		var sum, wsum int64
		for _, w := range weights {
			wsum += w
		}
		for i, s := range shares {
			sum += s
			if wsum > 0 {
				floor, err := money.MulDiv(total, weights[i], wsum, money.RoundingDown)
				require.NoError(t, err)
				require.True(t, s == floor || s == floor+1, "share %d within a cent of its exact part", i)
			}
		}
		if wsum > 0 {
			require.Equal(t, total, sum)
		}
	})
}

func TestMulDivRoundingModes(t *testing.T) {
	// 12.345 → 12.34 under half-even, 12.35 under half-up (DOMAIN.md's example, in units).
	for _, tc := range []struct {
		mode string
		a    int64
		want int64
	}{
		{"half_even", 12345, 1234}, {"half_up", 12345, 1235}, {"half_even", 12355, 1236},
		{"down", 12349, 1234}, {"up", 12341, 1235}, {"ceiling", -12341, -1234}, {"floor", -12341, -1235},
		{"half_even", -12345, -1234}, {"half_up", -12345, -1235}, {"down", -12349, -1234},
	} {
		require.Equal(t, tc.want, mulDiv(tc.a, 1, 10, tc.mode), "%s of %d/10", tc.mode, tc.a)
	}
	require.Equal(t, int64(9_000_000_000_000_000), mulDiv(9_000_000_000_000_000, 10_000, 10_000, ""), "no overflow in the product")
}

func TestApprovalRuleCompileChecks(t *testing.T) {
	_, err := compileRule("amount <= 500000 && kyc_level >= 2")
	require.NoError(t, err)
	for _, src := range []string{
		"amount >",         // does not parse
		"amount + 1",       // not a bool
		"unknown_fact > 3", // not in the vocabulary
		strings.Repeat("x", MaxRuleBytes+1),
		// three nested comprehensions over 40 elements: far above the cost limit
		"[" + nums(40) + "].all(a, [" + nums(40) + "].all(b, [" + nums(40) + "].all(c, a + b + c >= amount)))",
	} {
		_, err := compileRule(src)
		require.ErrorIs(t, err, ErrBadRule, "%.60s", src)
	}
	approve, decided, _ := evalRule("amount / periods > 1000", Facts{Amount: 5000, Periods: 0, Assessed: assessedAll(0)})
	require.False(t, decided, "a division by zero does not decide")
	require.False(t, approve)
}

func nums(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = "1"
	}
	return strings.Join(parts, ",")
}

// mulDiv is money.MulDiv for operands that fit.
func mulDiv(a, b, c int64, mode string) int64 {
	v, err := money.MulDiv(a, b, c, mode)
	if err != nil {
		panic(err)
	}
	return v
}
