package app_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/ledger"
)

type world struct {
	c                         *apptest.Chain
	bank, mfi, regulator, kyc *apptest.Key
	alice, bob                *apptest.Key
}

// newWorld: a bank, a regulator and a KYC provider; alice and bob registered by the bank;
// CNY (scale 2) issued by the bank, alice holding 1,000.00.
func newWorld(t *testing.T) *world {
	t.Helper()
	w := &world{
		bank: apptest.NewKey("bank"), mfi: apptest.NewKey("mfi"), regulator: apptest.NewKey("regulator"), kyc: apptest.NewKey("kyc"),
		alice: apptest.NewKey("alice"), bob: apptest.NewKey("bob"),
	}
	w.c = apptest.NewChain(t,
		apptest.Member{Key: w.bank, Name: "Bank", Roles: []string{"bank"}},
		apptest.Member{Key: w.mfi, Name: "MFI", Roles: []string{"mfi"}},
		apptest.Member{Key: w.regulator, Name: "Regulator", Roles: []string{"regulator"}},
		apptest.Member{Key: w.kyc, Name: "KYC", Roles: []string{"kyc_provider"}},
	)
	w.c.MustExec(t, w.bank.Sign(
		apptest.RegisterAccount(w.alice.PubKey(), 2),
		apptest.RegisterAccount(w.bob.PubKey(), 1),
		apptest.RegisterAsset("CNY", 2, 0),
		apptest.Mint("CNY", w.alice.Address, 100000),
	))
	return w
}

func (w *world) avail(addr string) int64 { return ledger.AvailableOf(w.c.State(), addr, "CNY") }

func TestTransferMovesFunds(t *testing.T) {
	w := newWorld(t)
	res := w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", 2550)))
	require.Equal(t, int64(97450), w.avail(w.alice.Address))
	require.Equal(t, int64(2550), w.avail(w.bob.Address))
	require.NoError(t, ledger.CheckInvariants(w.c.State()))
	var types []string
	for _, e := range res.Events {
		types = append(types, e.Type)
	}
	require.Equal(t, []string{"message", "ledger.transfer"}, types)
}

func TestMultiTransferIsAtomic(t *testing.T) {
	w := newWorld(t)
	ok := w.c.MustExec(t, w.alice.Sign(apptest.MultiTransfer(
		&txpb.Payout{To: w.bob.Address, Asset: "CNY", Amount: 100},
		&txpb.Payout{To: w.bank.Address, Asset: "CNY", Amount: 200},
	)))
	require.NotNil(t, ok)
	before := w.avail(w.alice.Address)
	res := w.c.Exec(w.alice.Sign(apptest.MultiTransfer(
		&txpb.Payout{To: w.bob.Address, Asset: "CNY", Amount: 100},
		&txpb.Payout{To: w.bank.Address, Asset: "CNY", Amount: 1 << 40},
	)))
	require.Equal(t, ledger.ErrInsufficientFunds.Code, res.Code)
	require.Equal(t, before, w.avail(w.alice.Address), "first payout must be undone")
	require.Equal(t, int64(100), w.avail(w.bob.Address))
}

func TestHoldCaptureReleaseAndExpiry(t *testing.T) {
	w := newWorld(t)
	expires := w.c.Time.Add(60e9).Unix()
	w.c.MustExec(t, w.alice.Sign(apptest.PlaceHold(w.bank.Address, "CNY", 30000, expires)))
	require.Equal(t, int64(70000), w.avail(w.alice.Address))
	require.Equal(t, int64(30000), ledger.HeldOf(w.c.State(), w.alice.Address, "CNY"))

	// Only the beneficiary may capture.
	res := w.c.Exec(w.bob.Sign(apptest.CaptureHold(1, 0)))
	require.Equal(t, ledger.ErrNotBeneficiary.Code, res.Code)

	// Partial capture: the rest returns to the owner.
	w.c.MustExec(t, w.bank.Sign(apptest.CaptureHold(1, 10000)))
	require.Equal(t, int64(90000), w.avail(w.alice.Address))
	require.Equal(t, int64(10000), w.avail(w.bank.Address))
	require.Zero(t, ledger.HeldOf(w.c.State(), w.alice.Address, "CNY"))

	// A second hold expires by block time and returns to the owner by itself.
	w.c.MustExec(t, w.alice.Sign(apptest.PlaceHold(w.bank.Address, "CNY", 5000, w.c.Time.Add(12e9).Unix())))
	require.Equal(t, int64(85000), w.avail(w.alice.Address))
	for i := 0; i < 3; i++ {
		_, err := w.c.Block()
		require.NoError(t, err)
	}
	require.Equal(t, int64(90000), w.avail(w.alice.Address))
	_, open := ledger.GetHold(w.c.State(), 2)
	require.False(t, open)

	// Release by the beneficiary.
	w.c.MustExec(t, w.alice.Sign(apptest.PlaceHold(w.bank.Address, "CNY", 5000, w.c.Time.Add(3600e9).Unix())))
	w.c.MustExec(t, w.bank.Sign(apptest.ReleaseHold(3)))
	require.Equal(t, int64(90000), w.avail(w.alice.Address))
	require.NoError(t, ledger.CheckInvariants(w.c.State()))
}

func TestFrozenAccountCannotBeDebited(t *testing.T) {
	w := newWorld(t)
	w.c.MustExec(t, w.regulator.Sign(apptest.SetFrozen(w.alice.Address, true)))
	res := w.c.Exec(w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", 1)))
	require.Equal(t, ledger.ErrFrozen.Code, res.Code)
	require.Equal(t, "ledger", res.Codespace)
	// Credits still arrive.
	w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.alice.Address, 1)))
	w.c.MustExec(t, w.regulator.Sign(apptest.SetFrozen(w.alice.Address, false)))
	w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", 1)))
}

func TestMaxSupplyAndBurn(t *testing.T) {
	w := newWorld(t)
	w.c.MustExec(t, w.bank.Sign(apptest.RegisterAsset("PTS", 0, 1000), apptest.Mint("PTS", w.bank.Address, 1000)))
	res := w.c.Exec(w.bank.Sign(apptest.Mint("PTS", w.bank.Address, 1)))
	require.Equal(t, ledger.ErrMaxSupply.Code, res.Code)
	w.c.MustExec(t, w.bank.Sign(apptest.Burn("PTS", 400)))
	w.c.MustExec(t, w.bank.Sign(apptest.Mint("PTS", w.alice.Address, 400)))
	a, _ := ledger.GetAsset(w.c.State(), "PTS")
	require.Equal(t, int64(1400), a.Minted)
	require.Equal(t, int64(400), a.Burned)
	require.NoError(t, ledger.CheckInvariants(w.c.State()))
}
