package scf

import (
	"bytes"
	"cmp"
	"slices"
	"strings"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

func paramsView(p *txpb.ScfParams) query.ScfParams {
	return query.ScfParams{MaxTermDays: p.MaxTermDays, OfferExpirySeconds: p.OfferExpirySeconds,
		MinPartMinor: p.MinPartMinor, DefaultAfterDays: p.DefaultAfterDays}
}

func lineView(l *statepb.CreditLine) query.ScfLine {
	return query.ScfLine{ID: l.Id, Bank: l.Bank, Enterprise: l.Enterprise, Asset: l.Asset, Limit: l.Limit, Used: l.Used,
		Available: l.Limit - l.Used, ExpiresAt: l.ExpiresAt, Closed: l.Closed}
}

func documentView(d *statepb.TradeDocument) query.ScfDocument {
	return query.ScfDocument{ID: d.Id, Kind: d.Kind, Registrant: d.Registrant, Seller: d.Seller, Buyer: d.Buyer,
		InvoiceCode: d.InvoiceCode, InvoiceNumber: d.InvoiceNumber, Asset: d.Asset, Amount: d.Amount, IssueDate: d.IssueDate,
		ContractHash: d.ContractHash, ExternalRef: d.ExternalRef, CertificateID: d.CertificateId, FinancedBy: d.FinancedBy,
		FinancingRef: d.FinancingRef}
}

// StateName is a certificate state's short name (pending, active, …).
func StateName(s statepb.CertState) string {
	return strings.ToLower(strings.TrimPrefix(s.String(), "CERT_STATE_"))
}

func certificateView(c *statepb.Certificate) query.ScfCertificate {
	v := query.ScfCertificate{ID: c.Id, RootID: c.RootId, ParentID: c.ParentId, Children: c.Children, Issuer: c.Issuer,
		LineID: c.LineId, Asset: c.Asset, Face: c.Face, Paid: c.Paid, MaturityDate: dateText(c.MaturityDay),
		State: StateName(c.State), Holder: c.Holder, Receiver: c.Receiver, Tier: c.Tier, DaysPastDue: c.DaysPastDue,
		Holders: []query.ScfHolding{}, DocumentIDs: c.DocumentIds}
	if c.SettledDay != 0 {
		v.SettledDate = dateText(c.SettledDay)
	}
	if o := c.Offer; o != nil {
		v.Offer = &query.ScfOffer{Kind: o.Kind, To: o.To, ExpiresAt: o.ExpiresAt, DayCountBasis: o.DayCountBasis}
	}
	if f := c.Financing; f != nil {
		v.Financing = &query.ScfFinancing{Funder: f.Funder, Seller: f.Seller, AnnualRatePercent: f.AnnualRatePercent,
			DayCountBasis: f.DayCountBasis, Date: dateText(f.Day), Days: f.Days, Interest: f.Interest, Proceeds: f.Proceeds}
	}
	for _, h := range c.Holders {
		v.Holders = append(v.Holders, query.ScfHolding{Holder: h.Holder, From: h.From, Date: dateText(h.Day), How: h.How})
	}
	return v
}

// treeOf reads every node under a root, depth first by id.
func treeOf(r store.Reader, rootID uint64) []*statepb.Certificate {
	var out []*statepb.Certificate
	var walk func(id uint64)
	walk = func(id uint64) {
		c, ok := GetCertificate(r, id)
		if !ok {
			return
		}
		out = append(out, c)
		for _, child := range c.Children {
			walk(child)
		}
	}
	walk(rootID)
	return out
}

func treeView(r store.Reader, c *statepb.Certificate) query.ScfTree {
	v := query.ScfTree{Certificate: certificateView(c), Nodes: []query.ScfCertificate{}, Documents: []query.ScfDocument{}}
	for _, n := range treeOf(r, c.RootId) {
		if n.Id == c.RootId {
			v.Root = certificateView(n)
		}
		v.Nodes = append(v.Nodes, certificateView(n))
	}
	for _, id := range c.DocumentIds {
		if d, ok := GetDocument(r, id); ok {
			v.Documents = append(v.Documents, documentView(d))
		}
	}
	return v
}

// indexed reads the certificates an index prefix names, in id order.
func indexed(r store.Reader, prefix []byte) []*statepb.Certificate {
	var out []*statepb.Certificate
	store.IteratePrefix(r, prefix, func(k, _ []byte) bool {
		if c, ok := GetCertificate(r, idOf(k)); ok {
			out = append(out, c)
		}
		return true
	})
	return out
}

// heldBy reads the certificates addr holds (in any state but split) or is offered as a new
// issue, in id order. Its holder and funder entries name certificates that were issued,
// passed or financed to it and stand for the parts split from them; an entry whose
// certificate has moved on since is skipped, as is a part that left.
func heldBy(r store.Reader, addr string) []*statepb.Certificate {
	var out []*statepb.Certificate
	seen := map[uint64]bool{}
	var walk func(id uint64)
	walk = func(id uint64) {
		c, ok := GetCertificate(r, id)
		if seen[id] || !ok {
			return
		}
		seen[id] = true
		if holds(c, addr) {
			out = append(out, c)
		}
		for _, child := range c.Children {
			walk(child)
		}
	}
	for _, prefix := range [][]byte{heldPrefix(addr), fundedPrefix(addr)} {
		store.IteratePrefix(r, prefix, func(k, _ []byte) bool {
			walk(idOf(k))
			return true
		})
	}
	slices.SortFunc(out, func(a, b *statepb.Certificate) int { return cmp.Compare(a.Id, b.Id) })
	return out
}

// holds reports whether c is addr's now: offered to it as a new issue, or held by it and
// not split.
func holds(c *statepb.Certificate, addr string) bool {
	if c.State == statePending {
		return c.Receiver == addr
	}
	return c.Holder == addr && c.State != stateSplit
}

func holderView(r store.Reader, addr string) query.ScfHolder {
	v := query.ScfHolder{Holder: addr, Certificates: []query.ScfCertificate{}, FaceByState: map[string]int64{}}
	for _, c := range heldBy(r, addr) {
		cv := certificateView(c)
		v.Certificates = append(v.Certificates, cv)
		v.FaceByState[cv.State] += c.Face
	}
	return v
}

// issuedView is the certificates addr issued: the roots of its trees, through the issuer
// index (one entry a certificate, written at issue).
func issuedView(r store.Reader, addr string) query.ScfIssued {
	v := query.ScfIssued{Issuer: addr, Certificates: []query.ScfCertificate{}, FaceByState: map[string]int64{}}
	for _, c := range indexed(r, issuedPrefix(addr)) {
		cv := certificateView(c)
		v.Certificates = append(v.Certificates, cv)
		v.FaceByState[cv.State] += c.Face
	}
	return v
}

func enterpriseView(r store.Reader, addr string) query.ScfEnterprise {
	v := query.ScfEnterprise{Enterprise: addr, Lines: []query.ScfLine{}, Outstanding: []query.ScfMaturity{}}
	store.IteratePrefix(r, linesOfPrefix(addr), func(k, _ []byte) bool {
		if l, ok := GetLine(r, idOf(k)); ok {
			v.Lines = append(v.Lines, lineView(l))
		}
		return true
	})
	store.IteratePrefix(r, core.Key("scf", "mat", addr, ""), func(k, _ []byte) bool {
		for _, c := range liveParts(r, idOf(k)) {
			date, owed := dateText(c.MaturityDay), c.Face-c.Paid
			if n := len(v.Outstanding); n > 0 && v.Outstanding[n-1].Date == date && v.Outstanding[n-1].Asset == c.Asset {
				v.Outstanding[n-1].Amount += owed
			} else {
				v.Outstanding = append(v.Outstanding, query.ScfMaturity{Date: date, Asset: c.Asset, Amount: owed})
			}
			if c.State == stateOverdue || c.State == stateDefaulted {
				v.Record.Overdue += owed
			}
		}
		return true
	})
	rec := issuerRecord(r, addr)
	v.Record.SettledOnTime, v.Record.SettledLate, v.Record.Defaulted = rec.SettledOnTime, rec.SettledLate, rec.Defaulted
	v.Record.MaxDPD, v.Record.PaidLate = rec.MaxDpd, rec.PaidLate
	v.HeldFace = HeldFace(r, addr)
	return v
}

// HeldFace is the face not yet paid of live certificates addr holds: its confirmed
// receivables, a fact for credit.
func HeldFace(r store.Reader, addr string) int64 {
	var sum int64
	for _, c := range heldBy(r, addr) {
		if live(c) {
			sum += c.Face - c.Paid
		}
	}
	return sum
}

// OverdueParts lists the live parts whose settlement has left them unpaid past maturity
// (overdue or defaulted), by issuer, asset, maturity and id: the supervision view of overdue
// certificates by issuer. It reads the maturity index, which holds the roots with live parts
// only, in (issuer, asset, maturity) order; the parts of one such group are put in id order.
func OverdueParts(r store.Reader) []*statepb.Certificate {
	var out []*statepb.Certificate
	group := 0 // where the current (issuer, asset, maturity) group starts in out
	var groupKey []byte
	store.IteratePrefix(r, core.Key("scf", "mat", ""), func(k, _ []byte) bool {
		if head := k[:len(k)-8]; !bytes.Equal(head, groupKey) {
			slices.SortFunc(out[group:], byMaturityThenID)
			group, groupKey = len(out), append(groupKey[:0], head...)
		}
		for _, c := range liveParts(r, idOf(k)) {
			if c.State == stateOverdue || c.State == stateDefaulted {
				out = append(out, c)
			}
		}
		return true
	})
	slices.SortFunc(out[group:], byMaturityThenID)
	return out
}
