package lending

import (
	"strconv"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// checkBorrower applies the product's borrower rules: KYC level and the exposure cap.
func checkBorrower(r store.Reader, p *statepb.Product, borrower string, principal, now int64) error {
	t := p.Terms
	if lvl := registry.EffectiveKYCLevel(r, borrower, now); lvl < t.MinKycLevel {
		return ErrKYCLevel.Wrapf("borrower KYC level %d, product %d needs %d", lvl, p.Id, t.MinKycLevel)
	}
	if t.MaxExposure > 0 {
		exp, err := exposureOf(LoansOf(r, borrower), t.Asset)
		if err != nil {
			return err
		}
		if total, err := money.Add(exp, principal); err != nil || total > t.MaxExposure {
			return ErrExposure.Wrapf("outstanding %d + %d exceeds the product's cap %d", exp, principal, t.MaxExposure)
		}
	}
	return nil
}

// Assessment is what the credit module knows of an applicant: every fact of
// scorecard.Facts() in the product's asset, and the product scorecard's answer.
type Assessment struct {
	Facts        map[string]int64
	Score        int64
	Model        string
	ModelVersion uint32
	Reasons      []string // reason codes, most points lost first
}

// Apply records a borrower's application with its credit assessment (the score, model
// version and reasons are kept on the loan) and, when the product has an approval rule,
// decides it at once.
func Apply(ctx *core.Context, m *txpb.MsgApplyLoan) error {
	p, ok := GetProduct(ctx.KV, m.ProductId)
	if !ok {
		return ErrUnknownProduct.Wrapf("product %d", m.ProductId)
	}
	t := p.Terms
	if p.Lender == ctx.Signer {
		return ErrSelfLoan.Wrapf("a lender cannot borrow from its own product")
	}
	if m.Principal < t.MinPrincipal || m.Principal > t.MaxPrincipal {
		return ErrOutOfBounds.Wrapf("principal %d outside %d..%d", m.Principal, t.MinPrincipal, t.MaxPrincipal)
	}
	if m.Periods < t.MinPeriods || m.Periods > t.MaxPeriods {
		return ErrOutOfBounds.Wrapf("periods %d outside %d..%d", m.Periods, t.MinPeriods, t.MaxPeriods)
	}
	if len(m.Purpose) > tx.MaxStringField {
		return tx.ErrInvalidField.Wrapf("purpose over %d bytes", tx.MaxStringField)
	}
	if err := checkBorrower(ctx.KV, p, ctx.Signer, m.Principal, ctx.Now()); err != nil {
		return err
	}
	if err := checkGroup(ctx.KV, p, ctx.Signer, m.GroupId); err != nil {
		return err
	}
	a, err := bureau.Assess(ctx.KV, ctx.Signer, t.Asset, t.Scorecard, ctx.Now())
	if err != nil {
		return err
	}
	if err := checkDebtService(ctx, t, m, a); err != nil {
		return err
	}
	id := uint64(core.GetInt64(ctx.KV, loanSeqKey)) + 1
	core.SetInt64(ctx.KV, loanSeqKey, int64(id))
	l := &statepb.Loan{Id: id, ProductId: p.Id, Borrower: ctx.Signer, Lender: p.Lender, Asset: t.Asset,
		Principal: m.Principal, Periods: m.Periods, Status: statepb.LoanStatus_LOAN_STATUS_APPLIED,
		Purpose: m.Purpose, AppliedAt: ctx.Now(), GroupId: m.GroupId,
		DecisionScore: a.Score, DecisionModel: a.Model, DecisionModelVersion: a.ModelVersion, DecisionReasons: a.Reasons}
	f := Facts{Amount: m.Principal, Periods: int64(m.Periods), CreditScore: a.Score, Assessed: a.Facts}
	l.DecisionInputsHash = f.Hash()
	ctx.KV.Set(byBorrowerKey(l.Borrower, id), []byte{1})
	ctx.KV.Set(byLenderKey(l.Lender, id), []byte{1})
	ctx.Emit("lending.applied", "loan_id", idText(id), "product_id", idText(p.Id), "borrower", l.Borrower,
		"lender", l.Lender, "asset", l.Asset, "principal", core.Itoa(l.Principal), "periods", core.Itoa(int64(l.Periods)),
		"score", core.Itoa(a.Score), "model", a.Model, "model_version", core.Itoa(int64(a.ModelVersion)))
	if t.ApprovalRule != "" {
		decideByRule(ctx, l, t, f)
	}
	saveLoan(ctx.KV, l)
	return nil
}

// decideByRule runs the product's rule over the application's facts (their hash is
// already on the loan); a rule that cannot decide leaves it to the lender.
func decideByRule(ctx *core.Context, l *statepb.Loan, t *txpb.LoanProduct, f Facts) {
	approve, decided, why := evalRule(t.ApprovalRule, f)
	if !decided {
		l.Decision = "pending: " + why
		return
	}
	l.DecidedAt = ctx.Now()
	if approve {
		l.Decision = "auto: approved by the product rule"
	} else {
		l.Status, l.Decision = statepb.LoanStatus_LOAN_STATUS_REJECTED, "auto: rejected by the product rule"
	}
	emitDecision(ctx, l, "rule", approve)
	if approve {
		approved(ctx, l, t)
	}
}

func emitDecision(ctx *core.Context, l *statepb.Loan, by string, approve bool) {
	ctx.Emit("lending.decided", "loan_id", idText(l.Id), "borrower", l.Borrower, "lender", l.Lender,
		"approved", strconv.FormatBool(approve), "by", by, "decision", l.Decision)
}

// lenderLoan loads a loan the signer lends.
func lenderLoan(ctx *core.Context, id uint64) (*statepb.Loan, error) {
	l, ok := GetLoan(ctx.KV, id)
	if !ok {
		return nil, ErrUnknownLoan.Wrapf("loan %d", id)
	}
	if l.Lender != ctx.Signer {
		return nil, ErrNotLender.Wrapf("loan %d is lent by %s", id, l.Lender)
	}
	return l, nil
}

func wantStatus(l *statepb.Loan, want ...statepb.LoanStatus) error {
	for _, s := range want {
		if l.Status == s {
			return nil
		}
	}
	return ErrWrongStatus.Wrapf("loan %d is %s", l.Id, StatusName(l.Status))
}

// Decide is the lender's approval or rejection of an application.
func Decide(ctx *core.Context, m *txpb.MsgDecideLoan) error {
	l, err := lenderLoan(ctx, m.LoanId)
	if err != nil {
		return err
	}
	if err := wantStatus(l, statepb.LoanStatus_LOAN_STATUS_APPLIED); err != nil {
		return err
	}
	if len(m.Reason) > tx.MaxStringField {
		return tx.ErrInvalidField.Wrapf("reason over %d bytes", tx.MaxStringField)
	}
	l.DecidedAt = ctx.Now()
	l.Status, l.Decision = statepb.LoanStatus_LOAN_STATUS_REJECTED, "manual: rejected"
	if m.Approve {
		l.Decision = "manual: approved"
	}
	if m.Reason != "" {
		l.Decision += ": " + m.Reason
	}
	emitDecision(ctx, l, "lender", m.Approve)
	if m.Approve {
		p, _ := GetProduct(ctx.KV, l.ProductId)
		approved(ctx, l, p.Terms)
	}
	saveLoan(ctx.KV, l)
	return nil
}
