package credit

import (
	"math"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/credit/scorecard"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/ledger"
	"github.com/puhui-chain/puhui/x/lending"
)

const maxBps = 10_000

// Profile is everything the ledger says about a borrower in one asset at one moment: the
// report's parts and the facts a scorecard reads, derived from the same reads.
type Profile struct {
	Borrower string
	Asset    string
	AsOf     int64
	KYCLevel uint32
	History  *statepb.BorrowerHistory
	Exposure *statepb.AssetExposure
	CashFlow *statepb.CashFlow
	Groups   *statepb.GroupSignals
	Scf      *statepb.ScfRecord
}

// ProfileOf derives a borrower's profile in asset at block time now.
func ProfileOf(r store.Reader, borrower, asset string, now int64) *Profile {
	today := core.BusinessDayOf(r, now)
	loans := lending.LoansOf(r, borrower)
	p := &Profile{Borrower: borrower, Asset: asset, AsOf: now,
		KYCLevel: identity.EffectiveKYCLevel(r, borrower, now),
		History:  lending.HistoryOf(loans, today.Month)}
	debtService := lending.DebtService(r, loans, asset)
	p.Exposure = &statepb.AssetExposure{Asset: asset, Outstanding: lending.ExposureOf(loans, asset),
		MonthlyDebtService: debtService, Lenders: lending.Lenders(loans)}
	flow := ledger.FlowOf(r, borrower, asset, today)
	p.CashFlow = &statepb.CashFlow{Asset: asset, InflowMonths_12: flow.InflowMonths12,
		AvgBalance_3M: flow.AvgBalance3M, AvgMonthlyInflow_3M: flow.AvgMonthlyInflow3M,
		DebtServiceRatioBps: ratioBps(debtService, flow.AvgMonthlyInflow3M)}
	groups, par, guarantees := lending.GroupSignals(r, loans, now)
	p.Groups = &statepb.GroupSignals{Groups: uint32(groups), GroupParBps: par, GuaranteesGiven: guarantees}
	p.Scf = ScfRecordOf(r, borrower, asset)
	return p
}

// ratioBps is part/whole in basis points rounded down, −1 when whole is not positive.
func ratioBps(part, whole int64) int64 {
	if whole <= 0 {
		return -1
	}
	v, err := money.MulDiv(part, maxBps, whole, money.RoundingDown)
	if err != nil {
		return math.MaxInt64 // a ratio beyond int64 basis points: as large as it gets
	}
	return v
}

// Facts are the profile as scorecard facts (every name of scorecard.Facts()).
func (p *Profile) Facts() map[string]int64 {
	h := p.History
	onTime := ratioBps(int64(h.InstallmentsOnTime), int64(h.InstallmentsOnTime)+int64(h.InstallmentsLate))
	return map[string]int64{
		scorecard.FactKYCLevel:           int64(p.KYCLevel),
		scorecard.FactLoansTaken:         int64(h.LoansTaken),
		scorecard.FactLoansCompleted:     int64(h.LoansCompleted),
		scorecard.FactLoansActive:        int64(h.LoansActive),
		scorecard.FactLoansDefaulted:     int64(h.LoansDefaulted),
		scorecard.FactLoansWrittenOff:    int64(h.LoansWrittenOff),
		scorecard.FactInstallmentsOnTime: int64(h.InstallmentsOnTime),
		scorecard.FactInstallmentsLate:   int64(h.InstallmentsLate),
		scorecard.FactOnTimeRatioBps:     onTime,
		scorecard.FactMaxDPD:             int64(h.MaxDpd),
		scorecard.FactMaxDPD12M:          int64(h.MaxDpd_12M),
		scorecard.FactPrepayments:        int64(h.Prepayments),
		scorecard.FactExposure:           p.Exposure.Outstanding,
		scorecard.FactDebtService:        p.Exposure.MonthlyDebtService,
		scorecard.FactLenders:            p.Exposure.Lenders,
		scorecard.FactInflowMonths12:     int64(p.CashFlow.InflowMonths_12),
		scorecard.FactAvgBalance3M:       p.CashFlow.AvgBalance_3M,
		scorecard.FactAvgMonthlyInflow3M: p.CashFlow.AvgMonthlyInflow_3M,
		scorecard.FactDebtServiceRatio:   p.CashFlow.DebtServiceRatioBps,
		scorecard.FactGroups:             int64(p.Groups.Groups),
		scorecard.FactGroupPARBps:        p.Groups.GroupParBps,
		scorecard.FactGuaranteesGiven:    p.Groups.GuaranteesGiven,
		scorecard.FactScfReceivablesHeld: p.Scf.ReceivablesHeld,
		scorecard.FactScfReceivedOnTime:  int64(p.Scf.ReceivedOnTime),
		scorecard.FactScfReceivedLate:    int64(p.Scf.ReceivedLate),
		scorecard.FactScfIssuedOnTime:    int64(p.Scf.IssuedOnTime),
		scorecard.FactScfIssuedLate:      int64(p.Scf.IssuedLate),
		scorecard.FactScfIssuedDefaulted: int64(p.Scf.IssuedDefaulted),
		scorecard.FactScfIssuedOverdue:   p.Scf.IssuedOverdue,
		scorecard.FactScfIssuerMaxDPD:    p.Scf.IssuerMaxDpd,
	}
}

// Score scores the profile with a model.
func (p *Profile) Score(m *scorecard.Model) (*statepb.Score, error) {
	res, err := m.Score(p.Facts())
	if err != nil {
		return nil, err
	}
	s := &statepb.Score{Score: res.Score, Band: res.Band, Pd: res.PD, Model: res.Model,
		ModelVersion: res.ModelVersion, InputsHash: res.InputsHash}
	for _, reason := range res.Reasons {
		s.Reasons = append(s.Reasons, &statepb.ScoreReason{Code: reason.Code, Text: reason.Text, PointsLost: reason.PointsLost})
	}
	return s, nil
}

// Assess is the lending module's Assessor: the applicant's facts in the product's asset
// and the product scorecard's answer.
func Assess(r store.Reader, borrower, asset, model string, now int64) (*lending.Assessment, error) {
	p, s, err := scoredProfile(r, borrower, asset, model, now)
	if err != nil {
		return nil, err
	}
	a := &lending.Assessment{Facts: p.Facts(), Score: s.Score, Model: s.Model, ModelVersion: s.ModelVersion}
	for _, reason := range s.Reasons {
		a.Reasons = append(a.Reasons, reason.Code)
	}
	return a, nil
}

// scoredProfile is a borrower's profile and its score by the named model ("" for the
// default): what both an application's assessment and a report are made of.
func scoredProfile(r store.Reader, borrower, asset, model string, now int64) (*Profile, *statepb.Score, error) {
	m, err := ActiveModel(r, model)
	if err != nil {
		return nil, nil, err
	}
	p := ProfileOf(r, borrower, asset, now)
	s, err := p.Score(m)
	if err != nil {
		return nil, nil, ErrBadScorecard.Wrapf("%s version %d cannot score: %v", m.Name, m.Version, err)
	}
	return p, s, nil
}
