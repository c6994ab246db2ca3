package app_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/compliance"
)

// checkMovement asks the application what screening would do with a proposed movement.
func checkMovement(t *testing.T, c *apptest.Chain, req query.ComplianceCheckRequest) query.ComplianceCheck {
	t.Helper()
	data, err := json.Marshal(req)
	require.NoError(t, err)
	var out query.ComplianceCheck
	queryJSON(t, c, query.PathComplianceCheck, string(data), &out)
	return out
}

// agrees runs the movement the check was about and requires that it meets what the check
// said: the same refusal code, the same new alerts and the same new large-value reports.
func (w *amlWorld) agrees(t *testing.T, want query.ComplianceCheck, signer *apptest.Key, msg *txpb.Msg) {
	t.Helper()
	alertsBefore, reportsBefore := len(w.alerts(t)), len(w.reports(t))
	res := w.c.Exec(signer.Sign(msg))
	if want.Allowed {
		require.Zero(t, res.Code, res.Log)
	} else {
		require.Equal(t, want.Refusal.Code, registeredID(res.Codespace, res.Code), res.Log)
	}
	got := query.ComplianceCheck{Alerts: []query.CheckAlert{}, LargeValue: []query.CheckLargeValue{}}
	for _, a := range w.alerts(t)[alertsBefore:] {
		got.Alerts = append(got.Alerts, query.CheckAlert{Rule: a.Rule, Code: a.Code, Outcome: a.Outcome})
	}
	for _, r := range w.reports(t)[reportsBefore:] {
		got.LargeValue = append(got.LargeValue, query.CheckLargeValue{Account: r.Account, Criterion: r.Criterion,
			Direction: r.Direction, DayTotal: r.DayTotal, Threshold: r.Threshold})
	}
	require.Equal(t, want.Alerts, got.Alerts, "alerts the check foresaw")
	require.Equal(t, want.LargeValue, got.LargeValue, "large-value reports the check foresaw")
}

// The check answers on the committed state what the movement then meets: an alert rule, the
// third transfer of a day crossing a natural person's 500,000.00, a hold rule, a freeze; and
// it changes nothing itself.
func TestComplianceCheckMatchesTheMovement(t *testing.T) {
	w := newAMLWorld(t)
	w.regulate(t, tx.Wrap(&txpb.MsgRegisterMonitoringRule{Name: "big", Outcome: "alert", Code: "a-1",
		Expression: `kind == "transfer" && amount >= 10000000`, Reason: "watch transfers of 100,000.00"}))
	w.regulate(t, tx.Wrap(&txpb.MsgRegisterMonitoringRule{Name: "big-to-person", Outcome: "hold", Code: "h-1",
		Expression: `kind == "transfer" && to_kind == "natural" && amount >= 60000000`, Reason: "review large P2P"}))
	transfer := func(from, to *apptest.Key, amount string) query.ComplianceCheckRequest {
		return query.ComplianceCheckRequest{Kind: "transfer", From: from.Address, To: to.Address, Asset: "CNY", Amount: amount}
	}
	big := query.CheckAlert{Rule: "big", Code: "a-1", Outcome: "alert"}

	before := dump(w.c.State())
	v := checkMovement(t, w.c, transfer(w.alice, w.firm, "200000.00"))
	require.Equal(t, query.ComplianceCheck{Allowed: true, Alerts: []query.CheckAlert{big}, LargeValue: []query.CheckLargeValue{},
		SanctionsFreeze: []string{}}, v)
	require.Empty(t, changedKeys(before, dump(w.c.State())), "a check writes nothing")
	w.agrees(t, v, w.alice, apptest.Transfer(w.firm.Address, "CNY", 200_000*cnyUnits))
	w.agrees(t, checkMovement(t, w.c, transfer(w.alice, w.firm, "180000.00")), w.alice,
		apptest.Transfer(w.firm.Address, "CNY", 180_000*cnyUnits))

	v = checkMovement(t, w.c, transfer(w.alice, w.firm, "150000.00"))
	require.Equal(t, []query.CheckLargeValue{{Account: w.alice.Address, Criterion: "natural_domestic", Direction: "out",
		DayTotal: 530_000 * cnyUnits, Threshold: 500_000 * cnyUnits}}, v.LargeValue)
	w.agrees(t, v, w.alice, apptest.Transfer(w.firm.Address, "CNY", 150_000*cnyUnits))
	v = checkMovement(t, w.c, transfer(w.alice, w.firm, "1.00"))
	require.Empty(t, v.LargeValue, "one report per customer, criterion, direction and day")

	v = checkMovement(t, w.c, transfer(w.alice, w.bob, "600000.00"))
	require.False(t, v.Allowed)
	require.Equal(t, &query.CheckRefusal{Code: "compliance.held_for_review", Rule: "big-to-person", Reason: v.Refusal.Reason}, v.Refusal)
	require.Equal(t, []query.CheckAlert{{Rule: "big-to-person", Code: "h-1", Outcome: "hold"}}, v.Alerts)
	require.Empty(t, v.LargeValue, "a held movement moves nothing and files nothing")
	w.agrees(t, v, w.alice, apptest.Transfer(w.bob.Address, "CNY", 600_000*cnyUnits))

	w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", 1000*cnyUnits)))
	w.regulate(t, tx.Wrap(&txpb.MsgIssueFreezeOrder{Account: w.bob.Address, Asset: "CNY", Amount: 600 * cnyUnits,
		Authority: "Court", LegalBasis: "Civil Procedure Law art. 103", DocumentNumber: "(2026) 01 No. 8",
		Expiry: w.c.Time.Add(72 * time.Hour).Unix(), Reason: "court order"}))
	v = checkMovement(t, w.c, transfer(w.bob, w.alice, "400.01"))
	require.Equal(t, "compliance.frozen_by_order", v.Refusal.Code)
	w.agrees(t, v, w.bob, apptest.Transfer(w.alice.Address, "CNY", 400*cnyUnits+1))
	v = checkMovement(t, w.c, transfer(w.bob, w.alice, "400.00"))
	require.True(t, v.Allowed, "the unfrozen balance may go")
	w.agrees(t, v, w.bob, apptest.Transfer(w.alice.Address, "CNY", 400*cnyUnits))
}

