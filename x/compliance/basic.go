package compliance

import (
	"encoding/hex"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// Compliance's stateless checks (module.Route.Basic), refused before the mempool. Every
// action of the regulator carries a reason; that the alert, case, report or order exists and
// is in the right state, and that the account is registered, need state: the handlers judge them.

func basicRegisterMonitoringRule(m *txpb.Msg) error {
	return checkRule(m.GetRegisterMonitoringRule())
}

// basicRetireMonitoringRule: no rule is registered without a name.
func basicRetireMonitoringRule(m *txpb.Msg) error {
	x := m.GetRetireMonitoringRule()
	if err := checkReason(x.GetReason()); err != nil {
		return err
	}
	if x.GetName() == "" {
		return ErrUnknownRule.Wrapf("name is required")
	}
	return nil
}

// basicTriageAlert: case_id is optional (0 opens a new case).
func basicTriageAlert(m *txpb.Msg) error {
	x := m.GetTriageAlert()
	if err := tx.FirstError(checkReason(x.GetReason()), tx.RequireID("alert_id", x.GetAlertId())); err != nil {
		return err
	}
	if d := x.GetDecision(); d != "dismiss" && d != "open_case" {
		return ErrBadField.Wrapf("decision must be dismiss or open_case")
	}
	return nil
}

func basicConfirmCase(m *txpb.Msg) error {
	x := m.GetConfirmCase()
	return tx.FirstError(checkReason(x.GetReason()), tx.RequireID("case_id", x.GetCaseId()))
}

func basicCloseCase(m *txpb.Msg) error {
	x := m.GetCloseCase()
	return tx.FirstError(checkReason(x.GetReason()), tx.RequireID("case_id", x.GetCaseId()))
}

func basicFileSuspiciousReport(m *txpb.Msg) error {
	x := m.GetFileSuspiciousReport()
	if err := checkReason(x.GetReason()); err != nil {
		return err
	}
	if x.GetSummary() == "" || len(x.GetSummary()) > maxReasonBytes {
		return ErrBadField.Wrapf("summary must be 1..%d bytes", maxReasonBytes)
	}
	if n := len(x.GetDocumentHash()); n != 0 && n != 32 {
		return ErrBadField.Wrapf("document_hash must be a SHA-256 (32 bytes)")
	}
	return tx.RequireID("case_id", x.GetCaseId())
}

func basicFollowUpReport(m *txpb.Msg) error {
	x := m.GetFollowUpReport()
	if err := checkReason(x.GetReason()); err != nil {
		return err
	}
	if x.GetNote() == "" || len(x.GetNote()) > maxReasonBytes {
		return ErrBadField.Wrapf("note must be 1..%d bytes", maxReasonBytes)
	}
	return tx.RequireID("report_id", x.GetReportId())
}

// basicIssueFreezeOrder: a start of 0 starts now; that a start lies ahead is judged at
// execution, but a start or expiry before the epoch, or an expiry not after the start, never fits.
func basicIssueFreezeOrder(m *txpb.Msg) error {
	x := m.GetIssueFreezeOrder()
	if err := tx.FirstError(checkReason(x.GetReason()), tx.ValidateAddress("account", x.GetAccount())); err != nil {
		return err
	}
	for _, f := range [][2]string{{"authority", x.GetAuthority()}, {"legal_basis", x.GetLegalBasis()}, {"document_number", x.GetDocumentNumber()}} {
		if f[1] == "" || len(f[1]) > tx.MaxStringField {
			return ErrBadOrder.Wrapf("%s must be 1..%d bytes", f[0], tx.MaxStringField)
		}
	}
	if x.GetWholeAccount() {
		if x.GetAsset() != "" || x.GetAmount() != 0 {
			return ErrBadOrder.Wrapf("a whole-account order names no asset or amount")
		}
	} else if err := tx.FirstError(money.CheckPositive("amount", x.GetAmount()), money.ValidateAssetCode("asset", x.GetAsset())); err != nil {
		return err
	}
	switch {
	case x.GetStart() < 0:
		return ErrBadOrder.Wrapf("start %d is before now; 0 starts now", x.GetStart())
	case x.GetExpiry() <= 0 || x.GetExpiry() <= x.GetStart():
		return ErrBadOrder.Wrapf("expiry must be after the start")
	}
	return nil
}

func basicLiftFreezeOrder(m *txpb.Msg) error {
	x := m.GetLiftFreezeOrder()
	return tx.FirstError(checkReason(x.GetReason()), tx.RequireID("order_id", x.GetOrderId()))
}

func basicExecuteDebitOrder(m *txpb.Msg) error {
	x := m.GetExecuteDebitOrder()
	if err := checkReason(x.GetReason()); err != nil {
		return err
	}
	if x.GetDocumentNumber() == "" || len(x.GetDocumentNumber()) > tx.MaxStringField {
		return ErrBadOrder.Wrapf("document_number must be 1..%d bytes", tx.MaxStringField)
	}
	return tx.FirstError(tx.RequireID("order_id", x.GetOrderId()), money.CheckPositive("amount", x.GetAmount()),
		money.ValidateAssetCode("asset", x.GetAsset()), tx.ValidateAddress("to", x.GetTo()))
}

func basicUpdateSanctionsList(m *txpb.Msg) error {
	x := m.GetUpdateSanctionsList()
	if err := checkReason(x.GetReason()); err != nil {
		return err
	}
	if len(x.GetSalt()) > 64 || len(x.GetAdd())+len(x.GetRemove()) > maxSanctionsPerMsg {
		return ErrBadSanctions.Wrapf("salt at most 64 bytes, at most %d entries per update", maxSanctionsPerMsg)
	}
	for _, list := range [][]string{x.GetAdd(), x.GetRemove()} {
		for _, h := range list {
			if b, err := hex.DecodeString(h); err != nil || len(b) != 32 || hex.EncodeToString(b) != h {
				return ErrBadSanctions.Wrapf("entry %q: a SHA-256 in lower-case hex", h)
			}
		}
	}
	return nil
}

func basicSetJurisdiction(m *txpb.Msg) error {
	x := m.GetSetJurisdiction()
	if err := tx.FirstError(checkReason(x.GetReason()), tx.ValidateAddress("account", x.GetAccount())); err != nil {
		return err
	}
	if j := x.GetJurisdiction(); len(j) != 2 || j[0] < 'A' || j[0] > 'Z' || j[1] < 'A' || j[1] > 'Z' {
		return ErrBadField.Wrapf("jurisdiction %q: ISO 3166 alpha-2, upper case", j)
	}
	return nil
}

func basicDeclareNetAssets(m *txpb.Msg) error {
	x := m.GetDeclareNetAssets()
	return tx.FirstError(money.CheckPositive("amount", x.GetAmount()), money.ValidateAssetCode("asset", x.GetAsset()))
}

func basicSetComplianceParams(m *txpb.Msg) error {
	x := m.GetSetComplianceParams()
	return tx.FirstError(ValidateParams(x.GetParams()), checkReason(x.GetReason()))
}

func basicDeclareRelatedParties(m *txpb.Msg) error {
	return checkRelated(m.GetDeclareRelatedParties())
}
