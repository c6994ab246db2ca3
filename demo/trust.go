package demo

import (
	"context"
	"crypto/sha256"
	"strconv"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// trusts seeds a charity project and a family trust, with the bank as trustee. The project
// "Village school" targets 3,000.00 in tranches of 900.00 / 1,200.00 / 900.00 to the
// merchant (the builder), supervised by the MFI; the investors give 1,500.00, 1,000.00 and
// 500.00 in that order. Tranche 1 is released on approved receipts, tranche 2's evidence
// awaits the supervisor, tranche 3 is pending. The family trust of jia pays kofi 100.00 a
// month from 1,000.00 while funds last.
func (s *Scenario) trusts(ctx context.Context) error {
	bank, sup, builder := s.Inst.Bank, s.Inst.MFI, s.People["merchant"]
	donors := []string{"inv-ada", "inv-bo", "inv-cy"}
	gifts := []int64{150_000, 100_000, 50_000}
	var mints []*txpb.Msg
	for i, d := range donors {
		mints = append(mints, tx.Wrap(&txpb.MsgMint{Asset: "CNY", To: s.People[d].Address(), Amount: gifts[i]}))
	}
	mints = append(mints, tx.Wrap(&txpb.MsgMint{Asset: "CNY", To: s.People["jia"].Address(), Amount: 100_000}))
	if _, err := s.send(ctx, bank, mints...); err != nil {
		return err
	}
	project, err := s.createTrust(ctx, bank, &txpb.TrustTerms{Name: "Village school", Purpose: "rebuild the village school",
		Kind: txpb.TrustKind_TRUST_KIND_CHARITY, Asset: "CNY", Settlor: s.People["inv-ada"].Address(), Supervisor: sup.Address(),
		FeeBps: 100, Target: 300_000, Ending: txpb.TrustEnding_TRUST_ENDING_REFUND, Tranches: []*txpb.Tranche{
			{Amount: 90_000, Recipient: builder.Address(), Purpose: "foundations"},
			{Amount: 120_000, Recipient: builder.Address(), Purpose: "walls and roof"},
			{Amount: 90_000, Recipient: builder.Address(), Purpose: "fittings"}}})
	if err != nil {
		return err
	}
	for i, d := range donors {
		if _, err := s.send(ctx, s.People[d], tx.Wrap(&txpb.MsgContribute{TrustId: project, Amount: gifts[i]})); err != nil {
			return err
		}
	}
	receipts := sha256.Sum256([]byte("demo: foundation receipts and delivery notes"))
	invoices := sha256.Sum256([]byte("demo: walls and roof invoices"))
	steps := []struct {
		who *client.Signer
		msg *txpb.Msg
	}{
		{bank, tx.Wrap(&txpb.MsgSubmitEvidence{TrustId: project, Tranche: 1, EvidenceHashes: [][]byte{receipts[:]}, Note: "foundations done"})},
		{sup, tx.Wrap(&txpb.MsgDecideEvidence{TrustId: project, Tranche: 1, Approve: true})},
		{bank, tx.Wrap(&txpb.MsgReleaseTranche{TrustId: project, Tranche: 1})},
		{bank, tx.Wrap(&txpb.MsgSubmitEvidence{TrustId: project, Tranche: 2, EvidenceHashes: [][]byte{invoices[:]}, Note: "walls up"})},
	}
	for _, st := range steps {
		if _, err := s.send(ctx, st.who, st.msg); err != nil {
			return err
		}
	}
	family, err := s.createTrust(ctx, bank, &txpb.TrustTerms{Name: "Jia family trust", Purpose: "support for kofi",
		Kind: txpb.TrustKind_TRUST_KIND_PRIVATE, Asset: "CNY", Settlor: s.People["jia"].Address(),
		Beneficiaries: []string{s.People["kofi"].Address()}, FeeBps: 50, Ending: txpb.TrustEnding_TRUST_ENDING_REFUND,
		Distribution: &txpb.Distribution{Beneficiary: s.People["kofi"].Address(), Amount: 10_000, Condition: "beneficiary_kyc_level >= 1"}})
	if err != nil {
		return err
	}
	s.trustIDs = []uint64{project, family}
	_, err = s.send(ctx, s.People["jia"], tx.Wrap(&txpb.MsgContribute{TrustId: family, Amount: 100_000}))
	return err
}

func (s *Scenario) createTrust(ctx context.Context, trustee *client.Signer, t *txpb.TrustTerms) (uint64, error) {
	r, err := s.send(ctx, trustee, tx.Wrap(&txpb.MsgCreateTrust{Terms: t}))
	if err != nil {
		return 0, err
	}
	return strconv.ParseUint(eventAttr(r.Events, "trust.created", "trust_id"), 10, 64)
}

// Trusts are the demo's charity project and family trust as the chain shows them now.
func (s *Scenario) Trusts(ctx context.Context) ([]query.Trust, error) {
	var out []query.Trust
	for _, id := range s.trustIDs {
		t, err := client.Query(ctx, s.C, query.GetTrust, strconv.FormatUint(id, 10))
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}
