package credit

import (
	"encoding/hex"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx/statepb"
)

// ScorecardView is a scorecard record as the query answers it.
func ScorecardView(rec *statepb.ScorecardRecord) query.Scorecard {
	m := rec.GetModel()
	v := query.Scorecard{Name: m.GetName(), Version: m.GetVersion(), Description: m.GetDescription(),
		BaseScore: m.GetBaseScore(), BaseOdds: m.GetBaseOdds(), PDO: m.GetPdo(), BasePoints: m.GetBasePoints(),
		RegisteredBy: rec.RegisteredBy, RegisteredAt: rec.RegisteredAt,
		Characteristics: make([]query.ScorecardCharacteristic, len(m.GetCharacteristics())),
		Bands:           make([]query.ScorecardBand, len(m.GetBands()))}
	for i, c := range m.GetCharacteristics() {
		ch := query.ScorecardCharacteristic{Fact: c.Fact, ReasonCode: c.ReasonCode, ReasonText: c.ReasonText,
			Bins: make([]query.ScorecardBin, len(c.Bins))}
		for j, b := range c.Bins {
			ch.Bins[j] = query.ScorecardBin{Min: b.Min, Max: b.Max, Points: b.Points}
		}
		v.Characteristics[i] = ch
	}
	for i, b := range m.GetBands() {
		v.Bands[i] = query.ScorecardBand{Name: b.Name, MinScore: b.MinScore}
	}
	return v
}

// ConsentView is a consent with its standing at block time now.
func ConsentView(c *statepb.Consent, now int64) query.Consent {
	status := "live"
	switch {
	case c.RevokedAt != 0:
		status = "revoked"
	case !Live(c, now):
		status = "expired"
	}
	return query.Consent{Borrower: c.Borrower, Lender: c.Lender, Purpose: c.Purpose, GrantedAt: c.GrantedAt,
		ExpiresAt: c.ExpiresAt, RevokedAt: c.RevokedAt, Status: status}
}

// AccessView is one access-log entry: that a report was given, not what it said.
func AccessView(a *statepb.ReportAccess) query.ReportAccess {
	return query.ReportAccess{ID: a.Id, Borrower: a.Borrower, Lender: a.Lender, Purpose: a.Purpose, At: a.At,
		Height: a.Height, Asset: a.Asset, Model: a.Model, ModelVersion: a.ModelVersion, ReportSHA256: hex.EncodeToString(a.ReportSha256)}
}

// ReportView is a credit report as views and transaction results show it.
func ReportView(r *statepb.CreditReport) query.CreditReport {
	h := r.GetHistory()
	v := query.CreditReport{Borrower: r.GetBorrower(), AsOf: r.GetAsOf(), KYCLevel: r.GetKycLevel(),
		History: query.CreditHistory{LoansTaken: h.GetLoansTaken(), LoansCompleted: h.GetLoansCompleted(),
			LoansDefaulted: h.GetLoansDefaulted(), LoansWrittenOff: h.GetLoansWrittenOff(), LoansActive: h.GetLoansActive(),
			InstallmentsOnTime: h.GetInstallmentsOnTime(), InstallmentsLate: h.GetInstallmentsLate(), MaxDPD: h.GetMaxDpd(),
			MaxDPD12M: h.GetMaxDpd_12M(), Prepayments: h.GetPrepayments()},
		Groups: query.GroupSignals{Groups: r.GetGroups().GetGroups(), GroupPARBPS: r.GetGroups().GetGroupParBps(),
			GuaranteesGiven: r.GetGroups().GetGuaranteesGiven()},
		Exposure: make([]query.AssetExposure, len(r.GetExposure())),
		CashFlow: make([]query.CashFlow, len(r.GetCashFlow()))}
	for i, e := range r.GetExposure() {
		v.Exposure[i] = query.AssetExposure{Asset: e.Asset, Outstanding: e.Outstanding, MonthlyDebtService: e.MonthlyDebtService, Lenders: e.Lenders}
	}
	for i, c := range r.GetCashFlow() {
		v.CashFlow[i] = query.CashFlow{Asset: c.Asset, InflowMonths12: c.InflowMonths_12, AvgBalance3M: c.AvgBalance_3M,
			AvgMonthlyInflow3M: c.AvgMonthlyInflow_3M, DebtServiceRatioBPS: c.DebtServiceRatioBps}
	}
	f := r.GetScf()
	v.SCF = query.SCFSignals{Asset: f.GetAsset(), ReceivablesHeld: f.GetReceivablesHeld(), ReceivedOnTime: f.GetReceivedOnTime(),
		ReceivedLate: f.GetReceivedLate(), ReceivedMaxDPD: f.GetReceivedMaxDpd(), IssuedOnTime: f.GetIssuedOnTime(),
		IssuedLate: f.GetIssuedLate(), IssuedDefaulted: f.GetIssuedDefaulted(), IssuedPaidOnTime: f.GetIssuedPaidOnTime(),
		IssuedPaidLate: f.GetIssuedPaidLate(), IssuedOverdue: f.GetIssuedOverdue(), IssuerMaxDPD: f.GetIssuerMaxDpd()}
	s := r.GetScore()
	v.Score = query.Score{Score: s.GetScore(), Band: s.GetBand(), PD: s.GetPd(), Model: s.GetModel(),
		ModelVersion: s.GetModelVersion(), InputsHash: hex.EncodeToString(s.GetInputsHash()),
		Reasons: make([]query.ScoreReason, len(s.GetReasons()))}
	for i, rs := range s.GetReasons() {
		v.Score.Reasons[i] = query.ScoreReason{Code: rs.Code, Text: rs.Text, PointsLost: rs.PointsLost}
	}
	return v
}

// viewsOf maps a list of records to their views.
func viewsOf[R any, V any](items []R, view func(R) V) []V {
	out := make([]V, len(items))
	for i, it := range items {
		out[i] = view(it)
	}
	return out
}