// A bad request is a coded error and changes nothing.
func TestComplianceCheckBadRequests(t *testing.T) {
	w := newAMLWorld(t)
	for name, data := range map[string]string{
		"unknown field":     `{"kind":"transfer","from":"` + w.alice.Address + `","to":"` + w.bob.Address + `","asset":"CNY","amount":"1.00","memo":"x"}`,
		"unknown kind":      `{"kind":"hold","from":"` + w.alice.Address + `","to":"` + w.bob.Address + `","asset":"CNY","amount":"1.00"}`,
		"too many decimals": `{"kind":"transfer","from":"` + w.alice.Address + `","to":"` + w.bob.Address + `","asset":"CNY","amount":"1.001"}`,
		"zero amount":       `{"kind":"transfer","from":"` + w.alice.Address + `","to":"` + w.bob.Address + `","asset":"CNY","amount":"0"}`,
		"mint with sender":  `{"kind":"mint","from":"` + w.alice.Address + `","to":"` + w.bob.Address + `","asset":"CNY","amount":"1.00"}`,
		"not json":          `{`,
	} {
		res, err := w.c.App.Query(context.Background(), &abci.QueryRequest{Path: query.PathComplianceCheck, Data: []byte(data)})
		require.NoError(t, err)
		require.Equal(t, "compliance", res.Codespace, name)
		require.Equal(t, compliance.ErrBadField.Code, res.Code, "%s: %s", name, res.Log)
	}
	res, err := w.c.App.Query(context.Background(), &abci.QueryRequest{Path: query.PathComplianceCheck,
		Data: []byte(`{"kind":"transfer","from":"` + w.alice.Address + `","to":"nobody","asset":"CNY","amount":"1.00"}`)})
	require.NoError(t, err)
	require.NotZero(t, res.Code, "a bad address is refused")
}

// registeredID names a result's coded error.
func registeredID(codespace string, code uint32) string {
	for _, e := range tx.RegisteredErrors() {
		if e.Codespace == codespace && e.Code == code {
			return e.ID()
		}
	}
	return ""
}
