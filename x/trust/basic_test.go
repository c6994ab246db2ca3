package trust

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
)

func addr(c byte) string { return strings.Repeat(string(c), 40) }

func charity() *txpb.TrustTerms {
	return &txpb.TrustTerms{Name: "school", Kind: txpb.TrustKind_TRUST_KIND_CHARITY, Asset: "CNY", Settlor: addr('a'),
		Supervisor: addr('b'), Target: 300, Ending: txpb.TrustEnding_TRUST_ENDING_REFUND,
		Tranches: []*txpb.Tranche{{Amount: 90, Recipient: addr('c')}, {Amount: 120, Recipient: addr('c')}, {Amount: 90, Recipient: addr('c')}}}
}

func TestTermsShape(t *testing.T) {
	require.NoError(t, checkTermsShape(charity()))
	cases := []struct {
		name   string
		adjust func(*txpb.TrustTerms)
		want   error
	}{
		{"tranches short of the target", func(x *txpb.TrustTerms) { x.Target++ }, ErrTranchesTarget},
		{"no tranches", func(x *txpb.TrustTerms) { x.Tranches, x.Target = nil, 0 }, ErrBadTranche},
		{"a zero tranche", func(x *txpb.TrustTerms) { x.Tranches[0].Amount, x.Target = 0, 210 }, money.ErrNonPositive},
		{"nobody approves evidence", func(x *txpb.TrustTerms) { x.Supervisor = "" }, ErrBadTerms},
		{"quorum above the approvers", func(x *txpb.TrustTerms) { x.Approvers, x.Quorum = []string{addr('d')}, 2 }, ErrBadTerms},
		{"approver twice", func(x *txpb.TrustTerms) { x.Approvers, x.Quorum = []string{addr('d'), addr('d')}, 1 }, ErrBadTerms},
		{"pass-on without a successor", func(x *txpb.TrustTerms) { x.Ending = txpb.TrustEnding_TRUST_ENDING_PASS_ON }, ErrBadTerms},
		{"charity with a distribution", func(x *txpb.TrustTerms) { x.Distribution = &txpb.Distribution{} }, ErrBadTerms},
		{"fee beyond reason", func(x *txpb.TrustTerms) { x.FeeBps = MaxFeeBps + 1 }, ErrBadTerms},
		{"no kind", func(x *txpb.TrustTerms) { x.Kind = 0 }, ErrBadTerms},
		{"bad settlor", func(x *txpb.TrustTerms) { x.Settlor = "nobody" }, tx.ErrBadAddress},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			x := charity()
			tc.adjust(x)
			require.ErrorIs(t, checkTermsShape(x), tc.want)
		})
	}
}

func TestPrivateShapeAndCondition(t *testing.T) {
	p := &txpb.TrustTerms{Name: "family", Kind: txpb.TrustKind_TRUST_KIND_PRIVATE, Asset: "CNY", Settlor: addr('a'),
		Beneficiaries: []string{addr('e')}, Ending: txpb.TrustEnding_TRUST_ENDING_REFUND,
		Distribution: &txpb.Distribution{Beneficiary: addr('e'), Amount: 100, Condition: "balance >= amount && month <= 12"}}
	require.NoError(t, checkTermsShape(p))
	p.Distribution.Condition = "balance + 1"
	require.ErrorIs(t, checkTermsShape(p), ErrBadCondition, "not a bool")
	p.Distribution.Condition = "salary > 3"
	require.ErrorIs(t, checkTermsShape(p), ErrBadCondition, "no such fact")
	p.Distribution.Condition = ""
	p.Distribution.Beneficiary = addr('f')
	require.ErrorIs(t, checkTermsShape(p), ErrBadTerms, "not a named beneficiary")
	ok, why := evalCondition("month <= 2", map[string]int64{"balance": 0, "amount": 0, "month": 3, "beneficiary_kyc_level": 0,
		"beneficiary_balance": 0, "business_year": 2026, "business_month": 1})
	require.False(t, ok)
	require.Equal(t, "condition false", why)
}

func TestEvidenceShape(t *testing.T) {
	h := make([]byte, HashSize)
	msg := func(hs ...[]byte) *txpb.Msg {
		return tx.Wrap(&txpb.MsgSubmitEvidence{TrustId: 1, Tranche: 1, EvidenceHashes: hs})
	}
	require.NoError(t, basicSubmitEvidence(msg(h)))
	require.ErrorIs(t, basicSubmitEvidence(msg()), ErrBadEvidence)
	require.ErrorIs(t, basicSubmitEvidence(msg(h, h)), ErrBadEvidence)
	require.ErrorIs(t, basicSubmitEvidence(msg(h[:31])), ErrBadEvidence)
	require.ErrorIs(t, basicSubmitEvidence(tx.Wrap(&txpb.MsgSubmitEvidence{TrustId: 1, EvidenceHashes: [][]byte{h}})), ErrBadTranche)
}

// The report of a period: opening from what came before, flows by recipient and purpose,
// ratios, and a hash that changes with any figure.
func TestReportFromFlows(t *testing.T) {
	f := Flows{
		Donations: []*statepb.Donation{{Seq: 1, Amount: 1_000, At: 10}, {Seq: 2, Amount: 500, At: 110}},
		Releases: []*statepb.Release{
			{Seq: 1, Kind: statepb.OutflowKind_OUTFLOW_KIND_TRANCHE, Recipient: addr('c'), Purpose: "a", Amount: 300, At: 50},
			{Seq: 2, Kind: statepb.OutflowKind_OUTFLOW_KIND_TRANCHE, Recipient: addr('c'), Purpose: "b", Amount: 700, At: 120},
			{Seq: 3, Kind: statepb.OutflowKind_OUTFLOW_KIND_FEE, Recipient: addr('t'), Purpose: "fee", Amount: 70, At: 130}},
	}
	rep, err := Report(1, "CNY", f, 100, 200)
	require.NoError(t, err)
	require.Equal(t, int64(700), rep.Opening)
	require.Equal(t, int64(500), rep.Donations)
	require.Equal(t, int64(700), rep.Releases)
	require.Equal(t, int64(70), rep.Fees)
	require.Equal(t, int64(430), rep.Closing)
	require.Equal(t, int64(909), rep.AdminRatioBps) // 70 / 770
	require.Equal(t, int64(1_000), rep.LastYearIncome)
	require.Equal(t, int64(7_000), rep.SpendingBps)
	require.True(t, rep.MeetsSpending)
	require.Len(t, rep.Flows, 2)
	f.Releases[2].Amount = 71
	other, err := Report(1, "CNY", f, 100, 200)
	require.NoError(t, err)
	require.NotEqual(t, rep.ReportHash, other.ReportHash)
	require.False(t, errors.Is(err, ErrBadDisclosure))
}
