package app_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/scf"
)

// simSCFSetup grants the simulation's core enterprise a line the random issues sometimes
// exceed.
func simSCFSetup(bank, coreKey *apptest.Key, c *apptest.Chain) []*txpb.Msg {
	return []*txpb.Msg{tx.Wrap(&txpb.MsgGrantCreditLine{Enterprise: coreKey.Address, Asset: "CNY", Limit: 3_000_000,
		ExpiresAt: c.Time.Unix() + 10*365*86400})}
}

// randomSCFTx is one of eight supply-chain actions, mostly plausible, sometimes not: users
// register invoices with the core enterprise, which issues certificates on them; receivers
// accept or reject; holders split, pass on and offer to the bank, which discounts at a
// random rate; the core enterprise is paid in now and then, so that some maturities settle
// in full, some pro rata and some stay overdue.
func randomSCFTx(rng *rand.Rand, c *apptest.Chain, kind int, bank, coreKey, user *apptest.Key, pick func() *apptest.Key) []byte {
	certs := scf.ListCertificates(c.State())
	pickCert := func(want func(*statepb.Certificate) bool) *statepb.Certificate {
		var in []*statepb.Certificate
		for _, x := range certs {
			if want(x) {
				in = append(in, x)
			}
		}
		if len(in) == 0 || rng.IntN(10) == 0 {
			return &statepb.Certificate{Id: uint64(rng.IntN(len(certs)+2) + 1), Holder: user.Address, Receiver: user.Address, Face: 20_000}
		}
		return in[rng.IntN(len(in))]
	}
	today := core.BusinessDayOf(c.State(), c.Time.Unix()).Day
	// before its maturity at the next block: a certificate left pending past its maturity
	// can no longer be accepted, and a run that offered those as often as the live ones
	// would accept almost none
	live := func(x *statepb.Certificate) bool { return x.MaturityDay > today+1 }
	held := func(x *statepb.Certificate) bool {
		return x.State == statepb.CertState_CERT_STATE_ACTIVE && x.Offer == nil && live(x)
	}
	switch kind {
	case 0:
		return user.Sign(tx.Wrap(&txpb.MsgRegisterTradeDocument{Kind: "invoice", Seller: user.Address, Buyer: coreKey.Address,
			InvoiceCode: "SIM", InvoiceNumber: fmt.Sprint(rng.IntN(100_000)), Asset: "CNY", Amount: rng.Int64N(400_000) + 1,
			IssueDate: core.DateOf(today)}))
	case 1:
		var doc *statepb.TradeDocument
		for _, d := range scf.ListDocuments(c.State()) {
			if d.CertificateId == 0 && d.FinancedBy == "" && (doc == nil || rng.IntN(3) == 0) {
				doc = d
			}
		}
		if doc == nil {
			doc = &statepb.TradeDocument{Id: 1, Seller: user.Address, Amount: 50_000}
		}
		return coreKey.Sign(tx.Wrap(&txpb.MsgIssueCertificate{LineId: 1, To: doc.Seller, Face: doc.Amount - rng.Int64N(doc.Amount/2+1),
			MaturityDate: core.DateOf(today + int64(rng.IntN(40)) + 10), DocumentIds: []uint64{doc.Id}}))
	case 2:
		x := pickCert(func(x *statepb.Certificate) bool {
			return (x.State == statepb.CertState_CERT_STATE_PENDING || x.Offer != nil && x.Offer.Kind == "transfer") && live(x)
		})
		to := keyOf(x.Receiver, x.Offer, user, pick)
		if rng.IntN(4) == 0 {
			return to.Sign(tx.Wrap(&txpb.MsgRejectCertificate{CertificateId: x.Id, Reason: "sim"}))
		}
		return to.Sign(tx.Wrap(&txpb.MsgAcceptCertificate{CertificateId: x.Id}))
	case 3:
		x := pickCert(held)
		cut := rng.Int64N(x.Face + 1)
		return holderKey(x, bank, user, pick).Sign(tx.Wrap(&txpb.MsgSplitCertificate{CertificateId: x.Id, Parts: []int64{cut, x.Face - cut}}))
	case 4:
		x := pickCert(held)
		return holderKey(x, bank, user, pick).Sign(tx.Wrap(&txpb.MsgTransferCertificate{CertificateId: x.Id, To: pick().Address,
			Amount: rng.Int64N(x.Face + 1)}))
	case 5, 6: // holders offer to the bank; the bank answers the offers before they mature
		offered := func(x *statepb.Certificate) bool { return x.Offer != nil && x.Offer.Kind == "finance" && live(x) }
		if kind == 5 && (!slices.ContainsFunc(certs, offered) || rng.IntN(2) == 0) {
			x := pickCert(held)
			return holderKey(x, bank, user, pick).Sign(tx.Wrap(&txpb.MsgOfferFinancing{CertificateId: x.Id, Funder: bank.Address,
				DayCountBasis: []uint32{0, 360, 365}[rng.IntN(3)]}))
		}
		x := pickCert(offered)
		return bank.Sign(tx.Wrap(&txpb.MsgAcceptFinancing{CertificateId: x.Id,
			AnnualRatePercent: []string{"3.6", "4.35", "12", "0", "250"}[rng.IntN(5)]}))
	default:
		if rng.IntN(5) == 0 {
			x := pickCert(func(x *statepb.Certificate) bool { return x.State == statepb.CertState_CERT_STATE_PENDING })
			return coreKey.Sign(tx.Wrap(&txpb.MsgCancelCertificateOffer{CertificateId: x.Id}))
		}
		return bank.Sign(apptest.Mint("CNY", coreKey.Address, rng.Int64N(400_000)+1))
	}
}

