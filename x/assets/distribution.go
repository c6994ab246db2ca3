package assets

import (
	"encoding/binary"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/ledger"
)

// holdLife is how long a distribution's funding hold lasts: far longer than the few blocks a
// distribution takes, so that it never expires under one that is still paying.
const holdLife = 400 * 86400

// GetDistribution reads a distribution.
func GetDistribution(r store.Reader, id uint64) (*statepb.Distribution, bool) {
	var d statepb.Distribution
	return &d, core.GetProto(r, DistributionKey(id), &d)
}

// GetPayout reads a holder's share of a distribution.
func GetPayout(r store.Reader, id uint64, addr string) (*statepb.Payout, bool) {
	var p statepb.Payout
	return &p, core.GetProto(r, PayoutKey(id, addr), &p)
}

// CreateDistribution holds amount of the settlement asset from the issuer and opens a
// distribution to the asset's holders as of this transaction (its record height). The
// issuer's own holding takes no part: the base is the supply less it. One distribution of an
// asset at a time may be reading its holders (its snapshot is open).
func (k keeper) CreateDistribution(ctx *core.Context, m *txpb.MsgCreateDistribution) error {
	a, err := issued(ctx, m.Asset)
	if err != nil {
		return err
	}
	if m.SettlementAsset == m.Asset {
		return ErrBadDistribution.Wrapf("the settlement asset must differ from the asset")
	}
	if a.OpenDistribution != 0 {
		return ErrDistributionOn.Wrapf("distribution %d of %s is still reading its holders", a.OpenDistribution, m.Asset)
	}
	la, err := k.bank.Asset(ctx.KV, m.Asset)
	if err != nil {
		return err
	}
	base := la.Minted - la.Burned - holding(ctx.KV, a.Issuer, m.Asset)
	if base <= 0 || a.Holders == 0 {
		return ErrBadDistribution.Wrapf("%s has no holders besides its issuer", m.Asset)
	}
	id := uint64(core.GetInt64(ctx.KV, distSeqKey)) + 1
	holdID, err := k.bank.PlaceHold(ctx, a.Issuer, a.Issuer, m.SettlementAsset, m.Amount, ctx.Now()+holdLife,
		"distribution "+core.Itoa(int64(id)))
	if err != nil {
		return err
	}
	core.SetInt64(ctx.KV, distSeqKey, int64(id))
	d := &statepb.Distribution{Id: id, Asset: m.Asset, SettlementAsset: m.SettlementAsset, Amount: m.Amount,
		Issuer: a.Issuer, Memo: m.Memo, RecordHeight: ctx.Height, CreatedAt: ctx.Now(), Base: base, HoldId: holdID,
		Phase: statepb.DistributionPhase_DISTRIBUTION_PHASE_HOLDERS}
	core.SetProto(ctx.KV, DistributionKey(id), d)
	ctx.KV.Set(openKey(id), present)
	a.OpenDistribution = id
	core.SetProto(ctx.KV, RulesKey(m.Asset), a)
	ctx.Emit("assets.distribution_created", "distribution", core.Itoa(int64(id)), "asset", m.SettlementAsset,
		"holders_of", m.Asset, "amount", core.Itoa(m.Amount), "record_height", core.Itoa(ctx.Height),
		"hold_id", core.Itoa(int64(holdID)), "by", ctx.Signer)
	return nil
}

// snapshot is the copy-on-write record of holdings as of an open distribution's record
// height: the first time a holding changes while the distribution reads its holders, its
// value before the change is kept.
func snapshot(ctx *core.Context, a *statepb.RuledAsset, m ledger.Movement) {
	if a.OpenDistribution == 0 || m.Kind == ledger.MoveHold || m.Kind == ledger.MoveRelease {
		return
	}
	for _, p := range [2]string{m.From, m.To} {
		if p == "" || p == a.Issuer {
			continue
		}
		key := snapKey(a.OpenDistribution, p)
		if ctx.KV.Get(key) == nil {
			ctx.KV.Set(key, binary.BigEndian.AppendUint64(nil, uint64(holding(ctx.KV, p, a.Asset))))
		}
	}
}

// recorded is a holding as of the record height: the snapshot's if it changed since, else
// what it is now.
func recorded(r store.Reader, d *statepb.Distribution, addr string) int64 {
	if v := r.Get(snapKey(d.Id, addr)); v != nil {
		return int64(binary.BigEndian.Uint64(v))
	}
	return holding(r, addr, d.Asset)
}
