package trust

import (
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/scheduler"
)

// CreateTrust creates a trust with the signer as trustee, opens its segregated account and
// schedules its first distribution and its first disclosure deadline.
func CreateTrust(ctx *core.Context, m *txpb.MsgCreateTrust) error {
	t := m.GetTerms()
	if err := checkTermsShape(t); err != nil {
		return err
	}
	if err := checkTermsState(ctx.KV, t); err != nil {
		return err
	}
	id := uint64(core.GetInt64(ctx.KV, lastIDKey)) + 1
	rec := &statepb.TrustRecord{Id: id, Terms: t, Trustee: ctx.Signer, Address: AccountOf(id),
		Status: statepb.TrustStatus_TRUST_STATUS_ACTIVE, CreatedAt: ctx.Now(), FeeAccruedFrom: ctx.Now(), FifoNext: 1}
	if err := bank.OpenKeylessAccount(ctx, rec.Address, ctx.Signer); err != nil {
		return err
	}
	for range t.Tranches {
		rec.Tranches = append(rec.Tranches, &statepb.TrancheState{Status: statepb.TrancheStatus_TRANCHE_STATUS_PENDING})
	}
	if d := t.Distribution; d != nil {
		if d.FirstAt == 0 || d.FirstAt <= ctx.Now() {
			d.FirstAt = addMonths(ctx.KV, ctx.Now(), 1)
		}
		rec.NextPaymentAt = d.FirstAt
		scheduler.Add(ctx.KV, rec.NextPaymentAt, payKind, core.Itoa(int64(id)))
	}
	rec.DisclosureDueAt = addMonths(ctx.KV, ctx.Now(), DisclosureMonths)
	scheduler.Add(ctx.KV, rec.DisclosureDueAt, discloseKind, core.Itoa(int64(id)))
	core.SetInt64(ctx.KV, lastIDKey, int64(id))
	putTrust(ctx.KV, rec)
	ctx.Emit("trust.created", "trust_id", core.Itoa(int64(id)), "trustee", ctx.Signer, "account", rec.Address,
		"kind", kindName(t.Kind), "settlor", t.Settlor, "asset", t.Asset, "target", core.Itoa(t.Target),
		"disclosure_due_at", core.Itoa(rec.DisclosureDueAt))
	return nil
}

// checkTermsState: the asset exists, every named party is a registered account, and a
// successor trust is active in the same asset.
func checkTermsState(r store.Reader, t *txpb.TrustTerms) error {
	if _, err := bank.Asset(r, t.Asset); err != nil {
		return err
	}
	parties := append(append([]string{t.Settlor}, t.Beneficiaries...), t.Approvers...)
	if t.Supervisor != "" {
		parties = append(parties, t.Supervisor)
	}
	for _, tr := range t.Tranches {
		parties = append(parties, tr.Recipient)
	}
	for _, p := range parties {
		if !registry.AccountExists(r, p) {
			return ErrUnknownAccount.Wrapf("%s is not a registered account", p)
		}
	}
	if t.Ending == txpb.TrustEnding_TRUST_ENDING_PASS_ON {
		s, err := activeTrust(r, t.SuccessorTrust)
		if err != nil {
			return ErrBadSuccessor.Wrapf("successor: %v", err)
		}
		if s.Terms.Asset != t.Asset {
			return ErrBadSuccessor.Wrapf("successor trust %d holds %s, not %s", s.Id, s.Terms.Asset, t.Asset)
		}
	}
	return nil
}
