package client_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/node/nodetest"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/lending"
)

func mustSend(t *testing.T, ctx context.Context, c *client.Client, s *client.Signer, msgs ...*txpb.Msg) {
	t.Helper()
	r, err := c.Send(ctx, s, "", msgs...)
	require.NoError(t, err)
	require.True(t, r.OK(), "code %d: %s", r.Code, r.Log)
}

// TestLendingQueries: the SDK's lending reads decode the node's views, and a missing loan or
// product is the application's coded error.
func TestLendingQueries(t *testing.T) {
	n := nodetest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	c, bank := n.Client, n.Operator
	alice := client.NewSigner(ed25519.GenPrivKey())

	mustSend(t, ctx, c, bank,
		&txpb.Msg{Sum: &txpb.Msg_RegisterAsset{RegisterAsset: &txpb.MsgRegisterAsset{Code: "KES", Name: "shilling", Scale: 2}}},
		&txpb.Msg{Sum: &txpb.Msg_RegisterAccount{RegisterAccount: &txpb.MsgRegisterAccount{PubKey: alice.PubKey(), KycLevel: 1}}},
		&txpb.Msg{Sum: &txpb.Msg_Mint{Mint: &txpb.MsgMint{Asset: "KES", To: bank.Address(), Amount: 10_000_000}}},
		&txpb.Msg{Sum: &txpb.Msg_RegisterProduct{RegisterProduct: &txpb.MsgRegisterProduct{Product: &txpb.LoanProduct{
			Name: "Weekly", Asset: "KES", MinPrincipal: 5_000, MaxPrincipal: 500_000, MinPeriods: 4, MaxPeriods: 26,
			Frequency: "weeks", AnnualRatePercent: "20", InterestMethod: "flat"}}}})

	ps, err := c.Products(ctx)
	require.NoError(t, err)
	require.Len(t, ps, 1)
	p, err := c.Product(ctx, ps[0].ID)
	require.NoError(t, err)
	require.Equal(t, "KES", client.ProductAsset(p))
	require.Equal(t, bank.Address(), p.Lender)
	require.Equal(t, "Weekly", p.Terms["name"])

	mustSend(t, ctx, c, alice, &txpb.Msg{Sum: &txpb.Msg_ApplyLoan{ApplyLoan: &txpb.MsgApplyLoan{ProductId: p.ID, Principal: 100_000, Periods: 10}}})
	bl, err := c.BorrowerLoans(ctx, alice.Address())
	require.NoError(t, err)
	require.Len(t, bl.Loans, 1)
	id := bl.Loans[0].ID
	mustSend(t, ctx, c, bank,
		&txpb.Msg{Sum: &txpb.Msg_DecideLoan{DecideLoan: &txpb.MsgDecideLoan{LoanId: id, Approve: true}}},
		&txpb.Msg{Sum: &txpb.Msg_DisburseLoan{DisburseLoan: &txpb.MsgDisburseLoan{LoanId: id}}})

	l, err := c.Loan(ctx, id)
	require.NoError(t, err)
	require.Equal(t, "active", l.Status)
	require.Equal(t, int64(100_000), l.Principal)
	require.Len(t, l.Installments, 10)
	require.Equal(t, int64(100_000), l.Outstanding)

	pf, err := c.Portfolio(ctx, bank.Address())
	require.NoError(t, err)
	require.Len(t, pf.Assets, 1)
	require.Equal(t, int64(100_000), pf.Assets[0].GrossPortfolio)

	_, err = c.Loan(ctx, id+100)
	var qe *client.QueryError
	require.True(t, errors.As(err, &qe), "%v", err)
	require.Equal(t, lending.ErrUnknownLoan.Codespace, qe.Codespace)
	require.Equal(t, lending.ErrUnknownLoan.Code, qe.Code)
	_, err = c.Product(ctx, 77)
	require.True(t, errors.As(err, &qe), "%v", err)
	require.Equal(t, lending.ErrUnknownProduct.Code, qe.Code)
	_, err = c.BorrowerLoans(ctx, "not-an-address")
	require.Error(t, err)
}
