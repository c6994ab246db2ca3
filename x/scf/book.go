package scf

import (
	"math/big"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
)

// bookView is a funder's financed book: every certificate it discounted, with what it paid,
// its interest and yield, and what of it is overdue while the funder still holds it.
func bookView(r store.Reader, funder string) query.ScfBook {
	v := query.ScfBook{Funder: funder, Entries: []query.ScfBookEntry{}}
	for _, c := range indexed(r, fundedPrefix(funder)) {
		f := c.Financing
		e := query.ScfBookEntry{CertificateID: c.Id, Asset: c.Asset, Face: c.Face, Proceeds: f.Proceeds, Interest: f.Interest,
			Paid: c.Paid, State: StateName(c.State), MaturityDate: dateText(c.MaturityDay), DaysPastDue: c.DaysPastDue,
			YieldPercent: yieldPercent(f)}
		v.Entries = append(v.Entries, e)
		v.Face = money.AddSat(v.Face, c.Face)
		v.Proceeds = money.AddSat(v.Proceeds, f.Proceeds)
		v.Interest = money.AddSat(v.Interest, f.Interest)
		if (c.State == stateOverdue || c.State == stateDefaulted) && c.Holder == funder {
			v.Overdue = money.AddSat(v.Overdue, c.Face-c.Paid)
		}
	}
	return v
}

// yieldPercent is the funder's annual yield on its cash, interest ÷ proceeds × basis ÷ days
// in percent, rounded half-even to 4 places (3.60% discount for 90 days: 3.6327%).
func yieldPercent(f *statepb.CertFinancing) string {
	if f.Proceeds <= 0 || f.Days <= 0 {
		return "0.0000"
	}
	num := new(big.Int).Mul(big.NewInt(f.Interest), big.NewInt(int64(f.DayCountBasis)*100*10_000))
	den := new(big.Int).Mul(big.NewInt(f.Proceeds), big.NewInt(f.Days))
	q, err := money.QuoBig(num, den, money.RoundingHalfEven)
	if err != nil || !q.IsInt64() {
		return "0.0000"
	}
	return money.FormatMinor(q.Int64(), 4)
}

// graphView is who passed what to whom under a root: the issuer at tier 0, each holder at
// the tier it first held at, an edge for every issue, transfer and discounting.
func graphView(r store.Reader, root *statepb.Certificate) query.ScfGraph {
	v := query.ScfGraph{RootID: root.Id, Nodes: []query.ScfNode{{Address: root.Issuer, Tier: 0, Role: "issuer"}},
		Edges: []query.ScfEdge{}}
	seen := map[string]bool{root.Issuer: true}
	for _, c := range treeOf(r, root.Id) {
		tier := c.Tier // the tier now; the holders before the part's transfers were higher up
		for _, h := range c.Holders {
			if h.How == "transferred" {
				tier--
			}
		}
		for _, h := range c.Holders {
			if h.How == "split" {
				continue
			}
			if h.How == "transferred" {
				tier++
			}
			role := "supplier"
			if h.How == "financed" {
				role = "funder"
			}
			if !seen[h.Holder] {
				seen[h.Holder] = true
				v.Nodes = append(v.Nodes, query.ScfNode{Address: h.Holder, Tier: tier, Role: role})
			}
			v.Edges = append(v.Edges, query.ScfEdge{From: h.From, To: h.Holder, CertificateID: c.Id, Face: c.Face,
				How: h.How, Date: dateText(h.Day)})
		}
		if c.State == statePending {
			v.Edges = append(v.Edges, query.ScfEdge{From: c.Issuer, To: c.Receiver, CertificateID: c.Id, Face: c.Face,
				How: "issued", Date: dateText(c.IssuedDay)})
		}
	}
	return v
}
