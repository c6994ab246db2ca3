package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// complianceSetup drives compliance into every state: the regulator's rules, large-value
// reports (a cash deposit, a natural person's transfers over a day), held transfers whose
// alerts are dismissed or worked into cases (closed, reported with a follow-up, and one left
// confirmed for the scheduler to flag overdue), a freeze that lapses by itself, and an early
// warning (the MFI's declared net assets make a borrower a large exposure).
func (s *Scenario) complianceSetup(ctx context.Context) error {
	reg, merchant := s.Inst.Regulator, s.People["merchant"]
	rules := []*txpb.Msg{
		tx.Wrap(&txpb.MsgRegisterMonitoringRule{Name: "structuring", Expression: query.StructuringRule, Outcome: "alert",
			Code: "STR-01", Description: "three movements within 10% under a threshold in a week", Reason: "PBOC structuring pattern"}),
		tx.Wrap(&txpb.MsgRegisterMonitoringRule{Name: "p2p-review", Outcome: "hold", Code: "HLD-01",
			Expression: `kind == "transfer" && from_kind == "natural" && to_kind == "natural" && amount >= 2000000`,
			Reason:     "large person-to-person transfers are reviewed first"}),
	}
	if _, err := s.send(ctx, reg, rules...); err != nil {
		return err
	}
	// 600,000.00 in cash for the merchant, who pays 200,000 + 180,000 + 150,000 to the MFI.
	if _, err := s.send(ctx, s.Inst.Bank, tx.Wrap(&txpb.MsgMint{Asset: "CNY", To: merchant.Address(), Amount: 60_000_000})); err != nil {
		return err
	}
	for _, yuan := range []int64{200_000, 180_000, 150_000} {
		if _, err := s.send(ctx, merchant, tx.Wrap(&txpb.MsgTransfer{To: s.Inst.MFI.Address(), Asset: "CNY", Amount: yuan * 100})); err != nil {
			return err
		}
	}
	// Four held transfers: four alerts.
	for i := 0; i < 4; i++ {
		_, err := s.send(ctx, merchant, tx.Wrap(&txpb.MsgTransfer{To: s.People["amina"].Address(), Asset: "CNY", Amount: 2_500_000}))
		if err == nil || !strings.Contains(err.Error(), "held_for_review") {
			return fmt.Errorf("a 25,000.00 transfer between persons was not held: %v", err)
		}
	}
	if err := s.workAlerts(ctx, reg); err != nil {
		return err
	}
	if err := s.freezeThatLapses(ctx, reg); err != nil {
		return err
	}
	_, err := s.send(ctx, s.Inst.MFI, tx.Wrap(&txpb.MsgDeclareNetAssets{Asset: "CNY", Amount: 1_000_000}))
	return err
}

// workAlerts: alert 1 dismissed; 2 into a case closed as a false positive; 3 into a case
// reported and followed up; 4 into a case confirmed and left for the scheduler.
func (s *Scenario) workAlerts(ctx context.Context, reg *client.Signer) error {
	why := "demo review"
	msgs := []*txpb.Msg{
		tx.Wrap(&txpb.MsgTriageAlert{AlertId: 1, Decision: "dismiss", Reason: "known supplier payment"}),
		tx.Wrap(&txpb.MsgTriageAlert{AlertId: 2, Decision: "open_case", Reason: why}),
		tx.Wrap(&txpb.MsgCloseCase{CaseId: 1, Reason: "documented purchase"}),
		tx.Wrap(&txpb.MsgTriageAlert{AlertId: 3, Decision: "open_case", Reason: why}),
		tx.Wrap(&txpb.MsgConfirmCase{CaseId: 2, Reason: "repeated attempts after a cash deposit"}),
		tx.Wrap(&txpb.MsgFileSuspiciousReport{CaseId: 2, Summary: "repeated large transfers after cash deposits", Reason: "STR"}),
		tx.Wrap(&txpb.MsgFollowUpReport{ReportId: 1, Note: "account under enhanced monitoring", Reason: "follow-up"}),
		tx.Wrap(&txpb.MsgTriageAlert{AlertId: 4, Decision: "open_case", Reason: why}),
		tx.Wrap(&txpb.MsgConfirmCase{CaseId: 3, Reason: "pattern confirmed"}),
	}
	_, err := s.send(ctx, reg, msgs...)
	return err
}

// freezeThatLapses freezes 100.00 of an investor's for a few seconds of block time.
func (s *Scenario) freezeThatLapses(ctx context.Context, reg *client.Signer) error {
	st, err := s.C.Status(ctx)
	if err != nil {
		return err
	}
	_, err = s.send(ctx, reg, tx.Wrap(&txpb.MsgIssueFreezeOrder{Account: s.People["inv-cy"].Address(), Asset: "CNY",
		Amount: 10_000, Authority: "District Court", LegalBasis: "Civil Procedure Law art. 103", DocumentNumber: "(2026) demo No. 1",
		Expiry: st.BlockTime.Add(6 * time.Second).Unix(), Reason: "pre-judgment preservation"}))
	return err
}

// ComplianceCounts is what the regulator's counts view shows now.
func (s *Scenario) ComplianceCounts(ctx context.Context) (query.SupervisionCounts, error) {
	return client.Query(ctx, s.C, query.GetSupervisionCounts, "")
}
