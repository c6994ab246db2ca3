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
	sum := p.ctr.Daily[p.class]
	if p.crit == critLegalPerson {
		// A legal person's criterion covers all its transfers, domestic or cross-border.
		sum = p.ctr.Daily[inDomestic+p.class%2]
		sum = money.AddSat(sum, p.ctr.Daily[inCrossBorder+p.class%2])
	}
	bit := uint16(1) << (p.crit*2 + p.class%2)
	threshold := thresholdMinor(p.crit, s.scale)
	if sum < threshold || p.ctr.Reported&bit != 0 {
		return
	}
	p.ctr.Reported |= bit
	dir := "in"
	if p.class%2 == 1 {
		dir = "out"
	}
	id := nextID(ctx, lvrSeqKey)
	r := &statepb.LargeValueReport{Id: id, Account: p.addr, Asset: s.m.Asset, Criterion: criterionNames[p.crit],
		Direction: dir, BusinessDate: core.DateOf(s.today), DayTotal: sum, Threshold: threshold, Movement: record(ctx, s)}
	core.SetProto(ctx.KV, LargeValueKey(id), r)
	ctx.Emit("compliance.large_value_report", "id", idText(id), "account", p.addr, "criterion", r.Criterion,
		"direction", dir, "business_date", r.BusinessDate, "day_total", itoa(sum))
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
