package trust

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// Contribute moves the signer's funds into the trust account and records the donation: for
// a charity trust from any registered account, for a private trust from its settlor only.
func Contribute(ctx *core.Context, m *txpb.MsgContribute) error {
	t, err := activeTrust(ctx.KV, m.TrustId)
	if err != nil {
		return err
	}
	if t.Terms.Kind == txpb.TrustKind_TRUST_KIND_PRIVATE && ctx.Signer != t.Terms.Settlor {
		return ErrNotContributor.Wrapf("only the settlor contributes to private trust %d", t.Id)
	}
	if err := bank.Move(ctx, ctx.Signer, t.Address, t.Terms.Asset, m.Amount); err != nil {
		return err
	}
	return recordDonation(ctx, t, ctx.Signer, m.Amount)
}

// recordDonation books a donation that has already reached the trust account.
func recordDonation(ctx *core.Context, t *statepb.TrustRecord, donor string, amount int64) error {
	total, err := money.Add(t.Contributed, amount)
	if err != nil {
		return err
	}
	t.Contributed = total
	t.Donations++
	d := &statepb.Donation{TrustId: t.Id, Seq: t.Donations, Donor: donor, Amount: amount, At: ctx.Now(), Height: ctx.Height}
	core.SetProto(ctx.KV, DonationKey(t.Id, d.Seq), d)
	ctx.KV.Set(donorKey(donor, t.Id, d.Seq), []byte{1})
	putTrust(ctx.KV, t)
	ctx.Emit("trust.donation", "trust_id", core.Itoa(int64(t.Id)), "donation", core.Itoa(int64(d.Seq)), "from", donor,
		"to", t.Address, "asset", t.Terms.Asset, "amount", core.Itoa(amount), "at", core.Itoa(d.At))
	return nil
}

// GetDonation reads one donation.
func GetDonation(r store.Reader, id, seq uint64) (*statepb.Donation, bool) {
	var d statepb.Donation
	return &d, core.GetProto(r, DonationKey(id, seq), &d)
}

// ListDonations returns a trust's donations in order.
func ListDonations(r store.Reader, id uint64) []*statepb.Donation {
	return core.ListProto[statepb.Donation](r, donationPrefix(id))
}

// Unspent is what of a donation no outflow has used and no refund returned.
func Unspent(d *statepb.Donation) int64 { return d.Amount - d.Attributed - d.Refunded }
