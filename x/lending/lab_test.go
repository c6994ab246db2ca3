package lending

import (
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/ledger"
	xsched "github.com/puhui-chain/puhui/x/scheduler"
)

// tb is what a lab needs of a test: *testing.T or *rapid.T.
type tb interface {
	Helper()
	Errorf(format string, args ...any)
	FailNow()
}

// emptyState is a state with nothing in it, for in-memory labs.
type emptyState struct{}

func (emptyState) Get([]byte) []byte                              { return nil }
func (emptyState) Iterate([]byte, []byte, func(k, v []byte) bool) {}

// lab is a chain's state in memory with a bank lending CNY (scale 2) to a borrower, driven
// block by block through the handlers and the scheduler.
type lab struct {
	kv             *store.Cache
	bank, borrower string
	height         int64
	now            time.Time
	events         []abci.Event
	fails          []string // lending.visit_failed details, in order
}

func newLab(t tb) *lab {
	t.Helper()
	Use(ledger.Bank{}, identity.Registry{}, firstTimer{}, nil) // no product here requires cover
	genesis := time.Date(2026, 1, 5, 1, 0, 0, 0, time.UTC)     // 09:00 in Shanghai
	l := &lab{kv: store.NewCache(emptyState{}), height: 1, now: genesis}
	require.NoError(t, core.SetClock(l.kv, "Asia/Shanghai", genesis.Unix(), 1))
	_, err := identity.AddMember(l.ctx(""), "Bank", fakeKey("bank"), []identity.Role{identity.RoleBank})
	require.NoError(t, err)
	l.bank = tx.AddressOf(fakeKey("bank"))
	require.NoError(t, ledger.RegisterAsset(l.ctx(l.bank), &txpb.MsgRegisterAsset{Code: "CNY", Name: "yuan", Scale: 2}))
	require.NoError(t, identity.RegisterAccount(l.ctx(l.bank), &txpb.MsgRegisterAccount{PubKey: fakeKey("borrower"), KycLevel: 1}))
	l.borrower = tx.AddressOf(fakeKey("borrower"))
	return l
}

// ctx is a fresh context at the lab's block (a fresh one each time: a context memoises its
// business day).
func (l *lab) ctx(signer string) *core.Context {
	return &core.Context{KV: l.kv, Height: l.height, BlockTime: l.now, Signer: signer, Events: &l.events}
}

func (l *lab) mint(t tb, to string, amount int64) {
	t.Helper()
	require.NoError(t, ledger.Mint(l.ctx(l.bank), &txpb.MsgMint{Asset: "CNY", To: to, Amount: amount}))
}

// register records a product by the bank and returns its id.
func (l *lab) register(t tb, p *txpb.LoanProduct) uint64 {
	t.Helper()
	require.NoError(t, RegisterProduct(l.ctx(l.bank), &txpb.MsgRegisterProduct{Product: p}))
	return uint64(core.GetInt64(l.kv, productSeqKey))
}

// open has the borrower apply for principal over periods, the bank approve and disburse
// (the bank is minted the principal first), and returns the loan id.
func (l *lab) open(t tb, product uint64, principal int64, periods uint32) uint64 {
	t.Helper()
	l.mint(t, l.bank, principal)
	require.NoError(t, Apply(l.ctx(l.borrower), &txpb.MsgApplyLoan{ProductId: product, Principal: principal, Periods: periods}))
	id := uint64(core.GetInt64(l.kv, loanSeqKey))
	require.NoError(t, Decide(l.ctx(l.bank), &txpb.MsgDecideLoan{LoanId: id, Approve: true}))
	require.NoError(t, Disburse(l.ctx(l.bank), &txpb.MsgDisburseLoan{LoanId: id}))
	return id
}

// spend sends everything the borrower has to the bank, so that nothing can be collected.
func (l *lab) spend(t tb) {
	t.Helper()
	if all := ledger.AvailableOf(l.kv, l.borrower, "CNY"); all > 0 {
		require.NoError(t, ledger.Move(l.ctx(l.borrower), l.borrower, l.bank, "CNY", all))
	}
}

// advance runs the next block d later: every scheduled entry due by then. Due work must
// never fail the block.
func (l *lab) advance(t tb, d time.Duration) {
	t.Helper()
	l.now, l.height = l.now.Add(d), l.height+1
	from := len(l.events)
	for {
		n, err := xsched.RunDue(l.ctx(""), l.handlers())
		require.NoError(t, err, "due work failed the block at %s", l.now)
		if n < xsched.MaxPerBlock {
			break
		}
	}
	for _, ev := range l.events[from:] {
		if ev.Type == "lending.visit_failed" {
			for _, a := range ev.Attributes {
				if a.Key == "detail" {
					l.fails = append(l.fails, a.Value)
				}
			}
		}
	}
}

// handlers are the ledger's and lending's, as the app has them.
func (l *lab) handlers() map[string]xsched.Handler {
	h := ledger.ScheduledHandlers()
	for kind, f := range ScheduledHandlers() {
		h[kind] = f
	}
	return h
}

func (l *lab) loan(t tb, id uint64) *statepb.Loan {
	t.Helper()
	ln, ok := GetLoan(l.kv, id)
	require.True(t, ok, "loan %d", id)
	return ln
}

// checkAmounts asserts that no amount of the loan is negative and that its books hold.
func (l *lab) checkAmounts(t tb, id uint64) {
	t.Helper()
	ln := l.loan(t, id)
	for _, in := range ln.Installments {
		for _, v := range []int64{in.Principal, in.Interest, in.Fee, in.Penalty, in.PrincipalPaid, in.InterestPaid, in.FeePaid, in.PenaltyPaid} {
			require.GreaterOrEqual(t, v, int64(0), "instalment %d: %+v", in.N, in)
		}
	}
	for _, v := range []int64{ln.PrincipalRepaid, ln.InterestPaid, ln.FeesPaid, ln.PenaltiesPaid, ln.Collateral, ln.FeeCharged} {
		require.GreaterOrEqual(t, v, int64(0))
	}
	require.GreaterOrEqual(t, LenderBook(l.kv, l.bank, "CNY").Glp, int64(0))
	require.NoError(t, CheckInvariants(l.kv))
	require.NoError(t, ledger.CheckInvariants(l.kv))
}
