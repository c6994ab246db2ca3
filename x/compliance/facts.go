package compliance

import (
	"strconv"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/ledger"
)

// Party kinds: a member's account is a legal person's; any other registered account is a
// natural person's; a mint has no sender and a burn no receiver.
const (
	kindNatural = "natural"
	kindLegal   = "legal"
	kindNone    = "none"
)

// party is one side of a movement with its counters advanced to today and the movement
// recorded in them.
type party struct {
	addr         string
	kind         string
	jurisdiction string
	ctr          Counters
	idleDays     int64 // before this movement
	ageDays      int64
	crit         int // the large-value criterion this movement falls under for the party; -1: none
	class        int // the daily flow class it adds to
	week         struct {
		count, near uint32
		in, out     int64
	}
	weekDone bool // week is summed (once per movement, on a rule's first ask)
}

// screened is a movement with what compliance knows of it.
type screened struct {
	m           ledger.Movement
	today       int64
	from, to    party
	crossBorder bool
	cash        bool
	scale       uint32   // of the reporting currency, when the movement is in it
	reportable  bool     // in the reporting currency
	thresholds  [4]int64 // the large-value thresholds in minor units, by criterion, when reportable
}

// valueKinds are the movements that change who owns value, the ones rules and counters
// see. A hold only sets value aside and a release returns it to its owner.
func valueKind(k ledger.MovementKind) bool {
	return k == ledger.MoveTransfer || k == ledger.MoveCapture || k == ledger.MoveMint || k == ledger.MoveBurn
}

// screen gathers a movement's facts: the parties' kinds and jurisdictions and their
// counters with this movement in them. It reads a fixed number of keys.
func screen(ctx *core.Context, m ledger.Movement) *screened {
	s := &screened{m: m, today: ctx.Today().Day, cash: m.Kind == ledger.MoveMint || m.Kind == ledger.MoveBurn}
	if m.Asset == ReportingCurrency {
		if a, err := bank.Asset(ctx.KV, m.Asset); err == nil {
			s.scale, s.reportable = a.Scale, true
			for i, units := range criterionUnits(Params(ctx.KV)) {
				s.thresholds[i] = thresholdMinor(units, a.Scale)
			}
		}
	}
	s.from = loadParty(ctx.KV, m.From, m.Asset, s.today)
	s.to = loadParty(ctx.KV, m.To, m.Asset, s.today)
	s.crossBorder = s.from.kind != kindNone && s.to.kind != kindNone && s.from.jurisdiction != s.to.jurisdiction
	for i, p := range []*party{&s.from, &s.to} {
		if p.kind == kindNone {
			continue
		}
		p.crit, p.class = s.criterion(p, i == 1)
		near := s.reportable && nearThreshold(m.Amount, s.thresholds[p.crit])
		p.ctr.record(s.today, p.class, m.Amount, near)
	}
	return s
}

func loadParty(r store.Reader, addr, asset string, today int64) party {
	if addr == "" {
		return party{kind: kindNone, crit: -1}
	}
	p := party{addr: addr, kind: kindNatural, jurisdiction: JurisdictionOf(r, addr)}
	if registry.IsMember(r, addr) {
		p.kind = kindLegal
	}
	c, err := DecodeCounters(r.Get(CountersKey(addr, asset)))
	if err != nil {
		panic("corrupt compliance counters of " + addr) // written only by this package
	}
	if c.LastDay != 0 {
		p.idleDays = today - c.LastDay
	}
	if c.FirstDay != 0 {
		p.ageDays = today - c.FirstDay
	}
	c.advance(today)
	p.ctr = c
	return p
}

// criterion is the large-value criterion and daily class of the movement for one party.
func (s *screened) criterion(p *party, incoming bool) (crit, class int) {
	dir := 1
	if incoming {
		dir = 0
	}
	switch {
	case s.cash:
		return critCash, cashIn + dir
	case s.crossBorder && p.kind == kindNatural:
		return critNaturalCrossBorder, inCrossBorder + dir
	case s.crossBorder:
		return critLegalPerson, inCrossBorder + dir
	case p.kind == kindNatural:
		return critNaturalDomestic, inDomestic + dir
	default:
		return critLegalPerson, inDomestic + dir
	}
}

// JurisdictionOf is an account's recorded jurisdiction, or the home one.
func JurisdictionOf(r store.Reader, addr string) string {
	if v := r.Get(JurisdictionKey(addr)); v != nil {
		return string(v)
	}
	return HomeJurisdiction
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }
