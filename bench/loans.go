package bench

import (
	"context"
	"fmt"
	"sync"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// Workloads: what the pre-signed transactions do.
const (
	// WorkloadTransfer: 1 minor unit to the next account.
	WorkloadTransfer = "transfer"
	// WorkloadRepay: 1 minor unit paid on the account's own loan, ahead of its schedule, so
	// every repayment also re-amortises the rest of the loan (a 52-week reduce-term loan):
	// the dearest kind of repayment.
	WorkloadRepay = "repay"
)

// benchProductName names the loan product the repay workload registers once per funder.
const benchProductName = "bench-weekly"

// loanPrincipal of each account's loan: large enough that a run's repayments never close it.
const loanPrincipal = 10_000_000

// setupLoans makes sure every account has an active loan from the funder (a bank member)
// and returns the loans' ids, in account order. Accounts that already have one (an earlier
// run against the same node) keep it.
func setupLoans(ctx context.Context, c *client.Client, funder *client.Signer, accts []*account, asset string) ([]uint64, error) {
	product, err := benchProduct(ctx, c, funder, asset)
	if err != nil {
		return nil, err
	}
	ids, err := loansOf(ctx, c, accts, product)
	if err != nil {
		return nil, err
	}
	if err := applyMissing(ctx, c, accts, ids, product); err != nil {
		return nil, err
	}
	if ids, err = loansOf(ctx, c, accts, product); err != nil {
		return nil, err
	}
	lend := &txpb.Msg{Sum: &txpb.Msg_Mint{Mint: &txpb.MsgMint{Asset: asset, To: funder.Address(), Amount: int64(len(accts)) * loanPrincipal}}}
	if err := send(ctx, c, funder, lend); err != nil {
		return nil, fmt.Errorf("mint what the funder lends: %w", err)
	}
	if err := disburseApproved(ctx, c, funder, ids); err != nil {
		return nil, err
	}
	for i, l := range ids {
		if l.id == 0 {
			return nil, fmt.Errorf("account %s has no loan after setup", accts[i].signer.Address())
		}
	}
	out := make([]uint64, len(ids))
	for i, l := range ids {
		out[i] = l.id
	}
	return out, nil
}

// benchProduct finds the funder's benchmark product, or registers it: weekly instalments,
// reduce-term prepayment, manual approval (the funder approves in batches).
func benchProduct(ctx context.Context, c *client.Client, funder *client.Signer, asset string) (uint64, error) {
	find := func() (uint64, error) {
		products, err := c.Products(ctx)
		if err != nil {
			return 0, err
		}
		for _, p := range products {
			if p.Lender == funder.Address() && p.Terms["name"] == benchProductName && p.Terms["asset"] == asset {
				return p.ID, nil
			}
		}
		return 0, nil
	}
	if id, err := find(); err != nil || id != 0 {
		return id, err
	}
	terms := &txpb.LoanProduct{Name: benchProductName, Asset: asset, MinPrincipal: 1000, MaxPrincipal: loanPrincipal,
		MinPeriods: 4, MaxPeriods: 104, Frequency: "weeks", AnnualRatePercent: "26", PenaltyBpsPerDay: 10}
	if err := send(ctx, c, funder, &txpb.Msg{Sum: &txpb.Msg_RegisterProduct{RegisterProduct: &txpb.MsgRegisterProduct{Product: terms}}}); err != nil {
		return 0, fmt.Errorf("register the benchmark loan product: %w", err)
	}
	id, err := find()
	if err == nil && id == 0 {
		err = fmt.Errorf("benchmark loan product not found after registering it")
	}
	return id, err
}

type accountLoan struct {
	id     uint64
	status string
}

// loansOf finds each account's open loan of the product (active or approved), if any.
func loansOf(ctx context.Context, c *client.Client, accts []*account, product uint64) ([]accountLoan, error) {
	out := make([]accountLoan, len(accts))
	for i, a := range accts {
		bl, err := c.BorrowerLoans(ctx, a.signer.Address())
		if err != nil {
			return nil, err
		}
		for _, l := range bl.Loans {
			if l.ProductID == product && (l.Status == "active" || l.Status == "approved" || l.Status == "applied") {
				out[i] = accountLoan{id: l.ID, status: l.Status}
			}
		}
	}
	return out, nil
}

// applyMissing has every account without a loan apply for one, concurrently (each account
// signs its own application).
func applyMissing(ctx context.Context, c *client.Client, accts []*account, loans []accountLoan, product uint64) error {
	var wg sync.WaitGroup
	errs := make(chan error, len(accts))
	sem := make(chan struct{}, 16)
	for i, a := range accts {
		if loans[i].id != 0 {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func(a *account) {
			defer func() { <-sem; wg.Done() }()
			msg := &txpb.Msg{Sum: &txpb.Msg_ApplyLoan{ApplyLoan: &txpb.MsgApplyLoan{ProductId: product, Principal: loanPrincipal, Periods: 52}}}
			if err := send(ctx, c, a.signer, msg); err != nil {
				errs <- fmt.Errorf("apply for a loan: %w", err)
			}
		}(a)
	}
	wg.Wait()
	close(errs)
	return <-errs
}

// disburseApproved approves and disburses the loans not active yet, 30 loans per
// transaction of the funder.
func disburseApproved(ctx context.Context, c *client.Client, funder *client.Signer, loans []accountLoan) error {
	var msgs []*txpb.Msg
	flush := func() error {
		if len(msgs) == 0 {
			return nil
		}
		err := send(ctx, c, funder, msgs...)
		msgs = msgs[:0]
		return err
	}
	for _, l := range loans {
		if l.id == 0 || l.status == "active" {
			continue
		}
		if l.status == "applied" {
			msgs = append(msgs, &txpb.Msg{Sum: &txpb.Msg_DecideLoan{DecideLoan: &txpb.MsgDecideLoan{LoanId: l.id, Approve: true}}})
		}
		msgs = append(msgs, &txpb.Msg{Sum: &txpb.Msg_DisburseLoan{DisburseLoan: &txpb.MsgDisburseLoan{LoanId: l.id}}})
		if len(msgs) >= 60 {
			if err := flush(); err != nil {
				return fmt.Errorf("approve and disburse: %w", err)
			}
		}
	}
	if err := flush(); err != nil {
		return fmt.Errorf("approve and disburse: %w", err)
	}
	return nil
}
