package offering

import (
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/scheduler"
)

// GetOffering reads an offering.
func GetOffering(r store.Reader, id uint64) (*statepb.Offering, bool) {
	var o statepb.Offering
	return &o, core.GetProto(r, OfferingKey(id), &o)
}

func mustOffering(r store.Reader, id uint64) (*statepb.Offering, error) {
	o, ok := GetOffering(r, id)
	if !ok {
		return nil, ErrUnknownOffering.Wrapf("offering %d", id)
	}
	return o, nil
}

// Create opens an offering of the signer's own asset.
func Create(ctx *core.Context, m *txpb.MsgCreateOffering) error {
	if err := checkTerms(m); err != nil {
		return err
	}
	if err := checkAgainstState(ctx.KV, ctx.Signer, m, ctx.Now()); err != nil {
		return err
	}
	id := uint64(core.GetInt64(ctx.KV, seqKey)) + 1
	core.SetInt64(ctx.KV, seqKey, int64(id))
	core.SetProto(ctx.KV, OfferingKey(id), &statepb.Offering{
		Id: id, Issuer: ctx.Signer, Terms: m, Status: StatusOpen, CreatedHeight: ctx.Height,
	})
	scheduler.Add(ctx.KV, m.ClosesAt, closeKind, core.Itoa(int64(id)))
	ctx.Emit("offering.created", "offering_id", core.Itoa(int64(id)), "issuer", ctx.Signer, "asset", m.Asset,
		"settlement_asset", m.SettlementAsset, "price", core.Itoa(m.Price), "soft_cap", core.Itoa(m.SoftCap),
		"hard_cap", core.Itoa(m.HardCap), "opens_at", core.Itoa(m.OpensAt), "closes_at", core.Itoa(m.ClosesAt),
		"fee_bps", core.Itoa(int64(m.FeeBps)))
	return nil
}

// checkAgainstState is what the terms need of state: the signer issues the asset, the
// settlement asset exists, the fee account is registered, the closing time is ahead, and
// every pledge's cost at the price can come out exact (the minimum's does).
func checkAgainstState(r store.Reader, signer string, m *txpb.MsgCreateOffering, now int64) error {
	a, err := bank.Asset(r, m.Asset)
	if err != nil {
		return err
	}
	if a.Issuer != signer {
		return ErrNotIssuer.Wrapf("%s is issued by %s", m.Asset, a.Issuer)
	}
	if _, err := bank.Asset(r, m.SettlementAsset); err != nil {
		return err
	}
	if m.FeeAccount != "" && !registry.AccountExists(r, m.FeeAccount) {
		return ErrBadOffering.Wrapf("fee_account %s is not a registered account", m.FeeAccount)
	}
	if m.ClosesAt <= now {
		return ErrBadOffering.Wrapf("closes_at %d is not after block time %d", m.ClosesAt, now)
	}
	if _, err := Cost(m.MinUnits, m.Price, a.Scale); err != nil {
		return err
	}
	_, err = Cost(m.HardCap, m.Price, a.Scale)
	return err
}

// ListOfferings returns every offering in id order.
func ListOfferings(r store.Reader) []*statepb.Offering {
	return core.ListProto[statepb.Offering](r, offeringPrefix)
}
