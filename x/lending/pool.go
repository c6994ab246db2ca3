package lending

import (
	"sort"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	xsched "github.com/puhui-chain/puhui/x/scheduler"
)

// Funding modes of a product.
const (
	FundingLender = "lender"
	FundingPooled = "pooled"

	fundingKind      = "loan-funding" // a pooled loan's funding window closes
	maxFundingDays   = 365
	maxInvestments   = 200
	fundingHoldSlack = 1 // days a commitment's hold outlives the window (a backstop only)
)

func isPooled(t *txpb.LoanProduct) bool { return t.Funding == FundingPooled }

// approved moves an approved application on: a pooled loan opens for funding until the
// end of the product's window; any other waits for the lender to disburse.
func approved(ctx *core.Context, l *statepb.Loan, t *txpb.LoanProduct) {
	l.Status = statepb.LoanStatus_LOAN_STATUS_APPROVED
	if !isPooled(t) {
		return
	}
	clock := core.ClockOf(ctx.KV)
	l.Status = statepb.LoanStatus_LOAN_STATUS_FUNDING
	l.FundingEndsAt = clock.BlockTimeOf(clock.StartOfDay(clock.Day(ctx.Now()) + int64(t.FundingWindowDays)))
	xsched.Add(ctx.KV, l.FundingEndsAt, fundingKind, idText(l.Id))
	ctx.Emit("lending.funding_opened", "loan_id", idText(l.Id), "asset", l.Asset, "principal", core.Itoa(l.Principal),
		"funding_ends_at", core.Itoa(l.FundingEndsAt))
}

// Fund commits part of the signer's balance to a pooled loan. The commitment is held for
// the loan's lender (the platform); when the loan is fully funded it disburses at once.
func Fund(ctx *core.Context, m *txpb.MsgFundLoan) error {
	l, ok := GetLoan(ctx.KV, m.LoanId)
	if !ok {
		return ErrUnknownLoan.Wrapf("loan %d", m.LoanId)
	}
	if err := wantStatus(l, statepb.LoanStatus_LOAN_STATUS_FUNDING); err != nil {
		return err
	}
	if err := money.CheckPositive("amount", m.Amount); err != nil {
		return err
	}
	if ctx.Signer == l.Borrower {
		return ErrSelfLoan.Wrapf("a borrower cannot fund its own loan")
	}
	if rest := l.Principal - l.Funded; m.Amount > rest {
		return ErrOverFunded.Wrapf("loan %d needs %d more, commitment %d", l.Id, rest, m.Amount)
	}
	if len(l.Investments) >= maxInvestments {
		return ErrOverFunded.Wrapf("loan %d has the maximum %d commitments", l.Id, maxInvestments)
	}
	clock := core.ClockOf(ctx.KV)
	expires := clock.BlockTimeOf(clock.StartOfDay(clock.Day(l.FundingEndsAt) + fundingHoldSlack))
	hold, err := bank.PlaceHold(ctx, ctx.Signer, l.Lender, l.Asset, m.Amount, expires, "loan-funding:"+idText(l.Id))
	if err != nil {
		return err
	}
	l.Investments = append(l.Investments, &statepb.Investment{Investor: ctx.Signer, Amount: m.Amount, HoldId: hold})
	l.Funded += m.Amount // at most principal: checked above
	ctx.Emit("lending.funded", "loan_id", idText(l.Id), "investor", ctx.Signer, "asset", l.Asset, "amount", core.Itoa(m.Amount),
		"funded", core.Itoa(l.Funded), "principal", core.Itoa(l.Principal))
	if l.Funded == l.Principal {
		if err := disbursePooled(ctx, l); err != nil {
			return err
		}
	}
	saveLoan(ctx.KV, l)
	return nil
}