// keyOf is the key of a pending offer's receiver among the simulation's users (or user, for
// an offer to someone else: refused).
func keyOf(receiver string, o *statepb.CertOffer, user *apptest.Key, pick func() *apptest.Key) *apptest.Key {
	if o != nil {
		receiver = o.To
	}
	for i := 0; i < 30; i++ {
		if k := pick(); k.Address == receiver {
			return k
		}
	}
	return user
}

func holderKey(x *statepb.Certificate, bank, user *apptest.Key, pick func() *apptest.Key) *apptest.Key {
	if x.Holder == bank.Address {
		return bank
	}
	return keyOf(x.Holder, nil, user, pick)
}

// requireSCFExercised: a long simulation must have driven certificates through their lives.
func requireSCFExercised(t *testing.T, c *apptest.Chain) {
	t.Helper()
	counts := map[string]int{}
	financed := 0
	held := map[[2]string]int64{} // holder, asset → unpaid face of live parts
	for _, x := range scf.ListCertificates(c.State()) {
		counts[scf.StateName(x.State)]++
		if x.Financing != nil {
			financed++
		}
		if s := scf.StateName(x.State); s == "active" || s == "overdue" || s == "defaulted" {
			held[[2]string{x.Holder, x.Asset}] += x.Face - x.Paid
		}
	}
	// What the credit bureau was told agrees with the certificates themselves.
	store.IteratePrefix(c.State(), core.Key("credit", "scf", ""), func(k, v []byte) bool {
		var rec statepb.ScfRecord
		core.MustUnmarshal(v, &rec)
		parts := strings.Split(string(k), "/") // credit/scf/<holder>/<asset>
		at := [2]string{parts[2], parts[3]}
		require.Equal(t, at[1], rec.Asset, "credit scf record %q", k)
		require.Equal(t, held[at], rec.ReceivablesHeld, "%s: live parts held vs what credit was told", at[0])
		delete(held, at)
		return true
	})
	for h, v := range held {
		require.Zero(t, v, "%v holds live parts credit was not told of", h)
	}
	t.Logf("certificates by state: %v; %d financed", counts, financed)
	for _, s := range []string{"split", "settled", "rejected"} {
		require.Positive(t, counts[s], "no %s certificate in the simulation", s)
	}
	require.Positive(t, financed, "no certificate financed in the simulation")
}
