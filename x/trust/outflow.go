package trust

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// payOut moves amount from the trust account to recipient through the ledger (its hooks
// screen it), attributes it to the donations first in, first out, books it in the trust's
// totals and stores the release. The caller has checked that the trust may pay it.
func payOut(ctx *core.Context, t *statepb.TrustRecord, rel *statepb.Release) error {
	if err := bank.Move(ctx, t.Address, rel.Recipient, t.Terms.Asset, rel.Amount); err != nil {
		return err
	}
	parts, err := attribute(ctx, t, rel.Amount)
	if err != nil {
		return err
	}
	if err := book(t, rel.Kind, rel.Amount); err != nil {
		return err
	}
	rel.Parts = parts
	storeRelease(ctx, t, rel)
	return nil
}

// attribute takes amount from the oldest donations with anything unattributed, advancing the
// trust's cursor past every donation it uses up. Its cost is the donations it touches.
func attribute(ctx *core.Context, t *statepb.TrustRecord, amount int64) ([]*statepb.Attribution, error) {
	var parts []*statepb.Attribution
	left := amount
	for seq := t.FifoNext; left > 0; seq++ {
		d, ok := GetDonation(ctx.KV, t.Id, seq)
		if !ok {
			return nil, tx.ErrInternal.Wrapf("trust %d: %d of an outflow has no donation to come from", t.Id, left)
		}
		take := min(Unspent(d), left)
		if take > 0 {
			d.Attributed += take
			left -= take
			core.SetProto(ctx.KV, DonationKey(t.Id, seq), d)
			parts = append(parts, &statepb.Attribution{Donation: seq, Donor: d.Donor, Amount: take})
		}
		if Unspent(d) == 0 {
			t.FifoNext = seq + 1
		}
	}
	return parts, nil
}

// book adds an outflow to the trust's running total of its kind.
func book(t *statepb.TrustRecord, kind statepb.OutflowKind, amount int64) error {
	var total *int64
	switch kind {
	case statepb.OutflowKind_OUTFLOW_KIND_TRANCHE, statepb.OutflowKind_OUTFLOW_KIND_DISTRIBUTION:
		total = &t.Released
	case statepb.OutflowKind_OUTFLOW_KIND_FEE:
		total = &t.Fees
	case statepb.OutflowKind_OUTFLOW_KIND_REFUND:
		total = &t.Refunded
	case statepb.OutflowKind_OUTFLOW_KIND_PASS_ON:
		total = &t.PassedOn
	default:
		return tx.ErrInternal.Wrapf("outflow kind %v", kind)
	}
	next, err := money.Add(*total, amount)
	if err != nil {
		return err
	}
	*total = next
	return nil
}

func storeRelease(ctx *core.Context, t *statepb.TrustRecord, rel *statepb.Release) {
	t.Releases++
	rel.TrustId, rel.Seq, rel.At, rel.Height = t.Id, t.Releases, ctx.Now(), ctx.Height
	core.SetProto(ctx.KV, ReleaseKey(t.Id, rel.Seq), rel)
	putTrust(ctx.KV, t)
	ctx.Emit("trust.outflow", "trust_id", core.Itoa(int64(t.Id)), "release", core.Itoa(int64(rel.Seq)),
		"kind", outflowName(rel.Kind), "from", t.Address, "to", rel.Recipient, "asset", t.Terms.Asset,
		"amount", core.Itoa(rel.Amount), "purpose", rel.Purpose, "donations_used", core.Itoa(int64(len(rel.Parts))))
}

// GetRelease reads one outflow.
func GetRelease(r store.Reader, id, seq uint64) (*statepb.Release, bool) {
	var rel statepb.Release
	return &rel, core.GetProto(r, ReleaseKey(id, seq), &rel)
}

// ListReleases returns a trust's outflows in order.
func ListReleases(r store.Reader, id uint64) []*statepb.Release {
	return core.ListProto[statepb.Release](r, releasePrefix(id))
}
