package compliance

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// The stateless checks pass a well-formed message and refuse a malformed one with its code.
func TestBasicChecks(t *testing.T) {
	a := strings.Repeat("a", 40)
	order := func(edit func(*txpb.MsgIssueFreezeOrder)) *txpb.Msg {
		o := &txpb.MsgIssueFreezeOrder{Account: a, Asset: "CNY", Amount: 5, Authority: "Court", LegalBasis: "art. 103",
			DocumentNumber: "No. 7", Expiry: 100, Reason: "court order"}
		edit(o)
		return tx.Wrap(o)
	}
	cases := []struct {
		name  string
		check func(*txpb.Msg) error
		msg   *txpb.Msg
		want  *tx.Error // nil: passes
	}{
		{"rule", basicRegisterMonitoringRule, tx.Wrap(&txpb.MsgRegisterMonitoringRule{Name: "r", Outcome: OutcomeAlert, Code: "R-1",
			Expression: "amount > 1", Reason: "why"}), nil},
		{"rule that does not compile", basicRegisterMonitoringRule, tx.Wrap(&txpb.MsgRegisterMonitoringRule{Name: "r",
			Outcome: OutcomeAlert, Code: "R-1", Expression: `amount > "x"`, Reason: "why"}), ErrBadRule},
		{"triage without reason", basicTriageAlert, tx.Wrap(&txpb.MsgTriageAlert{AlertId: 1, Decision: "dismiss"}), ErrBadReason},
		{"triage undecided", basicTriageAlert, tx.Wrap(&txpb.MsgTriageAlert{AlertId: 1, Decision: "maybe", Reason: "why"}), ErrBadField},
		{"report with a short hash", basicFileSuspiciousReport, tx.Wrap(&txpb.MsgFileSuspiciousReport{CaseId: 1, Summary: "s",
			DocumentHash: []byte{1}, Reason: "why"}), ErrBadField},
		{"order", basicIssueFreezeOrder, order(func(*txpb.MsgIssueFreezeOrder) {}), nil},
		{"whole-account order", basicIssueFreezeOrder, order(func(o *txpb.MsgIssueFreezeOrder) { o.WholeAccount, o.Asset, o.Amount = true, "", 0 }), nil},
		{"whole-account order with an amount", basicIssueFreezeOrder, order(func(o *txpb.MsgIssueFreezeOrder) { o.WholeAccount = true }), ErrBadOrder},
		{"order expiring at its start", basicIssueFreezeOrder, order(func(o *txpb.MsgIssueFreezeOrder) { o.Start = 100 }), ErrBadOrder},
		{"order of nothing", basicIssueFreezeOrder, order(func(o *txpb.MsgIssueFreezeOrder) { o.Amount = 0 }), money.ErrNonPositive},
		{"sanctions entry in upper case", basicUpdateSanctionsList, tx.Wrap(&txpb.MsgUpdateSanctionsList{Reason: "why",
			Add: []string{strings.Repeat("AB", 32)}}), ErrBadSanctions},
		{"sanctions entry", basicUpdateSanctionsList, tx.Wrap(&txpb.MsgUpdateSanctionsList{Reason: "why", Add: []string{strings.Repeat("ab", 32)}}), nil},
		{"jurisdiction", basicSetJurisdiction, tx.Wrap(&txpb.MsgSetJurisdiction{Account: a, Jurisdiction: "HK", Reason: "why"}), nil},
		{"jurisdiction in lower case", basicSetJurisdiction, tx.Wrap(&txpb.MsgSetJurisdiction{Account: a, Jurisdiction: "hk", Reason: "why"}), ErrBadField},
	}
	for _, tc := range cases {
		err := tc.check(tc.msg)
		if tc.want == nil {
			require.NoError(t, err, tc.name)
			continue
		}
		require.Error(t, err, tc.name)
		require.Equal(t, tc.want.ID(), tx.AsError(err).ID(), "%s: %v", tc.name, err)
	}
}
