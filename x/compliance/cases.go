package compliance

import (
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/scheduler"
)

// GetCase reads a case.
func GetCase(r store.Reader, id uint64) (*statepb.Case, bool) {
	var c statepb.Case
	return &c, core.GetProto(r, CaseKey(id), &c)
}

// ListCases lists cases by id.
func ListCases(r store.Reader) []*statepb.Case { return core.ListProto[statepb.Case](r, casePrefix) }

// caseFor opens a case on an alert, or adds the alert to open case id.
func caseFor(ctx *core.Context, a *statepb.Alert, id uint64, reason string) (uint64, error) {
	if id != 0 {
		c, ok := GetCase(ctx.KV, id)
		if !ok {
			return 0, ErrUnknownCase.Wrapf("case %d", id)
		}
		if c.Status != caseOpen {
			return 0, ErrBadTransition.Wrapf("case %d is %s", id, c.Status)
		}
		c.AlertIds = append(c.AlertIds, a.Id)
		core.SetProto(ctx.KV, CaseKey(id), c)
		return id, nil
	}
	c := &statepb.Case{Id: nextID(ctx, caseSeqKey), Subject: a.Subject, AlertIds: []uint64{a.Id}, Status: caseOpen,
		OpenedBy: ctx.Signer, OpenedAt: ctx.Now(), Reason: reason}
	core.SetProto(ctx.KV, CaseKey(c.Id), c)
	ctx.Emit("compliance.case_opened", "id", idText(c.Id), "subject", c.Subject, "alert", idText(a.Id), "by", ctx.Signer)
	return c.Id, nil
}

func openCase(ctx *core.Context, id uint64, reason string) (*statepb.Case, error) {
	if err := checkReason(reason); err != nil {
		return nil, err
	}
	c, ok := GetCase(ctx.KV, id)
	if !ok {
		return nil, ErrUnknownCase.Wrapf("case %d", id)
	}
	if c.Status != caseOpen {
		return nil, ErrBadTransition.Wrapf("case %d is %s", id, c.Status)
	}
	return c, nil
}

// ConfirmCase confirms a case as suspicious: its report falls due at the end of the fifth
// business day after today, and the scheduler flags it if it is not filed by then.
func ConfirmCase(ctx *core.Context, m *txpb.MsgConfirmCase) error {
	c, err := openCase(ctx, m.CaseId, m.Reason)
	if err != nil {
		return err
	}
	clock := core.ClockOf(ctx.KV)
	dueDay := AddBusinessDays(ctx.Today().Day, reportDueBusinessDays)
	c.Status, c.Reason, c.ConfirmedAt = caseConfirmed, m.Reason, ctx.Now()
	c.ReportDue = clock.BlockTimeOf(clock.StartOfDay(dueDay + 1))
	core.SetProto(ctx.KV, CaseKey(c.Id), c)
	scheduler.Add(ctx.KV, c.ReportDue, reportDueKind, idText(c.Id))
	ctx.Emit("compliance.case_confirmed", "id", idText(c.Id), "report_due", itoa(c.ReportDue), "by", ctx.Signer, "reason", m.Reason)
	return nil
}

// CloseCase closes a case as a false positive.
func CloseCase(ctx *core.Context, m *txpb.MsgCloseCase) error {
	c, err := openCase(ctx, m.CaseId, m.Reason)
	if err != nil {
		return err
	}
	c.Status, c.Reason, c.ClosedAt = caseFalse, m.Reason, ctx.Now()
	core.SetProto(ctx.KV, CaseKey(c.Id), c)
	ctx.Emit("compliance.case_closed", "id", idText(c.Id), "by", ctx.Signer, "reason", m.Reason)
	return nil
}

