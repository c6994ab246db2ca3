package scf

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
)

// GetLine reads a credit line.
func GetLine(r store.Reader, id uint64) (*statepb.CreditLine, bool) {
	var l statepb.CreditLine
	return &l, core.GetProto(r, LineKey(id), &l)
}

func mustLine(r store.Reader, id uint64) (*statepb.CreditLine, error) {
	l, ok := GetLine(r, id)
	if !ok {
		return nil, ErrUnknownLine.Wrapf("line %d", id)
	}
	return l, nil
}

// GrantLine executes MsgGrantCreditLine: the signing bank grants an enterprise member a line.
func GrantLine(ctx *core.Context, m *txpb.MsgGrantCreditLine) error {
	if err := tx.ValidateAddress("enterprise", m.Enterprise); err != nil {
		return err
	}
	if !registry.HasRole(ctx.KV, m.Enterprise, identity.RoleEnterprise) {
		return ErrBadParty.Wrapf("%s is not an enterprise member", m.Enterprise)
	}
	if _, err := bank.Asset(ctx.KV, m.Asset); err != nil {
		return err
	}
	if err := money.CheckPositive("limit", m.Limit); err != nil {
		return ErrBadLine.Wrapf("%v", err)
	}
	if m.ExpiresAt <= ctx.Now() {
		return ErrBadLine.Wrapf("expires_at %d is not after the block time %d", m.ExpiresAt, ctx.Now())
	}
	l := &statepb.CreditLine{Id: nextID(ctx.KV, lineSeqKey), Bank: ctx.Signer, Enterprise: m.Enterprise,
		Asset: m.Asset, Limit: m.Limit, ExpiresAt: m.ExpiresAt, GrantedAt: ctx.Now()}
	core.SetProto(ctx.KV, LineKey(l.Id), l)
	ctx.KV.Set(linesOfKey(l.Enterprise, l.Id), []byte{1})
	ctx.Emit("scf.line_granted", "line", idText(l.Id), "bank", l.Bank, "enterprise", l.Enterprise,
		"asset", l.Asset, "limit", core.Itoa(l.Limit), "expires_at", core.Itoa(l.ExpiresAt))
	return nil
}

// SetLine executes MsgSetCreditLine: the granting bank changes the limit or closes the line.
// Issued certificates are never touched: a limit below what they use is refused.
func SetLine(ctx *core.Context, m *txpb.MsgSetCreditLine) error {
	l, err := mustLine(ctx.KV, m.LineId)
	if err != nil {
		return err
	}
	if l.Bank != ctx.Signer {
		return ErrNotLineBank.Wrapf("line %d was granted by %s", l.Id, l.Bank)
	}
	if m.Limit < 0 || m.Limit == 0 && !m.Close {
		return ErrBadLine.Wrapf("limit %d: a positive new limit, or close", m.Limit)
	}
	if m.Limit > 0 {
		if m.Limit < l.Used {
			return ErrLimitBelowUsed.Wrapf("limit %d is below the %d the line's certificates use", m.Limit, l.Used)
		}
		l.Limit = m.Limit
	}
	l.Closed = l.Closed || m.Close
	core.SetProto(ctx.KV, LineKey(l.Id), l)
	ctx.Emit("scf.line_changed", "line", idText(l.Id), "limit", core.Itoa(l.Limit), "closed", boolText(l.Closed))
	return nil
}

// useLine takes face from the line for an issue, within its limit and term.
func useLine(ctx *core.Context, l *statepb.CreditLine, face int64) error {
	switch {
	case l.Closed:
		return ErrLineClosed.Wrapf("line %d is closed", l.Id)
	case ctx.Now() >= l.ExpiresAt:
		return ErrLineClosed.Wrapf("line %d expired at %d", l.Id, l.ExpiresAt)
	}
	used, err := money.Add(l.Used, face)
	if err != nil || used > l.Limit {
		return ErrLineExceeded.Wrapf("line %d: %d used of %d, %d more asked", l.Id, l.Used, l.Limit, face)
	}
	l.Used = used
	core.SetProto(ctx.KV, LineKey(l.Id), l)
	return nil
}

// releaseLine gives face back to the line (a settled part, a refused or withdrawn issue).
func releaseLine(ctx *core.Context, lineID uint64, face int64) {
	l, ok := GetLine(ctx.KV, lineID)
	if !ok || l.Used < face {
		panic("scf: releasing more than a line uses")
	}
	l.Used -= face
	core.SetProto(ctx.KV, LineKey(l.Id), l)
	ctx.Emit("scf.line_released", "line", idText(l.Id), "amount", core.Itoa(face), "used", core.Itoa(l.Used))
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
