package compliance

import (
	"encoding/hex"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/ledger"
)

// SanctionsHash is a list entry for an address (query.SanctionsHash, which clients use too).
func SanctionsHash(salt, addr string) string { return query.SanctionsHash(salt, addr) }

func listed(ctx *core.Context, salt []byte, addr string) bool {
	return addr != "" && ctx.KV.Get(SanctionsKey(SanctionsHash(string(salt), addr))) != nil
}

// checkSanctions refuses a movement from a listed account, and freezes a listed account
// at once (with an alert) whichever side of a movement it is on. A listed receiver still
// receives: a frozen account may.
func checkSanctions(ctx *core.Context, m ledger.Movement) error {
	salt := ctx.KV.Get(saltKey)
	if salt == nil {
		return nil
	}
	if listed(ctx, salt, m.To) {
		to := m.To
		ctx.KeepAfter(func(k *core.Context) { freezeSanctioned(k, to, m) })
	}
	if m.Kind != ledger.MoveRelease && listed(ctx, salt, m.From) {
		from := m.From
		ctx.KeepAfter(func(k *core.Context) { freezeSanctioned(k, from, m) })
		return ErrSanctioned.Wrapf("%s is on the sanctions list", m.From)
	}
	return nil
}

// freezeSanctioned issues a whole-account order without expiry (lifted only by the
// regulator) and raises an alert, once per account.
func freezeSanctioned(ctx *core.Context, addr string, m ledger.Movement) {
	if ctx.KV.Get(sanctionsFreezeKey(addr)) != nil {
		return
	}
	o := &statepb.FreezeOrder{Id: nextID(ctx, orderSeqKey), Account: addr, WholeAccount: true,
		Authority: "sanctions list", LegalBasis: "sanctions list hit",
		DocumentNumber: "sanctions:" + SanctionsHash(string(ctx.KV.Get(saltKey)), addr), Start: ctx.Now(),
		IssuedBy: "compliance", Reason: "a movement involved a listed account", Status: orderPending}
	ctx.KV.Set(ordersOfKey(addr, o.Id), []byte{1})
	ctx.KV.Set(sanctionsFreezeKey(addr), []byte(idText(o.Id)))
	if err := activate(ctx, o); err != nil {
		panic(err) // a whole-account order adds no amount: it cannot overflow
	}
	raise(ctx, &statepb.Alert{Rule: "sanctions_list", Code: "sanctions_hit", Outcome: "sanctions", Subject: addr,
		Movement: &statepb.MovementRecord{Kind: string(m.Kind), From: m.From, To: m.To, Asset: m.Asset, Amount: m.Amount}})
}

// UpdateSanctions sets the salt and adds and removes entries (regulator or governance).
func UpdateSanctions(ctx *core.Context, m *txpb.MsgUpdateSanctionsList) error {
	if err := checkReason(m.Reason); err != nil {
		return err
	}
	if len(m.Salt) > 64 || len(m.Add)+len(m.Remove) > maxSanctionsPerMsg {
		return ErrBadSanctions.Wrapf("salt at most 64 bytes, at most %d entries per update", maxSanctionsPerMsg)
	}
	for _, h := range append(append([]string{}, m.Add...), m.Remove...) {
		if b, err := hex.DecodeString(h); err != nil || len(b) != 32 || hex.EncodeToString(b) != h {
			return ErrBadSanctions.Wrapf("entry %q: a SHA-256 in lower-case hex", h)
		}
	}
	if m.Salt != "" {
		ctx.KV.Set(saltKey, []byte(m.Salt))
	}
	if ctx.KV.Get(saltKey) == nil && len(m.Add) > 0 {
		return ErrBadSanctions.Wrapf("the list has no salt yet")
	}
	for _, h := range m.Add {
		core.SetProto(ctx.KV, SanctionsKey(h), &statepb.SanctionsEntry{Hash: h, ListedBy: ctx.Signer, ListedAt: ctx.Now(), Reason: m.Reason})
	}
	for _, h := range m.Remove {
		ctx.KV.Delete(SanctionsKey(h))
	}
	ctx.Emit("compliance.sanctions_updated", "added", itoa(int64(len(m.Add))), "removed", itoa(int64(len(m.Remove))),
		"salt_changed", boolText(m.Salt != ""), "by", ctx.Signer, "reason", m.Reason)
	return nil
}
