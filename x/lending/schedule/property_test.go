package schedule_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/x/lending/schedule"
)

// randomRequest draws a valid request across every option. The rng is seeded, so a failure
// reproduces exactly.
func randomRequest(rng *rand.Rand) schedule.Request {
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	scale := rng.IntN(5)
	periods := 1 + rng.IntN(120)
	if rng.IntN(10) == 0 {
		periods = 1 + rng.IntN(360)
	}
	req := schedule.Request{
		Principal:         decimalString(1+rng.Int64N(1_000_000_000_000), scale),
		AnnualRatePercent: decimalString(rng.Int64N(600_000), 4), // 0 … 60%, 4 decimals
		Periods:           periods,
		Frequency:         pick("", "days", "weeks", "months"),
		Every:             ptr(1 + rng.IntN(4)),
		InterestMethod:    pick("", "declining_balance", "flat"),
		Amortization:      pick("", "equal_installments", "equal_principal"),
		InterestPeriod:    pick("", "same_as_repayment", "daily"),
		DaysInYear:        pick("", "360", "365", "actual"),
		DaysInMonth:       pick("", "30", "actual"),
		Rounding:          pick("", "half_even", "half_up", "down", "up", "ceiling", "floor"),
		Scale:             ptr(scale),
		StartDate:         fmt.Sprintf("%04d-%02d-%02d", 1990+rng.IntN(60), 1+rng.IntN(12), 1+rng.IntN(28)),
	}
	if rng.IntN(3) == 0 {
		req.PrincipalGracePeriods = rng.IntN(periods)
	}
	if rng.IntN(5) == 0 {
		req.AnnualRatePercent = pick("0", "1000", "0.0001")
	}
	if rng.IntN(4) == 0 && req.InterestMethod != "flat" && req.Amortization != "equal_principal" {
		req.InstallmentMultiple = decimalString(1+rng.Int64N(1000), scale)
	}
	if rng.IntN(8) == 0 {
		req.StartDate = pick("2024-01-31", "2023-01-31", "2024-02-29", "2023-08-31")
	}
	return req
}

// decimalString renders minor units at scale without going through the package under test.
func decimalString(minor int64, scale int) string {
	s := strconv.FormatInt(minor, 10)
	if scale == 0 {
		return s
	}
	for len(s) <= scale {
		s = "0" + s
	}
	return s[:len(s)-scale] + "." + s[len(s)-scale:]
}

func TestPropertyInvariants(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		rng := rand.New(rand.NewPCG(seed, 0x5eed))
		computed := 0
		for i := range 100 {
			req := randomRequest(rng)
			s, err := schedule.Compute(req)
			if err != nil {
				// The only legitimate refusal of a generated request: a multiple coarser
				// than the whole instalment.
				var fe *schedule.FieldError
				require.True(t, errors.As(err, &fe), "seed %d #%d %+v: %v", seed, i, req, err)
				require.Equal(t, "installment_multiple", fe.Field, "seed %d #%d %+v", seed, i, req)
				continue
			}
			computed++
			requireInvariants(t, req, s)
			requireShape(t, req, s)
			again, err := schedule.Compute(req)
			require.NoError(t, err)
			require.Equal(t, mustJSON(t, s), mustJSON(t, again), "deterministic")
			rows, err := schedule.ComputeRows(req)
			require.NoError(t, err)
			for i, in := range rows.Installments { // the same rows, without strings
				shown := s.Installments[i]
				shown.Principal, shown.Interest, shown.Total, shown.Balance = "", "", "", ""
				require.Equal(t, shown, in)
			}
			require.Equal(t, s.TotalInterestMinor, rows.TotalInterestMinor)
			require.Empty(t, rows.TotalInterest+rows.TotalPrincipal+rows.APRPercent)
			first, err := schedule.FirstInstallment(req)
			require.NoError(t, err)
			require.Equal(t, rows.Installments[0], first, "the first row alone")
		}
		require.Greater(t, computed, 90, "seed %d: too many refusals", seed)
	}
}

// requireShape checks method-specific properties on top of the universal invariants.
func requireShape(t *testing.T, req schedule.Request, s *schedule.Schedule) {
	t.Helper()
	if req.AnnualRatePercent == "0" || minorOf(t, req.AnnualRatePercent, 4) == 0 {
		require.Zero(t, s.TotalInterestMinor)
		require.Equal(t, "0.00", s.APRPercent)
	}
	last := len(s.Installments) - 1
	annuity := req.InterestMethod != "flat" && req.Amortization != "equal_principal"
	if !annuity {
		return
	}
	// Every amortising instalment but the last equals the EMI unless the clamp kicked in.
	var emi int64 = -1
	for k, in := range s.Installments[:last] {
		if k < req.PrincipalGracePeriods || in.PrincipalMinor == 0 || in.BalanceMinor == 0 {
			continue
		}
		if emi < 0 {
			emi = in.TotalMinor
		}
		require.Equal(t, emi, in.TotalMinor, "row %d: annuity instalment", in.N)
	}
}
