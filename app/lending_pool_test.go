package app_test

import (
	"context"
	"encoding/json"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/ledger"
	"github.com/puhui-chain/puhui/x/lending"
)

// register adds accounts (KYC level 2) sponsored by the bank and gives each balance.
func (w *world) register(t *testing.T, balance int64, names ...string) []*apptest.Key {
	t.Helper()
	var keys []*apptest.Key
	var msgs []*txpb.Msg
	for _, n := range names {
		k := apptest.NewKey(n)
		keys = append(keys, k)
		msgs = append(msgs, apptest.RegisterAccount(k.PubKey(), 2))
		if balance > 0 {
			msgs = append(msgs, apptest.Mint("CNY", k.Address, balance))
		}
	}
	w.c.MustExec(t, w.bank.Sign(msgs...))
	return keys
}

func pooledProduct(windowDays uint32) *txpb.LoanProduct {
	p := productA()
	p.MinPrincipal, p.MinPeriods = 10000, 3
	p.Funding, p.FundingWindowDays = lending.FundingPooled, windowDays
	return p
}

func TestPooledLoanPaysInvestorsProRata(t *testing.T) {
	w := lendingWorld(t)
	keys := w.register(t, 100_000, "carol", "dave")
	carol, dave := keys[0], keys[1]
	w.c.MustExec(t, w.mfi.Sign(apptest.RegisterProduct(pooledProduct(7))))
	w.c.MustExec(t, dave.Sign(apptest.ApplyLoan(1, 100_000, 3)))
	w.c.MustExec(t, w.mfi.Sign(apptest.DecideLoan(1, true, "")))
	require.Equal(t, statepb.LoanStatus_LOAN_STATUS_FUNDING, w.loan(t, 1).Status)

	investors := []*apptest.Key{w.alice, w.bob, carol}
	w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.bob.Address, 100_000)))
	before := make([]int64, 3)
	for i, k := range investors {
		before[i] = w.avail(k.Address)
	}
	for i, amount := range []int64{33_333, 33_333, 33_334} {
		w.c.MustExec(t, investors[i].Sign(fundLoan(1, amount)))
	}
	l := w.loan(t, 1)
	require.Equal(t, statepb.LoanStatus_LOAN_STATUS_ACTIVE, l.Status, "fully funded: disbursed at once")
	require.Equal(t, int64(200_000), w.avail(dave.Address))
	for i, k := range investors {
		require.Equal(t, int64(0), ledger.HeldOf(w.c.State(), k.Address, "CNY"))
		require.Equal(t, before[i]-l.Investments[i].Amount, w.avail(k.Address))
	}
	w.checkInvariants(t)

	// The first instalment (340.02) is collected and split 33,333 : 33,333 : 33,334. Floors
	// are 11,333, 11,333, 11,334 (34,000); the two cents left go to the largest remainders,
	// alice's and bob's (0.88666 each, ahead of carol's 0.22668).
	w.at(t, "2026-02-05", "00:00")
	l = w.loan(t, 1)
	require.Equal(t, int64(34002), l.Installments[0].Principal+l.Installments[0].Interest)
	got := []int64{l.Investments[0].Received, l.Investments[1].Received, l.Investments[2].Received}
	require.Equal(t, []int64{11334, 11334, 11334}, got)
	for i, k := range investors {
		require.Equal(t, before[i]-l.Investments[i].Amount+got[i], w.avail(k.Address))
	}

	// The rest of the life: every collection adds up exactly.
	w.at(t, "2026-03-05", "00:00")
	w.at(t, "2026-04-05", "00:00")
	l = w.loan(t, 1)
	require.Equal(t, statepb.LoanStatus_LOAN_STATUS_CLOSED, l.Status)
	var paidOut int64
	for _, inv := range l.Investments {
		paidOut += inv.Received
	}
	require.Equal(t, l.PrincipalRepaid+l.InterestPaid, paidOut)
}

func TestFundingWindowExpiresAndReturnsCommitments(t *testing.T) {
	w := lendingWorld(t)
	w.c.MustExec(t, w.mfi.Sign(apptest.RegisterProduct(pooledProduct(3))))
	w.c.MustExec(t, w.bob.Sign(apptest.ApplyLoan(1, 100_000, 3)))
	w.c.MustExec(t, w.mfi.Sign(apptest.DecideLoan(1, true, "")))
	before := w.avail(w.alice.Address)
	w.c.MustExec(t, w.alice.Sign(fundLoan(1, 50_000)))
	require.Equal(t, int64(50_000), ledger.HeldOf(w.c.State(), w.alice.Address, "CNY"))

	w.at(t, "2026-01-07", "23:59")
	require.Equal(t, statepb.LoanStatus_LOAN_STATUS_FUNDING, w.loan(t, 1).Status)
	w.at(t, "2026-01-08", "00:00") // three business days after approval on 2026-01-05
	require.Equal(t, statepb.LoanStatus_LOAN_STATUS_EXPIRED, w.loan(t, 1).Status)
	require.Equal(t, int64(0), ledger.HeldOf(w.c.State(), w.alice.Address, "CNY"))
	require.Equal(t, before, w.avail(w.alice.Address))
	res := w.c.Exec(w.alice.Sign(fundLoan(1, 50_000)))
	require.Equal(t, lending.ErrWrongStatus.Code, res.Code, res.Log)
}

