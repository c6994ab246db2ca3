package trust

import (
	"strconv"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/scheduler"
)

// DisclosureMonths is the disclosure duty's period: every three business months from the
// trust's creation the trustee publishes a report's hash, and once more within three months
// of the trust's end (the final, full report).
const DisclosureMonths = 3

// PublishDisclosure records a published report's hash (the trustee): it meets the current
// deadline, and clears an overdue flag (the publication is marked late).
func PublishDisclosure(ctx *core.Context, m *txpb.MsgPublishDisclosure) error {
	t, err := trustOrError(ctx.KV, m.TrustId)
	if err != nil {
		return err
	}
	if err := requireTrustee(ctx, t); err != nil {
		return err
	}
	if m.PeriodEnd > ctx.Now() || m.PeriodStart < t.CreatedAt {
		return ErrBadDisclosure.Wrapf("period %d..%d must lie between the trust's creation %d and now %d",
			m.PeriodStart, m.PeriodEnd, t.CreatedAt, ctx.Now())
	}
	if t.DisclosureDueAt == 0 {
		return ErrBadDisclosure.Wrapf("trust %d has no disclosure due: its final report is past", t.Id)
	}
	t.Disclosures++
	d := &statepb.Disclosure{TrustId: t.Id, Seq: t.Disclosures, PeriodStart: m.PeriodStart, PeriodEnd: m.PeriodEnd,
		ReportHash: m.ReportHash, PublishedAt: ctx.Now(), Late: t.DisclosureOverdue}
	core.SetProto(ctx.KV, DisclosureKey(t.Id, d.Seq), d)
	t.DisclosureMet, t.DisclosureOverdue = true, false
	putTrust(ctx.KV, t)
	ctx.Emit("trust.disclosure_published", "trust_id", core.Itoa(int64(t.Id)), "disclosure", core.Itoa(int64(d.Seq)),
		"period_start_at", core.Itoa(m.PeriodStart), "period_end_at", core.Itoa(m.PeriodEnd),
		"report_hash", hashList([][]byte{m.ReportHash}), "late", boolText(d.Late), "due_at", core.Itoa(t.DisclosureDueAt))
	return nil
}

// runDisclosureDeadline is a disclosure deadline falling due: unmet, the trust is flagged
// overdue for all to see (it stays so until the trustee publishes). Then the next deadline
// is set, three months on while the trust is active; an ended trust's final deadline is its
// last.
func runDisclosureDeadline(ctx *core.Context, idText string) error {
	id, err := strconv.ParseUint(idText, 10, 64)
	if err != nil {
		return err
	}
	t, ok := GetTrust(ctx.KV, id)
	if !ok || t.DisclosureDueAt == 0 || t.DisclosureDueAt > ctx.Now() {
		return nil // a deadline moved by the trust's ending is rescheduled there
	}
	if !t.DisclosureMet {
		t.DisclosureOverdue = true
		ctx.Emit("trust.disclosure_overdue", "trust_id", idText, "due_at", core.Itoa(t.DisclosureDueAt),
			"trustee", t.Trustee)
	}
	t.DisclosureMet = false
	if t.Status == statepb.TrustStatus_TRUST_STATUS_ACTIVE {
		t.DisclosureDueAt = addMonths(ctx.KV, t.DisclosureDueAt, DisclosureMonths)
		scheduler.Add(ctx.KV, t.DisclosureDueAt, discloseKind, idText)
	} else {
		t.DisclosureDueAt = 0
	}
	putTrust(ctx.KV, t)
	return nil
}

// ListDisclosures returns a trust's published reports in order.
func ListDisclosures(r store.Reader, id uint64) []*statepb.Disclosure {
	return core.ListProto[statepb.Disclosure](r, disclosurePrefix(id))
}
