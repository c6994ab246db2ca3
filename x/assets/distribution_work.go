package assets

import (
	"encoding/binary"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// StepsPerBlock bounds the distribution work of one block: holders read plus payouts made.
const StepsPerBlock = 200

// maxOpenPerBlock bounds how many open distributions one block looks at.
const maxOpenPerBlock = 16

// Phases: the holders in the index are read in address order (their floors and remainders
// stored, ranked); then the record holders who left the index meanwhile (their snapshots);
// the snapshot closes once the index is read, since every record holder not read by then
// has a snapshot. Then payouts in largest-remainder order: the first (amount − Σ floors) get
// one unit more. Each step costs a bounded number of reads and writes.

// EndBlock advances open distributions, oldest first, within StepsPerBlock.
func (k keeper) EndBlock(ctx *core.Context) error {
	var open []uint64
	store.IteratePrefix(ctx.KV, openPrefix, func(key, _ []byte) bool {
		open = append(open, binary.BigEndian.Uint64(key[len(openPrefix):]))
		return len(open) < maxOpenPerBlock
	})
	budget := StepsPerBlock
	for _, id := range open {
		if budget <= 0 {
			break
		}
		d, ok := GetDistribution(ctx.KV, id)
		if !ok {
			panic("open distribution without a record")
		}
		budget = k.advance(ctx, d, budget)
		core.SetProto(ctx.KV, DistributionKey(id), d)
	}
	return nil
}

func (k keeper) advance(ctx *core.Context, d *statepb.Distribution, budget int) int {
	for budget > 0 && d.Phase != statepb.DistributionPhase_DISTRIBUTION_PHASE_DONE {
		switch d.Phase {
		case statepb.DistributionPhase_DISTRIBUTION_PHASE_HOLDERS:
			budget = readHolders(ctx, d, budget)
		case statepb.DistributionPhase_DISTRIBUTION_PHASE_LEFT:
			budget = readLeft(ctx, d, budget)
		case statepb.DistributionPhase_DISTRIBUTION_PHASE_PAYING:
			budget = k.pay(ctx, d, budget)
		}
	}
	return budget
}

// readHolders reads up to budget holders of the index after the cursor.
func readHolders(ctx *core.Context, d *statepb.Distribution, budget int) int {
	var batch []string
	forHolders(ctx.KV, d.Asset, d.Cursor, func(addr string) bool {
		batch = append(batch, addr)
		return len(batch) < budget
	})
	for _, addr := range batch {
		if bal := recorded(ctx.KV, d, addr); bal > 0 {
			addEntry(ctx, d, addr, bal)
		}
		d.Cursor = addr
	}
	if len(batch) < budget {
		d.Phase = statepb.DistributionPhase_DISTRIBUTION_PHASE_LEFT
		if a, ok := GetRuled(ctx.KV, d.Asset); ok && a.OpenDistribution == d.Id {
			a.OpenDistribution = 0
			core.SetProto(ctx.KV, RulesKey(d.Asset), a)
		}
		ctx.Emit("assets.distribution_recorded", "distribution", core.Itoa(int64(d.Id)), "holders_of", d.Asset)
	}
	return budget - max(len(batch), 1)
}

// readLeft reads (and deletes) up to budget snapshot records: a record holder without an
// entry left the index before it was read.
func readLeft(ctx *core.Context, d *statepb.Distribution, budget int) int {
	type snap struct {
		addr string
		bal  int64
	}
	var batch []snap
	prefix := snapPrefix(d.Id)
	store.IteratePrefix(ctx.KV, prefix, func(key, v []byte) bool {
		batch = append(batch, snap{string(key[len(prefix):]), int64(binary.BigEndian.Uint64(v))})
		return len(batch) < budget
	})
	for _, s := range batch {
		ctx.KV.Delete(snapKey(d.Id, s.addr))
		if s.bal > 0 && ctx.KV.Get(PayoutKey(d.Id, s.addr)) == nil {
			addEntry(ctx, d, s.addr, s.bal)
		}
	}
	if len(batch) < budget {
		d.Phase = statepb.DistributionPhase_DISTRIBUTION_PHASE_PAYING
	}
	return budget - max(len(batch), 1)
}

func addEntry(ctx *core.Context, d *statepb.Distribution, addr string, bal int64) {
	floor, rem := share(d.Amount, bal, d.Base)
	core.SetProto(ctx.KV, PayoutKey(d.Id, addr), &statepb.Payout{Holder: addr, Balance: bal, Floor: floor, Remainder: rem})
	ctx.KV.Set(rankKey(d.Id, rem, bal, addr), []byte(addr))
	d.Floors += floor
	d.Entries++
}

// pay makes up to budget payouts in rank order; a payout the ledger refuses returns to the
// issuer and is recorded as refused.
func (k keeper) pay(ctx *core.Context, d *statepb.Distribution, budget int) int {
	type ranked struct{ key, addr []byte }
	var batch []ranked
	store.IteratePrefix(ctx.KV, rankPrefix(d.Id), func(key, v []byte) bool {
		batch = append(batch, ranked{append([]byte(nil), key...), append([]byte(nil), v...)})
		return len(batch) < budget
	})
	leftover := d.Amount - d.Floors
	for _, r := range batch {
		ctx.KV.Delete(r.key)
		p, _ := GetPayout(ctx.KV, d.Id, string(r.addr))
		p.Amount = p.Floor
		if int64(d.PaidCount) < leftover {
			p.Amount++
		}
		d.PaidCount++
		k.payOne(ctx, d, p)
		core.SetProto(ctx.KV, PayoutKey(d.Id, p.Holder), p)
	}
	if len(batch) < budget {
		d.Phase, d.FinishedAt = statepb.DistributionPhase_DISTRIBUTION_PHASE_DONE, ctx.Now()
		ctx.KV.Delete(openKey(d.Id))
		ctx.Emit("assets.distribution_finished", "distribution", core.Itoa(int64(d.Id)), "asset", d.SettlementAsset,
			"paid", core.Itoa(d.Paid), "returned", core.Itoa(d.Returned), "holders", core.Itoa(int64(d.Entries)))
	}
	return budget - max(len(batch), 1)
}

func (k keeper) payOne(ctx *core.Context, d *statepb.Distribution, p *statepb.Payout) {
	if p.Amount == 0 {
		p.Paid = true
		return
	}
	err := core.Tentative(ctx, func(c *core.Context) error {
		if err := k.bank.ReleaseFromHold(c, d.HoldId, p.Amount); err != nil {
			return err
		}
		return k.bank.Move(c, d.Issuer, p.Holder, d.SettlementAsset, p.Amount)
	})
	if err == nil {
		p.Paid = true
		d.Paid += p.Amount
		ctx.Emit("assets.distribution_paid", "distribution", core.Itoa(int64(d.Id)), "to", p.Holder,
			"asset", d.SettlementAsset, "amount", core.Itoa(p.Amount))
		return
	}
	// Refused (the receiver cannot take it): the share goes back to the issuer.
	p.Refused, p.Refusal = true, err.Error()
	_ = core.Tentative(ctx, func(c *core.Context) error { return k.bank.ReleaseFromHold(c, d.HoldId, p.Amount) })
	d.Returned += p.Amount
	ctx.Emit("assets.distribution_refused", "distribution", core.Itoa(int64(d.Id)), "to", p.Holder,
		"asset", d.SettlementAsset, "amount", core.Itoa(p.Amount), "reason", p.Refusal)
}
