package scf

import (
	"fmt"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// CheckInvariants checks every certificate tree, line and document (a full scan: tests and
// the simulation call it, blocks never do):
//   - every split node's children add exactly to its face, so the parts of a root add to the
//     root's face, before and after settlement;
//   - a part's paid amount is within its face, and a settled part is paid in full;
//   - a line's used amount is the face of its pending and live certificates, within the limit;
//   - a document backs at most one certificate, which cites it.
func CheckInvariants(r store.Reader) error {
	certs := core.ListProto[statepb.Certificate](r, certPrefix)
	byID := make(map[uint64]*statepb.Certificate, len(certs))
	for _, c := range certs {
		byID[c.Id] = c
	}
	used := map[uint64]int64{}
	for _, c := range certs {
		if err := checkNode(c, byID); err != nil {
			return err
		}
		if usesLine(c) {
			used[c.LineId] += c.Face
		}
	}
	for _, l := range core.ListProto[statepb.CreditLine](r, linePrefix) {
		if l.Used != used[l.Id] || l.Used > l.Limit || l.Used < 0 {
			return fmt.Errorf("line %d: used %d, certificates %d, limit %d", l.Id, l.Used, used[l.Id], l.Limit)
		}
	}
	for _, d := range core.ListProto[statepb.TradeDocument](r, docPrefix) {
		if err := checkDocumentUse(d, byID); err != nil {
			return err
		}
	}
	return nil
}

func checkNode(c *statepb.Certificate, byID map[uint64]*statepb.Certificate) error {
	if c.Paid < 0 || c.Paid > c.Face {
		return fmt.Errorf("certificate %d: paid %d of face %d in state %v", c.Id, c.Paid, c.Face, c.State)
	}
	if c.State == stateSettled && c.Paid != c.Face {
		return fmt.Errorf("certificate %d settled with %d of %d paid", c.Id, c.Paid, c.Face)
	}
	if (c.State == stateSplit) != (len(c.Children) > 0) {
		return fmt.Errorf("certificate %d: state %v with %d children", c.Id, c.State, len(c.Children))
	}
	var sum int64
	for _, id := range c.Children {
		child, ok := byID[id]
		if !ok || child.ParentId != c.Id || child.RootId != c.RootId {
			return fmt.Errorf("certificate %d: child %d missing or not its own", c.Id, id)
		}
		sum += child.Face
	}
	if len(c.Children) > 0 && sum != c.Face {
		return fmt.Errorf("certificate %d: parts add to %d, face %d", c.Id, sum, c.Face)
	}
	return nil
}

func checkDocumentUse(d *statepb.TradeDocument, byID map[uint64]*statepb.Certificate) error {
	if d.CertificateId == 0 {
		return nil
	}
	c, ok := byID[d.CertificateId]
	if !ok || c.RootId != c.Id || d.FinancedBy != "" {
		return fmt.Errorf("document %d backs certificate %d, which is no root, or was also financed", d.Id, d.CertificateId)
	}
	for _, id := range c.DocumentIds {
		if id == d.Id {
			return nil
		}
	}
	return fmt.Errorf("document %d backs certificate %d, which does not cite it", d.Id, c.Id)
}
