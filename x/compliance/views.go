package compliance

import (
	"strings"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx/statepb"
)

func ruleView(r *statepb.MonitoringRule) query.MonitoringRule {
	return query.MonitoringRule{Name: r.Name, Expression: r.Expression, Outcome: r.Outcome, Code: r.Code,
		Description: r.Description, RegisteredBy: r.RegisteredBy, RegisteredAt: r.RegisteredAt, Reason: r.Reason}
}

func movementView(m *statepb.MovementRecord) query.Movement {
	if m == nil {
		return query.Movement{}
	}
	return query.Movement{Kind: m.Kind, From: m.From, To: m.To, Asset: m.Asset, Amount: m.Amount, Height: m.Height, Time: m.Time}
}

func alertView(a *statepb.Alert) query.Alert {
	v := query.Alert{ID: a.Id, Rule: a.Rule, Code: a.Code, Outcome: a.Outcome, Subject: a.Subject,
		Movement: movementView(a.Movement), Facts: map[string]string{}, Status: a.Status, CaseID: a.CaseId,
		Reason: a.Reason, RaisedAt: a.RaisedAt, TriagedAt: a.TriagedAt}
	for _, f := range a.Facts {
		v.Facts[f.Name] = f.Value
	}
	return v
}

func caseView(c *statepb.Case) query.Case {
	return query.Case{ID: c.Id, Subject: c.Subject, AlertIDs: append([]uint64{}, c.AlertIds...), Status: c.Status,
		OpenedBy: c.OpenedBy, OpenedAt: c.OpenedAt, Reason: c.Reason, ConfirmedAt: c.ConfirmedAt, ReportDue: c.ReportDue,
		Overdue: c.Overdue, ReportID: c.ReportId, ClosedAt: c.ClosedAt}
}

func reportView(r *statepb.SuspiciousReport) query.SuspiciousReport {
	v := query.SuspiciousReport{ID: r.Id, CaseID: r.CaseId, Subject: r.Subject, Summary: r.Summary,
		DocumentHash: r.DocumentHash, FiledBy: r.FiledBy, FiledAt: r.FiledAt, Late: r.Late, FollowUps: []query.FollowUp{}}
	for _, f := range r.FollowUps {
		v.FollowUps = append(v.FollowUps, query.FollowUp{Note: f.Note, By: f.By, At: f.At, Reason: f.Reason})
	}
	return v
}

func largeValueView(r *statepb.LargeValueReport) query.LargeValueReport {
	return query.LargeValueReport{ID: r.Id, Account: r.Account, Asset: r.Asset, Criterion: r.Criterion,
		Direction: r.Direction, BusinessDate: r.BusinessDate, DayTotal: r.DayTotal, Threshold: r.Threshold,
		Movement: movementView(r.Movement)}
}

func orderView(o *statepb.FreezeOrder) query.FreezeOrder {
	return query.FreezeOrder{ID: o.Id, Account: o.Account, Asset: o.Asset, Amount: o.Amount, WholeAccount: o.WholeAccount,
		Authority: o.Authority, LegalBasis: o.LegalBasis, DocumentNumber: o.DocumentNumber, Start: o.Start,
		Expiry: o.Expiry, IssuedBy: o.IssuedBy, Reason: o.Reason, Status: o.Status, EndedAt: o.EndedAt, Debited: o.Debited}
}

// splitRange reads "FROM~TO" ("~" survives URL path cleaning, ".." would not); a date is YYYY-MM-DD, and either side may be empty.
func splitRange(arg string) (from, to string, err error) {
	from, to, ok := strings.Cut(arg, "~")
	if !ok || !dateOrEmpty(from) || !dateOrEmpty(to) {
		return "", "", ErrBadField.Wrapf("range %q: FROM~TO with dates YYYY-MM-DD", arg)
	}
	return from, to, nil
}

func dateOrEmpty(s string) bool {
	if s == "" {
		return true
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	return strings.Trim(s[:4]+s[5:7]+s[8:], "0123456789") == ""
}

func mapList[T any, V any](items []T, f func(T) V) []V {
	out := make([]V, 0, len(items))
	for _, it := range items {
		out = append(out, f(it))
	}
	return out
}
