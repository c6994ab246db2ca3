package demo

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// SupplyChain is the sandbox's supply chain: a core enterprise with a bank line and three
// tiers of suppliers, whose keys are in the demo home's keyring (core, tier1, tier2, tier3).
type SupplyChain struct {
	Core, Tier1, Tier2, Tier3 *client.Signer
	// Certificates by what the scenario made of them: pending, rejected, split, transferred,
	// financed, settled (a short one paid in full), overdue (the long one's parts).
	Certificates map[string]uint64
}

// LoadSupplyChain reads the supply chain's keys from a demo home.
func LoadSupplyChain(home string) (*SupplyChain, error) {
	kr, pass, err := homeKeyring(home)
	if err != nil {
		return nil, err
	}
	sc := &SupplyChain{Certificates: map[string]uint64{}}
	for _, x := range []struct {
		name string
		dst  **client.Signer
	}{{"core", &sc.Core}, {"tier1", &sc.Tier1}, {"tier2", &sc.Tier2}, {"tier3", &sc.Tier3}} {
		priv, err := kr.Load(x.name, pass)
		if err != nil {
			return nil, fmt.Errorf("demo key %s: %w", x.name, err)
		}
		*x.dst = client.NewSigner(priv)
	}
	return sc, nil
}

// supplyChain seeds the certificates: the bank grants Dragon Motors 10,000,000.00; it issues
// 1,000,000.00 to tier 1, who passes 300,000.00 to tier 2, who passes 100,000.00 to tier 3
// and discounts 200,000.00 with the bank; a short 80,000.00 certificate settles in full in 20
// business days, the long one falls due in 60 with the enterprise holding 600,000.00 of it (paid pro
// rata, the rest overdue until Run pays it in); one issue is left pending, one rejected.
func (s *Scenario) supplyChain(ctx context.Context) error {
	sc, bank := s.Chain, s.Inst.Bank
	p, err := client.Query(ctx, s.C, query.GetScfParams, "")
	if err != nil {
		return err
	}
	today, err := time.Parse(time.DateOnly, p.BusinessDate)
	if err != nil {
		return err
	}
	in := func(days int) string { return today.AddDate(0, 0, days).Format(time.DateOnly) }
	if _, err := s.send(ctx, bank, tx.Wrap(&txpb.MsgGrantCreditLine{Enterprise: sc.Core.Address(), Asset: "CNY",
		Limit: 10_000_000_00, ExpiresAt: time.Now().AddDate(1, 0, 0).Unix()}),
		tx.Wrap(&txpb.MsgMint{Asset: "CNY", To: sc.Core.Address(), Amount: 680_000_00})); err != nil {
		return err
	}
	issue := func(name string, face int64, maturity string) (uint64, error) {
		r, err := s.send(ctx, sc.Tier1, tx.Wrap(&txpb.MsgRegisterTradeDocument{Kind: "invoice", Seller: sc.Tier1.Address(),
			Buyer: sc.Core.Address(), InvoiceCode: "3100253130", InvoiceNumber: name, Asset: "CNY", Amount: face,
			IssueDate: p.BusinessDate}))
		if err != nil {
			return 0, err
		}
		doc, _ := strconv.ParseUint(eventAttr(r.Events, "scf.document_registered", "document"), 10, 64)
		r, err = s.send(ctx, sc.Core, tx.Wrap(&txpb.MsgIssueCertificate{LineId: 1, To: sc.Tier1.Address(), Face: face,
			MaturityDate: maturity, DocumentIds: []uint64{doc}}))
		if err != nil {
			return 0, err
		}
		return strconv.ParseUint(eventAttr(r.Events, "scf.certificate_issued", "certificate"), 10, 64)
	}
	steps := []struct {
		name string
		face int64
		days int
		then func(id uint64) error
	}{
		{"settled", 80_000_00, 20, s.accept(sc.Tier1)},
		{"split", 1_000_000_00, 60, s.passDown},
		{"pending", 200_000_00, 120, func(uint64) error { return nil }},
		{"rejected", 50_000_00, 120, func(id uint64) error {
			_, err := s.send(ctx, sc.Tier1, tx.Wrap(&txpb.MsgRejectCertificate{CertificateId: id, Reason: "wrong amount"}))
			return err
		}},
	}
	for _, st := range steps {
		id, err := issue("DM-"+strings.ToUpper(st.name), st.face, in(st.days))
		if err != nil {
			return err
		}
		sc.Certificates[st.name] = id
		if err := st.then(id); err != nil {
			return err
		}
	}
	s.say("supply chain: certificates %v; the bank's book: puhui query scf book %s", sc.Certificates, bank.Address())
	return nil
}

