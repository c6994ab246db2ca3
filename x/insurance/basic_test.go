package insurance

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
	parametric := func(edit func(*txpb.InsuranceProduct)) *txpb.Msg {
		p := &txpb.InsuranceProduct{Kind: KindParametric, Name: "drought", Cover: "crop", Asset: "CNY", FeedId: "YIELD",
			Index: "last", TriggerMicro: 750_000, ExitMicro: 100_000, ReferenceMicro: 20, PremiumRatePpm: 50_000,
			MaxPayoutPpm: Million, SaleStart: 1, SaleEnd: 100, RiskStart: 50, RiskEnd: 200, MinSumInsured: 1, MaxSumInsured: 10}
		edit(p)
		return tx.Wrap(&txpb.MsgRegisterInsuranceProduct{Product: p})
	}
	cases := []struct {
		name  string
		check func(*txpb.Msg) error
		msg   *txpb.Msg
		want  *tx.Error // nil: passes
	}{
		{"parametric product", basicRegisterProduct, parametric(func(*txpb.InsuranceProduct) {}), nil},
		{"indemnity product", basicRegisterProduct, parametric(func(p *txpb.InsuranceProduct) {
			p.Kind, p.FeedId, p.Index, p.TriggerMicro, p.ExitMicro, p.ReferenceMicro, p.DecisionDays, p.Assessor = KindIndemnity, "", "", 0, 0, 0, 10, a
		}), nil},
		{"exit above the trigger", basicRegisterProduct, parametric(func(p *txpb.InsuranceProduct) { p.ExitMicro = 800_000 }), ErrBadProduct},
		{"payout over one", basicRegisterProduct, parametric(func(p *txpb.InsuranceProduct) { p.MaxPayoutPpm = Million + 1 }), ErrBadProduct},
		{"unknown kind", basicRegisterProduct, parametric(func(p *txpb.InsuranceProduct) { p.Kind = "life" }), ErrBadProduct},
		{"lower-case asset", basicRegisterProduct, parametric(func(p *txpb.InsuranceProduct) { p.Asset = "cny" }), money.ErrBadAssetCode},
		{"buy", basicBuyPolicy, tx.Wrap(&txpb.MsgBuyPolicy{ProductId: 1, Insured: a, SumInsured: 5}), nil},
		{"buy nothing", basicBuyPolicy, tx.Wrap(&txpb.MsgBuyPolicy{ProductId: 1, Insured: a}), money.ErrNonPositive},
		{"claim without evidence", basicFileClaim, tx.Wrap(&txpb.MsgFileClaim{PolicyId: 1, Amount: 5}), ErrBadAmount},
		{"claim rejected", basicDecideClaim, tx.Wrap(&txpb.MsgDecideClaim{ClaimId: 1}), nil},
		{"dispute without reason", basicDisputeSettlement, tx.Wrap(&txpb.MsgDisputeSettlement{PolicyId: 1}), ErrBadAmount},
		{"negative top-up", basicResolveDispute, tx.Wrap(&txpb.MsgResolveDispute{PolicyId: 1, TopUp: -1}), ErrBadAmount},
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
