package app_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/lending"
)

// TestLendingBadInput: every refusal carries its code and changes nothing but the nonce.
func TestLendingBadInput(t *testing.T) {
	w := lendingWorld(t)
	// Loan 1: closed (repaid at once). Loan 2: active. Loan 3: pooled, funding. Group 1.
	closed := w.openLoan(t, productA(), w.alice, 10000, 3)
	w.c.MustExec(t, w.alice.Sign(apptest.RepayLoan(closed, 10000)))
	active := w.openLoan(t, productA(), w.alice, 20000, 3)
	w.c.MustExec(t, w.mfi.Sign(apptest.RegisterProduct(pooledProduct(7))))
	w.c.MustExec(t, w.bob.Sign(apptest.ApplyLoan(3, 50000, 3)))
	w.c.MustExec(t, w.mfi.Sign(apptest.DecideLoan(3, true, "")))
	carol := w.register(t, 0, "carol")[0]
	w.c.MustExec(t, w.mfi.Sign(createGroup("g", w.bob.Address, carol.Address)))
	grouped := productA()
	grouped.GroupGuaranteeBps = 500
	w.c.MustExec(t, w.mfi.Sign(apptest.RegisterProduct(grouped))) // product 4

	withTerms := func(f func(p *txpb.LoanProduct)) *txpb.Msg {
		p := productA()
		f(p)
		return apptest.RegisterProduct(p)
	}
	cases := []struct {
		name   string
		signer *apptest.Key
		msg    *txpb.Msg
		want   *tx.Error
	}{
		{"principal bounds reversed", w.bank, withTerms(func(p *txpb.LoanProduct) { p.MaxPrincipal = p.MinPrincipal - 1 }), lending.ErrBadProduct},
		{"unknown enum", w.bank, withTerms(func(p *txpb.LoanProduct) { p.InterestMethod = "compound" }), lending.ErrBadProduct},
		{"rate beyond sanity", w.bank, withTerms(func(p *txpb.LoanProduct) { p.AnnualRatePercent = "5000" }), lending.ErrBadProduct},
		{"allocation unknown", w.bank, withTerms(func(p *txpb.LoanProduct) { p.Allocation = "lender-first" }), lending.ErrBadProduct},
		{"rule does not compile", w.bank, withTerms(func(p *txpb.LoanProduct) { p.ApprovalRule = "amount >" }), lending.ErrBadRule},
		{"rule too costly", w.bank, withTerms(func(p *txpb.LoanProduct) {
			l := "[" + strings.Repeat("1,", 39) + "1]"
			p.ApprovalRule = l + ".all(a, " + l + ".all(b, " + l + ".all(c, a+b+c >= amount)))"
		}), lending.ErrBadRule},
		{"product by an individual", w.alice, withTerms(func(*txpb.LoanProduct) {}), tx.ErrUnauthorized},
		{"principal above bound", w.bob, apptest.ApplyLoan(1, 6_000_000, 12), lending.ErrOutOfBounds},
		{"periods below bound", w.bob, apptest.ApplyLoan(1, 10000, 1), lending.ErrOutOfBounds},
		{"unknown product", w.bob, apptest.ApplyLoan(99, 10000, 3), lending.ErrUnknownProduct},
		{"lender borrows from itself", w.mfi, apptest.ApplyLoan(3, 50000, 3), lending.ErrSelfLoan},
		{"approval by a non-lender", w.mfi, apptest.DecideLoan(active, true, ""), lending.ErrNotLender},
		{"approval by an individual", w.alice, apptest.DecideLoan(active, true, ""), tx.ErrUnauthorized},
		{"disbursing twice", w.bank, apptest.DisburseLoan(active), lending.ErrWrongStatus},
		{"disbursing a pooled loan by hand", w.mfi, apptest.DisburseLoan(3), lending.ErrWrongStatus},
		{"repaying a closed loan", w.alice, apptest.RepayLoan(closed, 100), lending.ErrWrongStatus},
		{"repaying zero", w.alice, apptest.RepayLoan(active, 0), money.ErrNonPositive},
		{"repaying an unknown loan", w.alice, apptest.RepayLoan(77, 100), lending.ErrUnknownLoan},
		{"repaying without the money", w.bob, apptest.RepayLoan(active, 1_000_000), nil},
		{"funding beyond the amount", w.alice, fundLoan(3, 50001), lending.ErrOverFunded},
		{"funding a lender-funded loan", w.alice, fundLoan(active, 100), lending.ErrWrongStatus},
		{"borrower funds itself", w.bob, fundLoan(3, 100), lending.ErrSelfLoan},
		{"write-off by a non-lender", w.mfi, apptest.WriteOffLoan(active, ""), lending.ErrNotLender},
		{"group of one", w.mfi, createGroup("solo", w.bob.Address), lending.ErrBadGroup},
		{"group with a stranger", w.mfi, createGroup("g2", w.bob.Address, apptest.NewKey("nobody").Address), lending.ErrBadGroup},
		{"group loan without a group", w.bob, apptest.ApplyLoan(4, 10000, 3), lending.ErrBadGroup},
		{"group loan by a non-member", w.alice, applyGroupLoan(4, 10000, 3, 1), lending.ErrNotGroupMember},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := dump(w.c.State())
			res := w.c.Exec(tc.signer.Sign(tc.msg))
			require.NotZero(t, res.Code, "must be refused")
			if tc.want != nil {
				require.Equal(t, tc.want.Codespace, res.Codespace, res.Log)
				require.Equal(t, tc.want.Code, res.Code, res.Log)
			}
			require.Equal(t, refusedKeys(res, tc.signer, tc.msg), changedKeys(before, dump(w.c.State())), res.Log)
		})
	}
}