// disbursePooled captures every commitment to the lender, which pays the loan out.
func disbursePooled(ctx *core.Context, l *statepb.Loan) error {
	for _, inv := range l.Investments {
		if err := bank.CaptureHoldFor(ctx, inv.HoldId, inv.Amount); err != nil {
			return err
		}
		inv.HoldId = 0
	}
	xsched.Remove(ctx.KV, l.FundingEndsAt, fundingKind, idText(l.Id))
	p, _ := GetProduct(ctx.KV, l.ProductId)
	return disburse(ctx, l, p)
}

// runFundingExpiry closes a pooled loan that was not fully funded in its window: every
// commitment goes back to its investor.
func runFundingExpiry(ctx *core.Context, text string) error {
	l, ok := GetLoan(ctx.KV, parseLoanID(text))
	if !ok || l.Status != statepb.LoanStatus_LOAN_STATUS_FUNDING {
		return nil
	}
	for _, inv := range l.Investments {
		if _, open := bank.GetHold(ctx.KV, inv.HoldId); open {
			if err := bank.ReleaseHoldFor(ctx, inv.HoldId); err != nil {
				return err
			}
		}
		inv.HoldId = 0
	}
	l.Status = statepb.LoanStatus_LOAN_STATUS_EXPIRED
	saveLoan(ctx.KV, l)
	ctx.Emit("lending.funding_expired", "loan_id", idText(l.Id), "asset", l.Asset, "funded", core.Itoa(l.Funded), "principal", core.Itoa(l.Principal))
	return nil
}

// payOut moves a payment from payer to whoever the loan pays: its fees to the lender, and
// the rest to the lender or, for a pooled loan, to the investors pro rata (splitProRata).
func payOut(ctx *core.Context, l *statepb.Loan, payer string, p Paid) error {
	if len(l.Investments) == 0 {
		return move(ctx, payer, l.Lender, l.Asset, p.Total())
	}
	if err := move(ctx, payer, l.Lender, l.Asset, p.Fee); err != nil {
		return err
	}
	weights := make([]int64, len(l.Investments))
	for i, inv := range l.Investments {
		weights[i] = inv.Amount
	}
	shares, err := splitProRata(p.Total()-p.Fee, weights)
	if err != nil {
		return err
	}
	for i, share := range shares {
		if err := move(ctx, payer, l.Investments[i].Investor, l.Asset, share); err != nil {
			return err
		}
	}
	received := make([]int64, len(shares))
	for i, share := range shares {
		if received[i], err = money.Add(l.Investments[i].Received, share); err != nil {
			return err
		}
	}
	for i, v := range received { // only once every move and sum succeeded
		l.Investments[i].Received = v
	}
	return nil
}

// move is ledger.Move that treats nothing to move, or a payer paying itself, as done.
func move(ctx *core.Context, from, to, asset string, amount int64) error {
	if amount == 0 || from == to {
		return nil
	}
	return bank.Move(ctx, from, to, asset, amount)
}

// splitProRata splits total in proportion to weights, exactly: each share is floored, and
// the cents left over go one each to the largest remainders, ties to the earliest weight
// (the largest-remainder rule). Σ shares = total. Weights are non-negative amounts; their
// sum is checked.
func splitProRata(total int64, weights []int64) ([]int64, error) {
	sum, err := money.Sum(weights...)
	if err != nil {
		return nil, err
	}
	shares := make([]int64, len(weights))
	if sum == 0 || total == 0 {
		return shares, nil
	}
	rems := make([]int64, len(weights))
	left := total
	for i, w := range weights {
		if shares[i], err = money.MulDiv(total, w, sum, money.RoundingDown); err != nil {
			return nil, err
		}
		if rems[i], err = money.MulMod(total, w, sum); err != nil {
			return nil, err
		}
		left -= shares[i] // Σ floors ≤ total: never below zero
	}
	order := make([]int, len(weights))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return rems[order[a]] > rems[order[b]] })
	for _, i := range order[:left] {
		shares[i]++
	}
	return shares, nil
}
