package compliance

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// fileLargeValue files a report when this movement carried the party's day sum under its
// criterion across the threshold: once per customer, criterion, direction and business
// day. A movement meeting criteria for both parties files two reports.
func fileLargeValue(ctx *core.Context, s *screened, p *party) {
	c, ok := largeValueCrossing(s, p)
	if !ok {
		return
	}
	p.ctr.Reported |= c.bit
	id := nextID(ctx, lvrSeqKey)
	r := &statepb.LargeValueReport{Id: id, Account: p.addr, Asset: s.m.Asset, Criterion: criterionNames[p.crit],
		Direction: c.direction, BusinessDate: core.DateOf(s.today), DayTotal: c.sum, Threshold: c.threshold, Movement: record(ctx, s)}
	core.SetProto(ctx.KV, LargeValueKey(id), r)
	ctx.Emit("compliance.large_value_report", "id", idText(id), "account", p.addr, "criterion", r.Criterion,
		"direction", c.direction, "business_date", r.BusinessDate, "day_total", itoa(c.sum))
}

// crossing is a large-value criterion a movement carries a party across.
type crossing struct {
	sum, threshold int64
	direction      string // in, out
	bit            uint16 // the party's reported flag for the day
}

// largeValueCrossing reports whether the movement (already in p's counters) carries p's day
// sum under its criterion to the threshold or beyond, not yet reported today.
func largeValueCrossing(s *screened, p *party) (crossing, bool) {
	sum := p.ctr.Daily[p.class]
	if p.crit == critLegalPerson {
		// A legal person's criterion covers all its transfers, domestic or cross-border.
		sum = p.ctr.Daily[inDomestic+p.class%2]
		sum = money.AddSat(sum, p.ctr.Daily[inCrossBorder+p.class%2])
	}
	c := crossing{sum: sum, threshold: s.thresholds[p.crit], direction: "in",
		bit: uint16(1) << (p.crit*2 + p.class%2)}
	if p.class%2 == 1 {
		c.direction = "out"
	}
	return c, c.sum >= c.threshold && p.ctr.Reported&c.bit == 0
}

func record(ctx *core.Context, s *screened) *statepb.MovementRecord {
	return &statepb.MovementRecord{Kind: string(s.m.Kind), From: s.m.From, To: s.m.To, Asset: s.m.Asset,
		Amount: s.m.Amount, Height: ctx.Height, Time: ctx.Now()}
}

// LargeValueReports lists the reports whose business dates lie in [fromDate, toDate]
// (YYYY-MM-DD; empty: open), by id.
func LargeValueReports(r store.Reader, fromDate, toDate string) []*statepb.LargeValueReport {
	var out []*statepb.LargeValueReport
	for _, rep := range core.ListProto[statepb.LargeValueReport](r, lvrPrefix) {
		if (fromDate == "" || rep.BusinessDate >= fromDate) && (toDate == "" || rep.BusinessDate <= toDate) {
			out = append(out, rep)
		}
	}
	return out
}