// FileReport files the suspicious-transaction report of a confirmed case.
func FileReport(ctx *core.Context, m *txpb.MsgFileSuspiciousReport) error {
	if err := checkReason(m.Reason); err != nil {
		return err
	}
	if m.Summary == "" || len(m.Summary) > maxReasonBytes {
		return ErrBadField.Wrapf("summary must be 1..%d bytes", maxReasonBytes)
	}
	if len(m.DocumentHash) != 0 && len(m.DocumentHash) != 32 {
		return ErrBadField.Wrapf("document_hash must be a SHA-256 (32 bytes)")
	}
	c, ok := GetCase(ctx.KV, m.CaseId)
	if !ok {
		return ErrUnknownCase.Wrapf("case %d", m.CaseId)
	}
	if c.Status != caseConfirmed {
		return ErrBadTransition.Wrapf("case %d is %s; only a confirmed case is reported", c.Id, c.Status)
	}
	r := &statepb.SuspiciousReport{Id: nextID(ctx, reportSeqKey), CaseId: c.Id, Subject: c.Subject, Summary: m.Summary,
		DocumentHash: m.DocumentHash, FiledBy: ctx.Signer, FiledAt: ctx.Now(), Late: ctx.Now() >= c.ReportDue, Reason: m.Reason}
	core.SetProto(ctx.KV, ReportKey(r.Id), r)
	scheduler.Remove(ctx.KV, c.ReportDue, reportDueKind, idText(c.Id))
	c.Status, c.ReportId, c.ClosedAt = caseReported, r.Id, ctx.Now()
	core.SetProto(ctx.KV, CaseKey(c.Id), c)
	ctx.Emit("compliance.report_filed", "id", idText(r.Id), "case", idText(c.Id), "late", boolText(r.Late), "by", ctx.Signer)
	return nil
}

// FollowUp adds a follow-up to a filed report.
func FollowUp(ctx *core.Context, m *txpb.MsgFollowUpReport) error {
	if err := checkReason(m.Reason); err != nil {
		return err
	}
	if m.Note == "" || len(m.Note) > maxReasonBytes {
		return ErrBadField.Wrapf("note must be 1..%d bytes", maxReasonBytes)
	}
	r, ok := GetReport(ctx.KV, m.ReportId)
	if !ok {
		return ErrUnknownReport.Wrapf("report %d", m.ReportId)
	}
	if len(r.FollowUps) >= 64 {
		return ErrBadField.Wrapf("report %d has its 64 follow-ups; file a new case", r.Id)
	}
	r.FollowUps = append(r.FollowUps, &statepb.FollowUp{Note: m.Note, By: ctx.Signer, At: ctx.Now(), Reason: m.Reason})
	core.SetProto(ctx.KV, ReportKey(r.Id), r)
	ctx.Emit("compliance.report_followed_up", "id", idText(r.Id), "by", ctx.Signer, "reason", m.Reason)
	return nil
}

// GetReport reads a suspicious-transaction report.
func GetReport(r store.Reader, id uint64) (*statepb.SuspiciousReport, bool) {
	var s statepb.SuspiciousReport
	return &s, core.GetProto(r, ReportKey(id), &s)
}

// ListReports lists suspicious-transaction reports by id.
func ListReports(r store.Reader) []*statepb.SuspiciousReport {
	return core.ListProto[statepb.SuspiciousReport](r, reportPrefix)
}

// reportDue flags a confirmed case whose report was not filed in time.
func reportDue(ctx *core.Context, idText string) error {
	c, ok := GetCase(ctx.KV, parseID(idText))
	if !ok || c.Status != caseConfirmed {
		return nil // filed meanwhile (the entry is removed then; this guards a replayed entry)
	}
	c.Overdue = true
	core.SetProto(ctx.KV, CaseKey(c.Id), c)
	ctx.Emit("compliance.report_overdue", "case", idText, "subject", c.Subject, "due", itoa(c.ReportDue))
	return nil
}

// AddBusinessDays is the business day n working days (Monday to Friday) after day.
func AddBusinessDays(day int64, n int) int64 {
	for n > 0 {
		day++
		if wd := (day + 4) % 7; wd != 0 && wd != 6 { // day 0 (1970-01-01) was a Thursday
			n--
		}
	}
	return day
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