func (s *Scenario) accept(who *client.Signer) func(uint64) error {
	return func(id uint64) error {
		_, err := s.send(context.Background(), who, tx.Wrap(&txpb.MsgAcceptCertificate{CertificateId: id}))
		return err
	}
}

// passDown has tier 1 accept the certificate and pass 300,000.00 to tier 2, who passes
// 100,000.00 on to tier 3 and discounts the other 200,000.00 with the bank at 3.6%.
func (s *Scenario) passDown(root uint64) error {
	ctx, sc := context.Background(), s.Chain
	if err := s.accept(sc.Tier1)(root); err != nil {
		return err
	}
	pass := func(from, to *client.Signer, id uint64, amount int64) (uint64, error) {
		r, err := s.send(ctx, from, tx.Wrap(&txpb.MsgTransferCertificate{CertificateId: id, To: to.Address(), Amount: amount}))
		if err != nil {
			return 0, err
		}
		part, _ := strconv.ParseUint(eventAttr(r.Events, "scf.transfer_offered", "certificate"), 10, 64)
		return part, s.accept(to)(part)
	}
	t2, err := pass(sc.Tier1, sc.Tier2, root, 300_000_00)
	if err != nil {
		return err
	}
	sc.Certificates["transferred"] = t2
	t3, err := pass(sc.Tier2, sc.Tier3, t2, 100_000_00)
	if err != nil {
		return err
	}
	sc.Certificates["tier3"] = t3
	tree, err := client.Query(ctx, s.C, query.GetScfCertificate, strconv.FormatUint(t2, 10))
	if err != nil {
		return err
	}
	var financed uint64 // the 200,000.00 tier 2 kept
	for _, n := range tree.Nodes {
		if n.ParentID == t2 && n.ID != t3 {
			financed = n.ID
		}
	}
	if _, err := s.send(ctx, sc.Tier2, tx.Wrap(&txpb.MsgOfferFinancing{CertificateId: financed, Funder: s.Inst.Bank.Address()})); err != nil {
		return err
	}
	_, err = s.send(ctx, s.Inst.Bank, tx.Wrap(&txpb.MsgAcceptFinancing{CertificateId: financed, AnnualRatePercent: "3.6"}))
	sc.Certificates["financed"] = financed
	return err
}

// followSupplyChain pays the core enterprise in once its long certificate's parts have been
// overdue two days, so that they settle late at the next daily retry.
func (s *Scenario) followSupplyChain(ctx context.Context) (bool, error) {
	t, err := client.Query(ctx, s.C, query.GetScfCertificate, strconv.FormatUint(s.Chain.Certificates["tier3"], 10))
	if err != nil || t.Certificate.State != "overdue" || t.Certificate.DaysPastDue < 2 {
		return false, nil
	}
	_, err = s.send(ctx, s.Inst.Bank, tx.Wrap(&txpb.MsgMint{Asset: "CNY", To: s.Chain.Core.Address(), Amount: 400_000_00}))
	if err == nil {
		s.say("supply chain: Dragon Motors paid in 400,000.00; its overdue parts settle late")
	}
	return err == nil, err
}
