package demo

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// NoteCode is the demo's issued note: Tier 1 Parts' one-year note, sold to verified investors.
const NoteCode = "T1-NOTE"

// issuedNote registers Tier 1's note with rules (KYC level 2, investors attested in CN, at most
// 50 holders of at most 1,000 units each, a 30-day lock-up), mints it to two verified
// investors, shows the rules refusing a third (attested in HK), and pays a 100.00 CNY coupon
// to the holders pro rata (66.67 and 33.33), in the block's end-of-block work.
func (s *Scenario) issuedNote(ctx context.Context) error {
	issuer := s.Chain.Tier1
	expires := time.Now().AddDate(1, 0, 0).Unix()
	var attest []*txpb.Msg
	for name, country := range map[string]string{"inv-ada": "CN", "inv-bo": "CN", "inv-cy": "HK"} {
		ev := sha256.Sum256([]byte("demo evidence|" + name))
		attest = append(attest, tx.Wrap(&txpb.MsgAttestKyc{Account: s.People[name].Address(), KycLevel: 2, ExpiresAt: expires,
			EvidenceHash: ev[:], Jurisdiction: country}))
	}
	if _, err := s.send(ctx, s.Inst.KYC, sortedByAccount(attest)...); err != nil {
		return err
	}
	if _, err := s.send(ctx, issuer, tx.Wrap(&txpb.MsgRegisterRuledAsset{Code: NoteCode, Name: "Tier 1 Parts note 2027", Scale: 0,
		Rules: &txpb.AssetRuleSet{MinKycLevel: 2, Jurisdictions: []string{"CN"}, MaxHolders: 50, MaxBalance: 1_000,
			LockupSeconds: 30 * 86400}}),
		tx.Wrap(&txpb.MsgMint{Asset: NoteCode, To: s.People["inv-ada"].Address(), Amount: 600}),
		tx.Wrap(&txpb.MsgMint{Asset: NoteCode, To: s.People["inv-bo"].Address(), Amount: 300})); err != nil {
		return err
	}
	_, err := s.send(ctx, issuer, tx.Wrap(&txpb.MsgMint{Asset: NoteCode, To: s.People["inv-cy"].Address(), Amount: 100}))
	var qe *client.QueryError
	if !errors.As(err, &qe) || qe.Codespace != "assets" || !strings.Contains(qe.Log, "rule_jurisdiction") {
		return fmt.Errorf("a mint to an investor attested in HK should be refused by assets.rule_jurisdiction, got %v", err)
	}
	s.say("the note's rules refused a mint to inv-cy (attested in HK): assets.rule_jurisdiction")
	if _, err := s.send(ctx, s.Inst.Bank, tx.Wrap(&txpb.MsgTransfer{To: issuer.Address(), Asset: "CNY", Amount: 1_000_00})); err != nil {
		return err
	}
	_, err = s.send(ctx, issuer, tx.Wrap(&txpb.MsgCreateDistribution{Asset: NoteCode, SettlementAsset: "CNY", Amount: 100_00, Memo: "coupon 1"}))
	return err
}

// sortedByAccount orders messages built from a map (attestations) by account, so that the
// transaction is the same on every run.
func sortedByAccount(msgs []*txpb.Msg) []*txpb.Msg {
	for i := 1; i < len(msgs); i++ {
		for j := i; j > 0 && msgs[j].GetAttestKyc().GetAccount() < msgs[j-1].GetAttestKyc().GetAccount(); j-- {
			msgs[j], msgs[j-1] = msgs[j-1], msgs[j]
		}
	}
	return msgs
}
