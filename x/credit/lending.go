package credit

import (
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/lending"
)

// RegisterProduct is lending's product registration with its scorecard checked: a product
// must name a model that can score (or none, for the default).
func RegisterProduct(ctx *core.Context, m *txpb.MsgRegisterProduct) error {
	if t := m.GetProduct(); t != nil && t.Scorecard != "" {
		if _, err := ActiveModel(ctx.KV, t.Scorecard); err != nil {
			return err
		}
	}
	return lending.RegisterProduct(ctx, m)
}

// ApplyLoan is lending's application, assessed by this module.
func ApplyLoan(ctx *core.Context, m *txpb.MsgApplyLoan) error {
	return lending.Apply(ctx, m, Assess)
}
