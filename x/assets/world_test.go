package assets

import (
	"crypto/sha256"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/ledger"
)

type noState struct{}

func (noState) Get([]byte) []byte                              { return nil }
func (noState) Iterate([]byte, []byte, func(k, v []byte) bool) {}

// world is a state with an issuer (a bank), a KYC provider and individuals attested by it.
type world struct {
	t      testing.TB
	ctx    *core.Context
	k      keeper
	issuer string
	kyc    string
	events []abci.Event
}

var start = time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)

func key(n string) []byte { h := sha256.Sum256([]byte(n)); return h[:] }

func newWorld(t testing.TB) *world {
	ledger.Use(Hook{})
	t.Cleanup(func() { ledger.Use() })
	w := &world{t: t, k: keeper{bank: ledger.Bank{}}}
	kv := store.NewCache(noState{})
	w.ctx = &core.Context{KV: kv, Height: 1, BlockTime: start, Events: &w.events}
	require.NoError(t, core.SetClock(kv, "Asia/Shanghai", start.Unix(), 1))
	bank, err := identity.AddMember(w.ctx, "Bank", key("bank"), []identity.Role{identity.RoleBank})
	require.NoError(t, err)
	prov, err := identity.AddMember(w.ctx, "KYC", key("kyc"), []identity.Role{identity.RoleKYCProvider})
	require.NoError(t, err)
	w.issuer, w.kyc = bank.Address, prov.Address
	w.ctx.Signer = w.issuer
	require.NoError(t, ledger.RegisterAsset(w.ctx, &txpb.MsgRegisterAsset{Code: "CNY", Name: "yuan", Scale: 2}))
	require.NoError(t, ledger.Mint(w.ctx, &txpb.MsgMint{Asset: "CNY", To: w.issuer, Amount: 1_000_000_00}))
	return w
}

// investor registers an individual and has the provider attest it at level in jurisdiction
// (evidence names the person: two keys of one person share it).
func (w *world) investor(name string, level uint32, jurisdiction, evidence string) string {
	w.t.Helper()
	pub := key("pub:" + name)
	w.ctx.Signer = w.issuer
	require.NoError(w.t, identity.RegisterAccount(w.ctx, &txpb.MsgRegisterAccount{PubKey: pub}))
	addr := tx.AddressOf(pub)
	w.ctx.Signer = w.kyc
	ev := sha256.Sum256([]byte(evidence))
	require.NoError(w.t, identity.AttestKYC(w.ctx, &txpb.MsgAttestKyc{Account: addr, KycLevel: level,
		ExpiresAt: start.Unix() + 365*86400, EvidenceHash: ev[:], Jurisdiction: jurisdiction}))
	w.ctx.Signer = w.issuer
	return addr
}

// as runs f as signer like a transaction: on error nothing it wrote remains.
func (w *world) as(signer string, f func(ctx *core.Context) error) error {
	w.ctx.Signer = signer
	return core.Tentative(w.ctx, f)
}

func (w *world) register(code string, rules *txpb.AssetRuleSet) {
	w.t.Helper()
	require.NoError(w.t, w.as(w.issuer, func(c *core.Context) error {
		return w.k.RegisterRuled(c, &txpb.MsgRegisterRuledAsset{Code: code, Name: code + " note", Scale: 2, Rules: rules})
	}))
}

func (w *world) mint(code, to string, amount int64) error {
	return w.as(w.issuer, func(c *core.Context) error {
		return ledger.Mint(c, &txpb.MsgMint{Asset: code, To: to, Amount: amount})
	})
}

func (w *world) transfer(code, from, to string, amount int64) error {
	return w.as(from, func(c *core.Context) error { return ledger.Move(c, from, to, code, amount) })
}

func (w *world) bal(code, addr string) int64 { return holding(w.ctx.KV, addr, code) }

// advance moves the block time on.
func (w *world) advance(d time.Duration) {
	w.ctx.BlockTime = w.ctx.BlockTime.Add(d)
	w.ctx.Height++
}

func (w *world) invariants() {
	w.t.Helper()
	require.NoError(w.t, CheckInvariants(w.ctx.KV))
	require.NoError(w.t, ledger.CheckInvariants(w.ctx.KV))
}

// refused checks that err carries code and that the state hash of balances is unchanged.
func refused(t *testing.T, err error, code *tx.Error) {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, code, "got %v", err)
}
