package demo

import (
	"context"
	"crypto/sha256"
	"strconv"
	"time"

	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// DemoPreimage is the secret behind the sandbox's HTLC (its SHA-256 is the hashlock).
const DemoPreimage = "puhui-demo-preimage"

// escrows: Sunrise Microfinance issues a USD token and the merchant holds 1,000.00 of it;
// inv-ada proposes 710.00 CNY (the bank's token) for 100.00 USD and the merchant accepts — both
// legs in one step. inv-bo locks 50.00 CNY for zara under DemoPreimage's hash, and zara claims
// it with the preimage, which the chain records for a counterparty on another chain.
func (s *Scenario) escrows(ctx context.Context) error {
	merchant, ada := s.People["merchant"], s.People["inv-ada"]
	if _, err := s.send(ctx, s.Inst.MFI, tx.Wrap(&txpb.MsgRegisterAsset{Code: "USD", Name: "US dollar (Sunrise token)", Scale: 2}),
		tx.Wrap(&txpb.MsgMint{Asset: "USD", To: merchant.Address(), Amount: 100_000})); err != nil {
		return err
	}
	expires := time.Now().Add(time.Hour).Unix()
	r, err := s.send(ctx, ada, tx.Wrap(&txpb.MsgProposeSwap{Counterparty: merchant.Address(), GiveAsset: "CNY",
		GiveAmount: 71_000, WantAsset: "USD", WantAmount: 10_000, ExpiresAt: expires}))
	if err != nil {
		return err
	}
	swap, _ := strconv.ParseUint(eventAttr(r.Events, "swap.proposed", "swap_id"), 10, 64)
	if _, err := s.send(ctx, merchant, tx.Wrap(&txpb.MsgAcceptSwap{SwapId: swap})); err != nil {
		return err
	}
	lock := sha256.Sum256([]byte(DemoPreimage))
	r, err = s.send(ctx, s.People["inv-bo"], tx.Wrap(&txpb.MsgLockHtlc{Receiver: s.People["zara"].Address(), Asset: "CNY",
		Amount: 5_000, Hashlock: lock[:], ExpiresAt: expires}))
	if err != nil {
		return err
	}
	htlc, _ := strconv.ParseUint(eventAttr(r.Events, "htlc.locked", "htlc_id"), 10, 64)
	if _, err := s.send(ctx, s.People["zara"], tx.Wrap(&txpb.MsgClaimHtlc{HtlcId: htlc, Preimage: []byte(DemoPreimage)})); err != nil {
		return err
	}
	s.Markets["swap"], s.Markets["htlc"] = swap, htlc
	return nil
}