func TestGroupFundCoversAnOverdueMember(t *testing.T) {
	w := lendingWorld(t)
	keys := w.register(t, 10_000, "g-ann", "g-ben", "g-cat") // 100.00 each for the guarantee
	ann, ben, cat := keys[0], keys[1], keys[2]
	w.c.MustExec(t, w.bank.Sign(apptest.Transfer(w.mfi.Address, "CNY", 1_000_000)))
	w.c.MustExec(t, w.mfi.Sign(createGroup("Market women", ann.Address, ben.Address, cat.Address)))
	p := productA()
	p.MinPeriods, p.GroupGuaranteeBps, p.ArrearsGraceDays = 3, 1000, 2
	w.c.MustExec(t, w.mfi.Sign(apptest.RegisterProduct(p)))
	for i, k := range keys {
		w.c.MustExec(t, k.Sign(applyGroupLoan(1, 100_000, 3, 1)))
		w.c.MustExec(t, w.mfi.Sign(apptest.DecideLoan(uint64(i+1), true, ""), apptest.DisburseLoan(uint64(i+1))))
		require.Equal(t, int64(10_000), ledger.HeldOf(w.c.State(), k.Address, "CNY"), "10% guaranteed into the fund")
	}
	w.c.MustExec(t, ben.Sign(apptest.Transfer(w.alice.Address, "CNY", 100_000))) // ben spends it all
	var g query.Group
	queryJSON(t, w.c, query.PathGroup, "1", &g)
	require.Equal(t, int64(30_000), g.Fund)
	require.Equal(t, []uint64{1, 2, 3}, g.Loans)

	w.at(t, "2026-02-05", "00:00")
	// ann and cat paid 340.02 (330.02 principal): their guarantees shrink to
	// ceil(100.00 × 669.98 / 1,000.00) = 67.00.
	require.Equal(t, int64(6700), ledger.HeldOf(w.c.State(), ann.Address, "CNY"))
	require.Equal(t, int64(6700), ledger.HeldOf(w.c.State(), cat.Address, "CNY"))
	w.at(t, "2026-02-07", "00:00") // 2 days past due: inside the grace, no cover yet
	require.Equal(t, int64(0), w.loan(t, 2).CoveredByGroup)

	w.at(t, "2026-02-08", "00:00") // 3 days: the fund covers ben
	l := w.loan(t, 2)
	require.Equal(t, int64(10_000+6700+6700), l.CoveredByGroup, "ben's own 100.00, then all that ann and cat still guarantee")
	require.Equal(t, int64(34002-23400), lending.OwedNow(l, w.c.Time.Unix()))
	for _, k := range keys {
		require.Equal(t, int64(0), ledger.HeldOf(w.c.State(), k.Address, "CNY"))
	}
	queryJSON(t, w.c, query.PathGroup, "1", &g)
	require.Equal(t, int64(0), g.Fund, "the fund is spent")
	var lv query.Loan
	queryJSON(t, w.c, query.PathLoan, "2", &lv)
	require.Equal(t, int64(23400), lv.CoveredByGroup)
	require.Equal(t, uint64(1), lv.GroupID)
	w.checkInvariants(t)
}

func fundLoan(id uint64, amount int64) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_FundLoan{FundLoan: &txpb.MsgFundLoan{LoanId: id, Amount: amount}}}
}

func createGroup(name string, members ...string) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_CreateGroup{CreateGroup: &txpb.MsgCreateGroup{Name: name, Members: members}}}
}

func applyGroupLoan(product uint64, principal int64, periods uint32, group uint64) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_ApplyLoan{ApplyLoan: &txpb.MsgApplyLoan{ProductId: product, Principal: principal, Periods: periods, GroupId: group}}}
}

func queryJSON(t *testing.T, c *apptest.Chain, path, data string, out any) {
	t.Helper()
	res, err := c.App.Query(context.Background(), &abci.QueryRequest{Path: path, Data: []byte(data)})
	require.NoError(t, err)
	require.Zero(t, res.Code, res.Log)
	require.NoError(t, json.Unmarshal(res.Value, out))
}
