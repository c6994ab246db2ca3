package lending

import (
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/proto"
	"pgregory.net/rapid"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

func randomLoan(t *rapid.T, label string) *statepb.Loan {
	l := &statepb.Loan{
		Id:         1,
		ProductId:  rapid.Uint64Range(0, 2).Draw(t, label+"product"),
		Status:     statepb.LoanStatus(rapid.Int32Range(-1, 10).Draw(t, label+"status")),
		Dpd:        rapid.Uint32Range(0, 1<<20).Draw(t, label+"dpd"),
		MaxDpd:     rapid.Uint32Range(0, 90).Draw(t, label+"maxdpd"),
		Borrower:   rapid.StringMatching(`[a-z]{0,12}`).Draw(t, label+"borrower"),
		Lender:     "lender",
		Asset:      "CNY",
		DpdByMonth: rapid.SliceOfN(rapid.Uint32Range(0, 200), 0, 12).Draw(t, label+"months"),
	}
	if rapid.Bool().Draw(t, label+"open") {
		l.Status = rapid.SampledFrom([]statepb.LoanStatus{statepb.LoanStatus_LOAN_STATUS_ACTIVE,
			statepb.LoanStatus_LOAN_STATUS_DEFAULTED}).Draw(t, label+"openStatus")
	}
	if rapid.Bool().Draw(t, label+"near") {
		l.Dpd = rapid.Uint32Range(29, 33).Draw(t, label+"dpd30") // around the threshold
	}
	for i := rapid.IntRange(0, 4).Draw(t, label+"n"); i > 0; i-- {
		p := rapid.Int64Range(0, 1_000_000).Draw(t, label+"principal")
		l.Installments = append(l.Installments, &statepb.Installment{Principal: p,
			PrincipalPaid: rapid.Int64Range(0, p).Draw(t, label+"paid")})
	}
	return l
}

// The save's reading of the loan it replaces gives what decoding it whole gives, for any
// loan: open or not, around 30 days past due, under a product with grace days or none, and
// for an encoding that repeats fields (two messages concatenated: the last value counts).
func TestStoredAtRisk30MatchesDecoding(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		kv := store.NewCache(emptyState{})
		// Product 1 has 40 grace days, product 2 none; product 0 does not exist.
		core.SetProto(kv, ProductKey(1), &statepb.Product{Id: 1, Terms: &txpb.LoanProduct{ArrearsGraceDays: 40}})
		core.SetProto(kv, ProductKey(2), &statepb.Product{Id: 2, Terms: &txpb.LoanProduct{}})
		encoded, err := proto.Marshal(randomLoan(t, "a"))
		require.NoError(t, err)
		if rapid.Bool().Draw(t, "twice") {
			more, err := proto.Marshal(randomLoan(t, "b"))
			require.NoError(t, err)
			encoded = append(encoded, more...)
		}
		kv.Set(LoanKey(1), encoded)
		var decoded statepb.Loan
		require.NoError(t, proto.Unmarshal(encoded, &decoded))
		status, dpd, ok := loanRiskFields(encoded)
		require.True(t, ok)
		require.Equal(t, decoded.Status, status)
		require.Equal(t, decoded.Dpd, dpd)
		require.Equal(t, atRisk30(kv, &decoded), storedAtRisk30(kv, 1))
	})
	kv := store.NewCache(emptyState{})
	require.Zero(t, storedAtRisk30(kv, 9), "no loan stored: nothing at risk")
	for dpd, want := range map[uint32]int64{30: 0, 31: 700} {
		core.SetProto(kv, LoanKey(9), &statepb.Loan{Id: 9, Status: statepb.LoanStatus_LOAN_STATUS_ACTIVE, Dpd: dpd,
			Installments: []*statepb.Installment{{Principal: 1000, PrincipalPaid: 300}}})
		require.Equal(t, want, storedAtRisk30(kv, 9), "%d days past due", dpd)
	}
}
