package compliance

import (
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// Alert and case states.
const (
	alertOpen      = "open"
	alertDismissed = "dismissed"
	alertInCase    = "in_case"
	caseOpen       = "investigating"
	caseFalse      = "false_positive"
	caseConfirmed  = "confirmed"
	caseReported   = "reported"
)

// newAlert is a rule's hit on a screened movement, with every fact the rule could read.
// Its subject is the sender, or the receiver of a mint.
func newAlert(rule, code, outcome string, s *screened) *statepb.Alert {
	a := &statepb.Alert{Rule: rule, Code: code, Outcome: outcome, Subject: s.m.From}
	if a.Subject == "" {
		a.Subject = s.m.To
	}
	a.Movement = &statepb.MovementRecord{Kind: string(s.m.Kind), From: s.m.From, To: s.m.To, Asset: s.m.Asset, Amount: s.m.Amount}
	act := activation{s}
	for _, name := range FactNames() {
		v, _ := act.ResolveName(name)
		a.Facts = append(a.Facts, &statepb.Fact{Name: name, Value: factText(v)})
	}
	return a
}

func factText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case bool:
		if x {
			return "true"
		}
		return "false"
	case int64:
		return itoa(x)
	}
	return ""
}

// raise records an alert at the context's height and time.
func raise(ctx *core.Context, a *statepb.Alert) uint64 {
	a.Id = nextID(ctx, alertSeqKey)
	a.Status, a.RaisedAt = alertOpen, ctx.Now()
	if a.Movement != nil {
		a.Movement.Height, a.Movement.Time = ctx.Height, ctx.Now()
	}
	core.SetProto(ctx.KV, AlertKey(a.Id), a)
	ctx.Emit("compliance.alert", "id", idText(a.Id), "rule", a.Rule, "code", a.Code, "outcome", a.Outcome, "subject", a.Subject)
	return a.Id
}

// GetAlert reads an alert.
func GetAlert(r store.Reader, id uint64) (*statepb.Alert, bool) {
	var a statepb.Alert
	return &a, core.GetProto(r, AlertKey(id), &a)
}

// ListAlerts lists alerts by id.
func ListAlerts(r store.Reader) []*statepb.Alert {
	return core.ListProto[statepb.Alert](r, alertPrefix)
}

// TriageAlert dismisses an open alert as a false positive or puts it in a case: a new one,
// or an open one it adds to.
func TriageAlert(ctx *core.Context, m *txpb.MsgTriageAlert) error {
	if err := checkReason(m.Reason); err != nil {
		return err
	}
	a, ok := GetAlert(ctx.KV, m.AlertId)
	if !ok {
		return ErrUnknownAlert.Wrapf("alert %d", m.AlertId)
	}
	if a.Status != alertOpen {
		return ErrBadTransition.Wrapf("alert %d is %s", a.Id, a.Status)
	}
	switch m.Decision {
	case "dismiss":
		a.Status = alertDismissed
	case "open_case":
		id, err := caseFor(ctx, a, m.CaseId, m.Reason)
		if err != nil {
			return err
		}
		a.Status, a.CaseId = alertInCase, id
	default:
		return ErrBadField.Wrapf("decision must be dismiss or open_case")
	}
	a.Reason, a.TriagedAt = m.Reason, ctx.Now()
	core.SetProto(ctx.KV, AlertKey(a.Id), a)
	ctx.Emit("compliance.alert_triaged", "id", idText(a.Id), "decision", m.Decision, "case", idText(a.CaseId),
		"by", ctx.Signer, "reason", m.Reason)
	return nil
}
