package demo

import (
	"context"
	"time"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// cropSeasons are the sandbox's two short drought seasons on one rainfall feed: the first
// dry (its policies pay, and yusuf's payout repays his loan), the second wet (no payout).
type cropSeasons struct {
	start    time.Time // the first season's start; the second starts a season later
	wetSent  bool
	products [2]uint64
}

// seasonLength is a season in block time; rainfall is reported early in each season (with
// room for the seeding steps before the first report on a loaded machine).
const seasonLength = 30 * time.Second

// DemoFeed is the sandbox's rainfall feed.
const DemoFeed = "RAIN-DEMO"

// insurance registers the rainfall feed with its three reporters, the insurer's pool, a
// drought product per season, zara's cover in both and the MFI's cover of yusuf's new loan
// in the dry one; the first season's (dry) rainfall is reported at once.
func (s *Scenario) insurance(ctx context.Context) error {
	var reporters []string
	for _, o := range s.Inst.Oracles {
		reporters = append(reporters, o.Address())
	}
	// Rounds wait two minutes for their second answer: on a loaded machine the two reporters'
	// transactions can land more than a few seconds apart, and a dry round that timed out
	// would leave the first season to be closed by the wet one.
	if _, err := s.send(ctx, s.Inst.Oracles[0], tx.Wrap(&txpb.MsgRegisterFeed{Feed: &txpb.Feed{Id: DemoFeed,
		Description: "seasonal rainfall, county median", Unit: "mm", Decimals: 1, HeartbeatSeconds: 3600,
		RoundTimeoutSeconds: 120, MinSubmissions: 2, Reporters: reporters}})); err != nil {
		return err
	}
	s.crops.start = time.Now()
	if _, err := s.send(ctx, s.Inst.Bank, tx.Wrap(&txpb.MsgMint{Asset: "CNY", To: s.Inst.Insurer.Address(), Amount: 10_000_000})); err != nil {
		return err
	}
	season := func(n int) *txpb.InsuranceProduct {
		from := s.crops.start.Add(time.Duration(n) * seasonLength)
		return &txpb.InsuranceProduct{Name: "Drought cover, season " + string(rune('1'+n)), Kind: "parametric", Asset: "CNY",
			Cover: "crop", PremiumRatePpm: 50_000, MaxPayoutPpm: 1_000_000, SaleStart: s.crops.start.Unix(),
			SaleEnd: from.Add(seasonLength / 2).Unix(), RiskStart: from.Unix(), RiskEnd: from.Add(seasonLength).Unix(),
			MinSumInsured: 10_000, MaxSumInsured: 1_000_000, DisputeDays: 2, FeedId: DemoFeed, Index: "last",
			Direction: "below", TriggerMicro: 100_000_000, ExitMicro: 20_000_000} // pays below 100 mm, all of it at 20 mm
	}
	if _, err := s.send(ctx, s.Inst.Insurer, tx.Wrap(&txpb.MsgFundPool{Asset: "CNY", Amount: 5_000_000}),
		tx.Wrap(&txpb.MsgRegisterInsuranceProduct{Product: season(0)}), tx.Wrap(&txpb.MsgRegisterInsuranceProduct{Product: season(1)})); err != nil {
		return err
	}
	s.crops.products = [2]uint64{1, 2}
	zara := s.People["zara"].Address()
	if _, err := s.send(ctx, s.People["zara"], tx.Wrap(&txpb.MsgBuyPolicy{ProductId: 1, Insured: zara, SumInsured: 200_000}),
		tx.Wrap(&txpb.MsgBuyPolicy{ProductId: 2, Insured: zara, SumInsured: 200_000})); err != nil {
		return err
	}
	// Half a year of weekly instalments, so that the loan is still open when the season ends.
	loan, err := s.apply(ctx, "yusuf", productMicro, 100_000, 26, 0) // auto-approved by the rule
	if err != nil {
		return err
	}
	if _, err := s.send(ctx, s.Inst.MFI, tx.Wrap(&txpb.MsgDisburseLoan{LoanId: loan}),
		tx.Wrap(&txpb.MsgBuyPolicy{ProductId: 1, Insured: s.People["yusuf"].Address(), SumInsured: 300_000, LoanId: loan})); err != nil {
		return err
	}
	return s.report(ctx, 150) // 15.0 mm: a drought
}

// report has two of the three reporters answer the feed's next round with tenths of a mm.
func (s *Scenario) report(ctx context.Context, value int64) error {
	feed, err := client.Query(ctx, s.C, query.GetFeed, DemoFeed)
	if err != nil {
		return err
	}
	for _, o := range s.Inst.Oracles[:2] {
		if _, err := s.send(ctx, o, tx.Wrap(&txpb.MsgSubmitObservation{FeedId: DemoFeed, RoundId: feed.LastRound + 1, Value: value})); err != nil {
			return err
		}
	}
	return nil
}

// rainfall reports the second season's (wet) rainfall once the chain's clock has passed the
// first season's end. A product's index takes the rounds opened within its risk period by
// block time, which lags the wall clock by up to a block (more on a loaded machine), so the
// wall clock alone could let the wet round open inside the dry season and close it.
func (s *Scenario) rainfall(ctx context.Context) error {
	if s.crops.wetSent || s.crops.start.IsZero() || time.Since(s.crops.start) < seasonLength {
		return nil
	}
	st, err := s.C.Status(ctx)
	if err != nil {
		return err
	}
	if st.BlockTime.Unix() <= s.crops.start.Add(seasonLength).Unix() {
		return nil
	}
	s.crops.wetSent = true
	if err := s.report(ctx, 1_350); err != nil { // 135.0 mm: a good season
		return err
	}
	s.say("rainfall reported for both seasons: the dry one pays zara and repays yusuf's loan, the wet one closes")
	return nil
}
