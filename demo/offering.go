package demo

import (
	"context"
	"strconv"
	"time"

	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// DemoNote is the small enterprise's note the sandbox offers (scale 0, 1.00 CNY each).
const DemoNote = "EANOTE"

// offerings: Eastern Axle (tier 1) registers its note and offers it twice. The first offering
// (1,000 notes, hard cap) is taken by inv-ada (600) and inv-bo (400) and settles at once: the
// notes are minted to them and 1,000.00 CNY goes to Eastern Axle less a 1% platform fee to the
// MFI. The second needs 2,000 notes by its closing time 20 seconds later; inv-cy pledges 300,
// inv-ada pledges 200 and takes it back, and at the close the scheduler refunds inv-cy's hold
// to the cent. A third, taking pledges for a week, is cancelled by Eastern Axle after inv-bo
// pledged 100: the hold is released at once.
func (s *Scenario) offerings(ctx context.Context) error {
	issuer := s.Chain.Tier1
	if _, err := s.send(ctx, issuer, tx.Wrap(&txpb.MsgRegisterAsset{Code: DemoNote, Name: "Eastern Axle 90-day note", Scale: 0})); err != nil {
		return err
	}
	now := time.Now().Unix()
	success, err := s.createOffering(ctx, &txpb.MsgCreateOffering{Asset: DemoNote, SettlementAsset: "CNY", Price: 100,
		SoftCap: 500, HardCap: 1_000, MinUnits: 100, MaxUnits: 600, OpensAt: now - 60, ClosesAt: now + 3600,
		FeeBps: 100, FeeAccount: s.Inst.MFI.Address()})
	if err != nil {
		return err
	}
	for _, p := range []struct {
		who   string
		units int64
	}{{"inv-ada", 600}, {"inv-bo", 400}} {
		if _, err := s.send(ctx, s.People[p.who], tx.Wrap(&txpb.MsgPledge{OfferingId: success, Units: p.units})); err != nil {
			return err
		}
	}
	failure, err := s.createOffering(ctx, &txpb.MsgCreateOffering{Asset: DemoNote, SettlementAsset: "CNY", Price: 100,
		SoftCap: 2_000, HardCap: 3_000, MinUnits: 100, MaxUnits: 1_000, OpensAt: now - 60, ClosesAt: now + 20})
	if err != nil {
		return err
	}
	if _, err := s.send(ctx, s.People["inv-cy"], tx.Wrap(&txpb.MsgPledge{OfferingId: failure, Units: 300})); err != nil {
		return err
	}
	if _, err := s.send(ctx, s.People["inv-ada"], tx.Wrap(&txpb.MsgPledge{OfferingId: failure, Units: 200})); err != nil {
		return err
	}
	if _, err := s.send(ctx, s.People["inv-ada"], tx.Wrap(&txpb.MsgWithdrawPledge{OfferingId: failure})); err != nil {
		return err
	}
	cancelled, err := s.cancelledOffering(ctx, now)
	if err != nil {
		return err
	}
	s.Markets["offering-succeeded"], s.Markets["offering-failed"], s.Markets["offering-cancelled"] = success, failure, cancelled
	return nil
}

// cancelledOffering is an offering Eastern Axle withdraws after inv-bo pledged to it.
func (s *Scenario) cancelledOffering(ctx context.Context, now int64) (uint64, error) {
	id, err := s.createOffering(ctx, &txpb.MsgCreateOffering{Asset: DemoNote, SettlementAsset: "CNY", Price: 100,
		SoftCap: 500, HardCap: 1_000, MinUnits: 100, MaxUnits: 600, OpensAt: now - 60, ClosesAt: now + 7*86400})
	if err != nil {
		return 0, err
	}
	if _, err := s.send(ctx, s.People["inv-bo"], tx.Wrap(&txpb.MsgPledge{OfferingId: id, Units: 100})); err != nil {
		return 0, err
	}
	_, err = s.send(ctx, s.Chain.Tier1, tx.Wrap(&txpb.MsgCancelOffering{OfferingId: id, Reason: "the axle order was moved to next quarter"}))
	return id, err
}

func (s *Scenario) createOffering(ctx context.Context, m *txpb.MsgCreateOffering) (uint64, error) {
	r, err := s.send(ctx, s.Chain.Tier1, tx.Wrap(m))
	if err != nil {
		return 0, err
	}
	return strconv.ParseUint(eventAttr(r.Events, "offering.created", "offering_id"), 10, 64)
}
