package ledger

import (
	"crypto/sha256"
	"errors"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
)

type noState struct{}

func (noState) Get([]byte) []byte                              { return nil }
func (noState) Iterate([]byte, []byte, func(k, v []byte) bool) {}

// recorder records every movement; refuse, when set, refuses the movements it names.
type recorder struct {
	seen   []Movement
	after  int
	refuse func(Movement) error
}

func (r *recorder) BeforeMove(_ *core.Context, m Movement) error {
	if r.refuse != nil {
		if err := r.refuse(m); err != nil {
			return err
		}
	}
	r.seen = append(r.seen, m)
	return nil
}

func (r *recorder) AfterMove(*core.Context, Movement) error { r.after++; return nil }

// TestEveryMovementPassesTheHooks: mint, transfer, hold, capture, release and burn each go
// through the one hooked path, with who, what and how much; a hook that refuses a movement
// fails the operation and nothing moves.
func TestEveryMovementPassesTheHooks(t *testing.T) {
	rec := &recorder{}
	Use(rec)
	defer Use()
	kv := store.NewCache(noState{})
	var events []abci.Event
	at := time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)
	ctx := &core.Context{KV: kv, Height: 1, BlockTime: at, Events: &events}
	require.NoError(t, core.SetClock(kv, "Asia/Shanghai", at.Unix(), 1))
	key := func(n string) []byte { h := sha256.Sum256([]byte(n)); return h[:] }
	bankMember, err := identity.AddMember(ctx, "Bank", key("bank"), []identity.Role{identity.RoleBank})
	require.NoError(t, err)
	shopMember, err := identity.AddMember(ctx, "Shop", key("shop"), []identity.Role{identity.RoleEnterprise})
	require.NoError(t, err)
	bank, shop := bankMember.Address, shopMember.Address
	ctx.Signer = bank
	require.NoError(t, RegisterAsset(ctx, &txpb.MsgRegisterAsset{Code: "CNY", Name: "yuan", Scale: 2}))
	require.NoError(t, Mint(ctx, &txpb.MsgMint{Asset: "CNY", To: bank, Amount: 10_000}))
	require.NoError(t, Transfer(ctx, &txpb.MsgTransfer{To: shop, Asset: "CNY", Amount: 2_500}))
	id, err := PlaceHold(ctx, bank, shop, "CNY", 1_000, at.Unix()+3600, "order")
	require.NoError(t, err)
	ctx.Signer = shop
	require.NoError(t, CaptureHold(ctx, id, 400)) // 400 to the shop, 600 back to the bank
	ctx.Signer = bank
	require.NoError(t, Burn(ctx, &txpb.MsgBurn{Asset: "CNY", Amount: 100}))

	require.Equal(t, []Movement{
		{Kind: MoveMint, To: bank, Asset: "CNY", Amount: 10_000},
		{Kind: MoveTransfer, From: bank, To: shop, Asset: "CNY", Amount: 2_500},
		{Kind: MoveHold, From: bank, To: shop, Asset: "CNY", Amount: 1_000, HoldID: id},
		{Kind: MoveRelease, From: bank, To: bank, Asset: "CNY", Amount: 600, HoldID: id},
		{Kind: MoveCapture, From: bank, To: shop, Asset: "CNY", Amount: 400, HoldID: id},
		{Kind: MoveBurn, From: bank, Asset: "CNY", Amount: 100},
	}, rec.seen)
	require.Equal(t, len(rec.seen), rec.after)

	refused := tx.Register("test", 1, "refused")
	rec.refuse = func(m Movement) error {
		if m.Kind == MoveTransfer && m.Amount > 1_000 {
			return refused.Wrapf("over 1,000")
		}
		return nil
	}
	before := AvailableOf(kv, shop, "CNY")
	err = Transfer(ctx, &txpb.MsgTransfer{To: shop, Asset: "CNY", Amount: 1_001})
	require.True(t, errors.Is(err, refused), "%v", err)
	require.Equal(t, before, AvailableOf(kv, shop, "CNY"), "a refused movement moves nothing")
	require.NoError(t, Transfer(ctx, &txpb.MsgTransfer{To: shop, Asset: "CNY", Amount: 1_000}))
	require.Equal(t, before+1_000, AvailableOf(kv, shop, "CNY"))
}
