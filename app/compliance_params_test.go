package app_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/compliance"
)

func governanceMsg(m *txpb.Msg) *txpb.ProposalAction {
	return &txpb.ProposalAction{Action: &txpb.ProposalAction_Msg{Msg: m}}
}

// The PBOC thresholds are parameters with the law's defaults; governance lowers a natural
// person's domestic threshold to 300,000.00 and the next business day's 299,999.99 files
// nothing while 0.01 more files one report at the new threshold. The regulator alone cannot
// change them.
func TestLargeValueThresholdsAreGovernanceParams(t *testing.T) {
	w := newAMLWorld(t)
	p := compliance.Params(w.c.State())
	require.Equal(t, []int64{50_000, 500_000, 200_000, 2_000_000}, []int64{p.CashUnits, p.NaturalDomesticUnits,
		p.NaturalCrossBorderUnits, p.LegalPersonUnits})
	require.Equal(t, []uint32{1000, 1500, 1000, 12_000}, []uint32{p.SingleLimitBps, p.RelatedLimitBps, p.Par30WarningBps,
		p.PoolCoverageWarningBps})

	lower := compliance.DefaultParams()
	lower.NaturalDomesticUnits = 300_000
	msg := tx.Wrap(&txpb.MsgSetComplianceParams{Params: lower, Reason: "local rule"})
	res := w.c.Exec(w.regulator.Sign(msg))
	require.Equal(t, tx.ErrUnauthorized.Code, res.Code, "governance only")
	passGovernance(t, w.world, governanceMsg(msg))
	var v query.ComplianceParams
	queryJSON(t, w.c, query.PathComplianceParams, "", &v)
	require.Equal(t, query.ComplianceParams{CashUnits: 50_000, NaturalDomesticUnits: 300_000, NaturalCrossBorderUnits: 200_000,
		LegalPersonUnits: 2_000_000, SingleLimit: "10.00", RelatedLimit: "15.00", PAR30Warning: "10.00",
		PoolCoverageWarning: "120.00"}, v)

	w.nextDay()
	before := len(w.reports(t))
	w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.firm.Address, "CNY", 299_999*cnyUnits+99)))
	require.Len(t, w.reports(t), before, "299,999.99 is under 300,000.00")
	w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.firm.Address, "CNY", 1)))
	reps := w.reports(t)[before:]
	require.Len(t, reps, 1)
	require.Equal(t, "natural_domestic", reps[0].Criterion)
	require.Equal(t, int64(300_000*cnyUnits), reps[0].Threshold)
	require.Equal(t, int64(300_000*cnyUnits), reps[0].DayTotal)
}

func TestBadComplianceParamsAreRefused(t *testing.T) {
	for name, f := range map[string]func(*txpb.ComplianceParams){
		"zero threshold":            func(p *txpb.ComplianceParams) { p.CashUnits = 0 },
		"related below single":      func(p *txpb.ComplianceParams) { p.RelatedLimitBps = 900 },
		"single limit above 100%":   func(p *txpb.ComplianceParams) { p.SingleLimitBps = 10_001 },
		"coverage warning below 1x": func(p *txpb.ComplianceParams) { p.PoolCoverageWarningBps = 9_999 },
		"no par30 level":            func(p *txpb.ComplianceParams) { p.Par30WarningBps = 0 },
	} {
		p := compliance.DefaultParams()
		f(p)
		require.ErrorIs(t, compliance.ValidateParams(p), compliance.ErrBadParams, name)
	}
	require.NoError(t, compliance.ValidateParams(compliance.DefaultParams()))
}

// A lender with 12,000.00 of net assets lends 1,000.00 each to alice and bob: 8.33% each,
// under the 10% single limit. Declared a related-party group, their combined 2,000.00 is
// 16.67% of net assets, over the 15% limit: a large exposure of the group and an early
// warning. Dissolved, it is gone.
func TestRelatedPartiesUseTheGroupsCombinedExposure(t *testing.T) {
	w := lendingWorld(t)
	w.c.MustExec(t, w.bank.Sign(tx.Wrap(&txpb.MsgDeclareNetAssets{Asset: "CNY", Amount: 1_200_000})))
	w.openLoan(t, threeMonths(), w.alice, 100_000, 3)
	w.openLoan(t, threeMonths(), w.bob, 100_000, 3)
	lender := func() query.LenderSupervision {
		var v query.LenderSupervision
		queryJSON(t, w.c, query.PathSupervisionLender, w.bank.Address, &v)
		return v
	}
	require.Empty(t, lender().LargeExposures, "8.33% each")

	declare := &txpb.MsgDeclareRelatedParties{Group: "wang-family", Members: []string{w.bob.Address, w.alice.Address},
		Reason: "common household"}
	res := w.c.Exec(w.bank.Sign(tx.Wrap(declare)))
	require.Equal(t, tx.ErrUnauthorized.Code, res.Code, "the regulator declares related parties")
	w.c.MustExec(t, w.regulator.Sign(tx.Wrap(declare)))
	members := []string{w.alice.Address, w.bob.Address}
	if members[0] > members[1] {
		members[0], members[1] = members[1], members[0]
	}
	want := query.LargeExposure{Borrower: "wang-family", Asset: "CNY", Outstanding: 200_000, NetAssets: 1_200_000,
		Share: "16.67", Limit: "15.00", Group: "wang-family", Members: members}
	require.Equal(t, []query.LargeExposure{want}, lender().LargeExposures)
	var groups query.RelatedGroups
	queryJSON(t, w.c, query.PathRelatedGroups, "", &groups)
	require.Equal(t, []query.RelatedGroup{{Name: "wang-family", Members: members, DeclaredBy: w.regulator.Address,
		DeclaredAt: groups.Groups[0].DeclaredAt, Reason: "common household"}}, groups.Groups)
	require.Positive(t, groups.Groups[0].DeclaredAt)
	queryJSON(t, w.c, query.PathRelatedGroups, "wang-family", &groups)
	require.Empty(t, groups.Groups, "nothing after the last group")
	var warnings []query.EarlyWarning
	queryJSON(t, w.c, query.PathEarlyWarnings, "", &warnings)
	require.Contains(t, warnings, query.EarlyWarning{Kind: "large_exposure", Subject: "wang-family", Facts: map[string]string{
		"lender": w.bank.Address, "asset": "CNY", "outstanding": "200000", "net_assets": "1200000", "share": "16.67",
		"limit": "15.00", "group": "wang-family", "members": members[0] + "," + members[1]}})

	res = w.c.Exec(w.regulator.Sign(tx.Wrap(&txpb.MsgDeclareRelatedParties{Group: "other", Members: []string{w.alice.Address,
		w.mfi.Address}, Reason: "x"})))
	require.Equal(t, compliance.ErrBadGroup.Code, res.Code, "a borrower belongs to one group: %s", res.Log)

	w.c.MustExec(t, w.regulator.Sign(tx.Wrap(&txpb.MsgDeclareRelatedParties{Group: "wang-family", Reason: "separated"})))
	require.Empty(t, lender().LargeExposures)
	require.Empty(t, compliance.RelatedGroupOf(w.c.State(), w.alice.Address))
	queryJSON(t, w.c, query.PathRelatedGroups, "", &groups)
	require.Empty(t, groups.Groups, "dissolved")
}
