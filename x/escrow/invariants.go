package escrow

import (
	"fmt"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// CheckInvariants: every escrow, swap and HTLC has its ledger hold — of its owner, for its
// beneficiary, for its whole amount — exactly while it is open, and none after.
func CheckInvariants(r store.Reader) error {
	for _, e := range core.ListProto[statepb.Escrow](r, recordPrefix(kindEscrow)) {
		if err := checkHold(r, e.HoldId, e.Status == StatusOpen, e.Payer, e.Terms.Payee, e.Terms.Amount); err != nil {
			return fmt.Errorf("escrow %d (%s): %w", e.Id, e.Status, err)
		}
	}
	for _, s := range core.ListProto[statepb.Swap](r, recordPrefix(kindSwap)) {
		if err := checkHold(r, s.HoldId, s.Status == StatusOpen, s.Proposer, s.Terms.Counterparty, s.Terms.GiveAmount); err != nil {
			return fmt.Errorf("swap %d (%s): %w", s.Id, s.Status, err)
		}
	}
	for _, h := range core.ListProto[statepb.Htlc](r, recordPrefix(kindHtlc)) {
		if err := checkHold(r, h.HoldId, h.Status == StatusLocked, h.Sender, h.Terms.Receiver, h.Terms.Amount); err != nil {
			return fmt.Errorf("htlc %d (%s): %w", h.Id, h.Status, err)
		}
	}
	return nil
}

func checkHold(r store.Reader, id uint64, open bool, owner, beneficiary string, amount int64) error {
	h, ok := bank.GetHold(r, id)
	switch {
	case open && !ok:
		return fmt.Errorf("open without its hold %d", id)
	case !open && ok:
		return fmt.Errorf("closed but hold %d is still live", id)
	case open && (h.Owner != owner || h.Beneficiary != beneficiary || h.Amount != amount):
		return fmt.Errorf("hold %d is %s→%s %d, want %s→%s %d", id, h.Owner, h.Beneficiary, h.Amount, owner, beneficiary, amount)
	}
	return nil
}
