package insurance

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// poolHoldLife is how far ahead a pool's hold expires; every change of the pool re-places
// the hold, so it never lapses while the pool is in use.
const poolHoldLife = 50 * 365 * 86400

// GetPool reads an insurer's pool in an asset; a missing pool is empty.
func GetPool(r store.Reader, insurer, asset string) *statepb.Pool {
	p := &statepb.Pool{}
	if !core.GetProto(r, PoolKey(insurer, asset), p) {
		p = &statepb.Pool{Insurer: insurer, Asset: asset}
	}
	return p
}

// ListPools lists every pool, by insurer then asset.
func ListPools(r store.Reader) []*statepb.Pool { return core.ListProto[statepb.Pool](r, poolPrefix) }

// PoolsOf lists an insurer's pools, by asset.
func PoolsOf(r store.Reader, insurer string) []*statepb.Pool {
	return core.ListProto[statepb.Pool](r, poolsOfPrefix(insurer))
}

func savePool(kv store.KV, p *statepb.Pool) { core.SetProto(kv, PoolKey(p.Insurer, p.Asset), p) }

// Free is what neither active policies' maximum payouts nor anything else claims.
func Free(p *statepb.Pool) int64 { return p.Balance - p.Exposure }

// addToPool moves amount of the insurer's available balance into the pool: the pool's hold
// is released and placed again with the new balance (one hold per pool, however many
// premiums it takes).
func addToPool(ctx *core.Context, p *statepb.Pool, amount int64) error {
	balance, err := money.Add(p.Balance, amount)
	if err != nil {
		return err
	}
	if p.HoldId != 0 {
		if err := bank.ReleaseHoldFor(ctx, p.HoldId); err != nil {
			return err
		}
	}
	id, err := bank.PlaceHold(ctx, p.Insurer, p.Insurer, p.Asset, balance, ctx.Now()+poolHoldLife, "insurance-pool")
	if err != nil {
		return err
	}
	p.HoldId, p.Balance = id, balance
	return nil
}

// takeFromPool returns amount of the pool to the insurer's available balance (to pay it on).
func takeFromPool(ctx *core.Context, p *statepb.Pool, amount int64) error {
	if amount > p.Balance || p.HoldId == 0 {
		panic("pool paying more than it holds")
	}
	if err := bank.ReleaseFromHold(ctx, p.HoldId, amount); err != nil {
		return err
	}
	p.Balance -= amount
	if p.Balance == 0 {
		p.HoldId = 0 // the hold closed at zero
	}
	return nil
}

// FundPool adds to the signer's pool in an asset.
func FundPool(ctx *core.Context, m *txpb.MsgFundPool) error {
	if err := money.CheckPositive("amount", m.Amount); err != nil {
		return err
	}
	if _, err := bank.Asset(ctx.KV, m.Asset); err != nil {
		return err
	}
	p := GetPool(ctx.KV, ctx.Signer, m.Asset)
	if err := addToPool(ctx, p, m.Amount); err != nil {
		return err
	}
	var err error
	if p.Funded, err = money.Add(p.Funded, m.Amount); err != nil {
		return err
	}
	savePool(ctx.KV, p)
	ctx.Emit("insurance.pool_funded", "signer", ctx.Signer, "asset", m.Asset, "amount", core.Itoa(m.Amount),
		"balance", core.Itoa(p.Balance), "hold_id", idText(p.HoldId))
	return nil
}

// WithdrawPool takes back part of the pool no active policy needs.
func WithdrawPool(ctx *core.Context, m *txpb.MsgWithdrawPool) error {
	if err := money.CheckPositive("amount", m.Amount); err != nil {
		return err
	}
	if !core.GetProto(ctx.KV, PoolKey(ctx.Signer, m.Asset), &statepb.Pool{}) {
		return ErrUnknownPool.Wrapf("%s has no pool in %s", ctx.Signer, m.Asset)
	}
	p := GetPool(ctx.KV, ctx.Signer, m.Asset)
	if m.Amount > Free(p) {
		return ErrCapacity.Wrapf("withdraw %d: only %d of the pool is free of active policies", m.Amount, Free(p))
	}
	if err := takeFromPool(ctx, p, m.Amount); err != nil {
		return err
	}
	p.Withdrawals += m.Amount // at most the balance, itself at most funded + premiums
	savePool(ctx.KV, p)
	ctx.Emit("insurance.pool_withdrawn", "signer", ctx.Signer, "asset", m.Asset, "amount", core.Itoa(m.Amount),
		"balance", core.Itoa(p.Balance))
	return nil
}
