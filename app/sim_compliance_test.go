package app_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/query"
	"math/rand/v2"
	"time"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/compliance"
)

// simComplianceSetup registers rules the simulation's movements meet: an alert rule, the
// structuring example and a hold rule that refuses some point transfers.
func simComplianceSetup() []*txpb.Msg {
	return []*txpb.Msg{
		tx.Wrap(&txpb.MsgRegisterMonitoringRule{Name: "big", Expression: "amount >= 45000", Outcome: "alert", Code: "sim-big", Reason: "sim"}),
		tx.Wrap(&txpb.MsgRegisterMonitoringRule{Name: "structuring", Expression: compliance.StructuringRule, Outcome: "alert", Code: "sim-str", Reason: "sim"}),
		tx.Wrap(&txpb.MsgRegisterMonitoringRule{Name: "pts-hold", Expression: `asset == "PTS" && amount >= 40000 && kind == "transfer"`,
			Outcome: "hold", Code: "sim-hold", Reason: "sim"}),
	}
}

// randomComplianceTx is one of the regulator's (or a sponsor's) compliance actions, often
// invalid: unknown ids, wrong states, expiries in the past.
func randomComplianceTx(rng *rand.Rand, c *apptest.Chain, bank, regulator, from, to *apptest.Key, amount func() int64) []byte {
	id := uint64(rng.IntN(3) + 1)
	why := "sim"
	switch rng.IntN(9) {
	case 0:
		return regulator.Sign(tx.Wrap(&txpb.MsgIssueFreezeOrder{Account: from.Address, Asset: "CNY", Amount: amount(),
			WholeAccount: rng.IntN(4) == 0, Authority: "court", LegalBasis: "law", DocumentNumber: "doc",
			Expiry: c.Time.Add(time.Duration(rng.IntN(60)-5) * time.Second).Unix(), Reason: why}))
	case 1: // mostly an order still in force: orders lapse within a dozen blocks
		var active []uint64
		for n := uint64(1); ; n++ {
			o, ok := compliance.GetOrder(c.State(), n)
			if !ok {
				break
			}
			if o.Status == "active" {
				active = append(active, n)
			}
		}
		if len(active) > 0 && rng.IntN(4) > 0 {
			id = active[rng.IntN(len(active))]
		}
		return regulator.Sign(tx.Wrap(&txpb.MsgLiftFreezeOrder{OrderId: id, Reason: why}))
	case 2: // mostly an open alert: the early ones are soon triaged, and later ones pile up
		alert := uint64(rng.IntN(60) + 1)
		var open []uint64
		for _, a := range compliance.ListAlerts(c.State()) {
			if a.Status == "open" {
				open = append(open, a.Id)
			}
		}
		if len(open) > 0 && rng.IntN(4) > 0 {
			alert = open[rng.IntN(len(open))]
		}
		return regulator.Sign(tx.Wrap(&txpb.MsgTriageAlert{AlertId: alert,
			Decision: []string{"dismiss", "open_case", "open_case"}[rng.IntN(3)], CaseId: uint64(max(rng.IntN(6)-3, 0)), Reason: why}))
	case 3:
		if rng.IntN(2) == 0 {
			return regulator.Sign(tx.Wrap(&txpb.MsgConfirmCase{CaseId: id, Reason: why}))
		}
		return regulator.Sign(tx.Wrap(&txpb.MsgCloseCase{CaseId: id, Reason: why}))
	case 4:
		return regulator.Sign(tx.Wrap(&txpb.MsgFileSuspiciousReport{CaseId: id, Summary: "sim report", Reason: why}))
	case 5:
		return regulator.Sign(tx.Wrap(&txpb.MsgFollowUpReport{ReportId: id, Note: "note", Reason: why}))
	case 6:
		return regulator.Sign(tx.Wrap(&txpb.MsgExecuteDebitOrder{OrderId: id, To: to.Address, Asset: "CNY", Amount: amount(),
			DocumentNumber: "d", Reason: why}))
	case 7:
		m := &txpb.MsgUpdateSanctionsList{Salt: "sim", Reason: why}
		if rng.IntN(3) == 0 {
			m.Add = []string{compliance.SanctionsHash("sim", from.Address)}
		} else {
			m.Remove = []string{compliance.SanctionsHash("sim", from.Address)}
		}
		return regulator.Sign(tx.Wrap(m))
	default:
		return bank.Sign(tx.Wrap(&txpb.MsgSetJurisdiction{Account: from.Address, Jurisdiction: []string{"CN", "HK"}[rng.IntN(2)], Reason: why}))
	}
}

// requireComplianceExercised: a long run reaches alerts of each outcome, cases in several
// states, and freeze orders that lapsed by themselves.
func requireComplianceExercised(t *testing.T, c *apptest.Chain) {
	var counts query.SupervisionCounts
	queryJSON(t, c, query.PathSupervisionCounts, "", &counts)
	t.Logf("compliance: %+v", counts)
	require.NotZero(t, counts.Alerts["open"]+counts.Alerts["dismissed"]+counts.Alerts["in_case"])
	require.NotZero(t, counts.Alerts["in_case"])
	require.NotZero(t, counts.FreezeOrders["lapsed"])
	require.NotZero(t, counts.FreezeOrders["active"]+counts.FreezeOrders["lifted"])
	require.NotZero(t, len(counts.Cases))
}
