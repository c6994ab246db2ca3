package scf

import (
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
)

// OfferFinancing executes MsgOfferFinancing: the holder offers a certificate to a bank or an
// MFI for discounting, naming the day-count basis.
func OfferFinancing(ctx *core.Context, m *txpb.MsgOfferFinancing) error {
	c, err := mustHold(ctx, m.CertificateId)
	if err != nil {
		return err
	}
	if err := checkCounterparty(ctx, "funder", m.Funder); err != nil {
		return err
	}
	if !registry.HasRole(ctx.KV, m.Funder, identity.RoleBank) && !registry.HasRole(ctx.KV, m.Funder, identity.RoleMFI) {
		return ErrNotFunder.Wrapf("%s is neither a bank nor an MFI", m.Funder)
	}
	if _, err := CheckBasis(m.DayCountBasis); err != nil {
		return err
	}
	if c.Financing != nil {
		return ErrWrongState.Wrapf("certificate %d was already financed by %s", c.Id, c.Financing.Funder)
	}
	offer(ctx, c, &statepb.CertOffer{Kind: offerFinance, To: m.Funder, DayCountBasis: m.DayCountBasis})
	ctx.Emit("scf.financing_offered", "certificate", idText(c.Id), "holder", c.Holder, "funder", m.Funder,
		"face", core.Itoa(c.Face))
	return nil
}

// AcceptFinancing executes MsgAcceptFinancing: the funder discounts the offered certificate
// at its rate. In one step it pays the proceeds to the holder and becomes the holder; the
// interest is face × rate × days ÷ basis to maturity, half-even.
func AcceptFinancing(ctx *core.Context, m *txpb.MsgAcceptFinancing) error {
	c, err := mustCertificate(ctx.KV, m.CertificateId)
	if err != nil {
		return err
	}
	if c.Offer == nil || c.Offer.Kind != offerFinance || !live(c) {
		return ErrNoOffer.Wrapf("certificate %d has no financing offer pending", c.Id)
	}
	if c.Offer.To != ctx.Signer {
		return ErrNotReceiver.Wrapf("certificate %d is offered to %s", c.Id, c.Offer.To)
	}
	rate, err := ParseRate(m.AnnualRatePercent)
	if err != nil {
		return err
	}
	basis, err := CheckBasis(c.Offer.DayCountBasis)
	if err != nil {
		return err
	}
	today := ctx.Today().Day
	d, err := Discounted(c.Face, rate, basis, today, c.MaturityDay)
	if err != nil {
		return err
	}
	seller := c.Holder
	if err := bank.Move(ctx, ctx.Signer, seller, c.Asset, d.Proceeds); err != nil {
		return err
	}
	unscheduleOffer(ctx, c.Id, c.Offer.ExpiresAt)
	c.Offer = nil
	c.Financing = &statepb.CertFinancing{Funder: ctx.Signer, Seller: seller, AnnualRatePercent: m.AnnualRatePercent,
		DayCountBasis: uint32(basis), Day: today, Days: d.Days, Interest: d.Interest, Proceeds: d.Proceeds}
	setHolder(ctx, c, ctx.Signer, "financed")
	saveCertificate(ctx.KV, c)
	ctx.KV.Set(fundedKey(ctx.Signer, c.Id), []byte{1}) // also the funder's holder entry (heldBy)
	ctx.Emit("scf.certificate_financed", "certificate", idText(c.Id), "funder", ctx.Signer, "seller", seller,
		"face", core.Itoa(c.Face), "days", core.Itoa(d.Days), "interest", core.Itoa(d.Interest), "proceeds", core.Itoa(d.Proceeds))
	return nil
}
