package app

import (
	"errors"
	"github.com/puhui-chain/puhui/x/assets"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/credit"
	"github.com/puhui-chain/puhui/x/credit/scorecard"
	"github.com/puhui-chain/puhui/x/insurance"
	"github.com/puhui-chain/puhui/x/lending/schedule"
	"github.com/puhui-chain/puhui/x/offering"
	"github.com/puhui-chain/puhui/x/scf"
	"github.com/puhui-chain/puhui/x/trust"
)

// Computations that read no state. The node answers the schedule preview as a query (the
// API's preview goes through it); the CLI calls these offline, without a node. Either way no
// edge imports a module.

// PreviewSchedule answers query.PathSchedulePreview: the request is parsed strictly and
// computed by the loan schedule engine that schedules real loans. An invalid request is an
// answer (Invalid names the field), not an error; the error is a broken engine invariant.
func PreviewSchedule(request []byte) (query.SchedulePreview, error) {
	req, err := schedule.ParseRequest(request)
	var sch *schedule.Schedule
	if err == nil {
		sch, err = schedule.Compute(req)
	}
	var fe *schedule.FieldError
	switch {
	case errors.As(err, &fe):
		return query.SchedulePreview{Invalid: &query.ScheduleFieldError{Field: fe.Field, Reason: fe.Reason}}, nil
	case err != nil:
		return query.SchedulePreview{}, tx.ErrInternal.Wrapf("%v", err)
	}
	return query.SchedulePreview{Schedule: scheduleView(sch)}, nil
}

func scheduleView(s *schedule.Schedule) *query.Schedule {
	v := &query.Schedule{TotalPrincipal: s.TotalPrincipal, TotalInterest: s.TotalInterest, APRPercent: s.APRPercent,
		Installments: make([]query.ScheduleInstallment, len(s.Installments))}
	for i, in := range s.Installments {
		v.Installments[i] = query.ScheduleInstallment{N: in.N, DueDate: in.DueDate, Principal: in.Principal,
			Interest: in.Interest, Total: in.Total, Balance: in.Balance}
	}
	return v
}

// QuoteDiscount answers query.PathScfQuote: a receivable certificate's discount priced by the
// rule that prices real financings (scf.Discounted). A bad request is a coded error.
func QuoteDiscount(request []byte) (query.ScfQuote, error) { return scf.Quote(request) }

// DefaultScorecard is the built-in thin-file scorecard in its wire form: the model scored when
// a product or a request names none, until a version of it is registered on chain.
func DefaultScorecard() *txpb.Scorecard { return credit.ProtoOf(scorecard.Default()) }

// InsuranceQuote answers query.PathInsuranceQuote: a parametric payout computed by the rule
// on-chain settlement uses. An invalid request is an answer whose Invalid names the field.
func InsuranceQuote(request []byte) (query.QuotePreview, error) { return insurance.Quote(request) }

// DistributionQuote answers query.PathDistributionQuote: each holding's payout by the largest-
// remainder rule distributions pay by. A bad request is a coded error.
func DistributionQuote(request []byte) (query.DistributionQuote, error) { return assets.Quote(request) }

// TrustReport computes a trust's period report from its flows (trust.ReportRequest as JSON),
// reading no state: the rule the on-chain report query uses.
func TrustReport(request []byte) (query.TrustReport, error) { return trust.ReportOffline(request) }

// OfferingQuote answers query.PathOfferingQuote: a pledge priced by the rule pledges use
// (offering.QuotePledge) from terms in the request. A bad request is a coded error.
func OfferingQuote(request []byte) (query.OfferingQuote, error) {
	return offering.QuoteRequest(request)
}
