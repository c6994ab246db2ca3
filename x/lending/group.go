package lending

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// Group sizes (joint-liability groups are small by design).
const (
	MinGroupMembers = 2
	MaxGroupMembers = 50
)

func GroupKey(id uint64) []byte { return core.Key("lend", "group", idBytes(id)) }

var groupSeqKey = core.Key("lend", "groupseq")

// groupLoanKey indexes a group's loans that hold a guarantee: together they are the fund.
func groupLoanKey(group, loan uint64) []byte {
	return core.Key("lend", "gl", idBytes(group), idBytes(loan))
}
func groupLoanPrefix(group uint64) []byte { return core.Key("lend", "gl", idBytes(group), "") }

// GetGroup reads a group.
func GetGroup(r store.Reader, id uint64) (*statepb.Group, bool) {
	var g statepb.Group
	return &g, core.GetProto(r, GroupKey(id), &g)
}

// CreateGroup forms a joint-liability group under the signing lender.
func CreateGroup(ctx *core.Context, m *txpb.MsgCreateGroup) error {
	if m.Name == "" || len(m.Name) > tx.MaxStringField {
		return ErrBadGroup.Wrapf("name: 1..%d bytes", tx.MaxStringField)
	}
	if n := len(m.Members); n < MinGroupMembers || n > MaxGroupMembers {
		return ErrBadGroup.Wrapf("%d members, need %d..%d", n, MinGroupMembers, MaxGroupMembers)
	}
	seen := map[string]bool{}
	for i, addr := range m.Members {
		if err := tx.ValidateAddress("members", addr); err != nil {
			return err
		}
		if !registry.AccountExists(ctx.KV, addr) {
			return ErrBadGroup.Wrapf("member %d (%s) is not a registered account", i, addr)
		}
		if seen[addr] || addr == ctx.Signer {
			return ErrBadGroup.Wrapf("member %d (%s) is repeated or the lender itself", i, addr)
		}
		seen[addr] = true
	}
	id := uint64(core.GetInt64(ctx.KV, groupSeqKey)) + 1
	core.SetInt64(ctx.KV, groupSeqKey, int64(id))
	core.SetProto(ctx.KV, GroupKey(id), &statepb.Group{Id: id, Lender: ctx.Signer, Name: m.Name, Members: m.Members, CreatedHeight: ctx.Height})
	ctx.Emit("lending.group_created", "group_id", idText(id), "lender", ctx.Signer, "members", core.Itoa(int64(len(m.Members))))
	return nil
}

// checkGroup validates an application's group: required when the product asks for a
// guarantee, under the product's lender, with the borrower as a member.
func checkGroup(r store.Reader, p *statepb.Product, borrower string, groupID uint64) error {
	if groupID == 0 {
		if p.Terms.GroupGuaranteeBps > 0 {
			return ErrBadGroup.Wrapf("product %d lends to groups: group_id is required", p.Id)
		}
		return nil
	}
	g, ok := GetGroup(r, groupID)
	if !ok {
		return ErrUnknownGroup.Wrapf("group %d", groupID)
	}
	if g.Lender != p.Lender {
		return ErrUnknownGroup.Wrapf("group %d belongs to another lender", groupID)
	}
	for _, m := range g.Members {
		if m == borrower {
			return nil
		}
	}
	return ErrNotGroupMember.Wrapf("%s is not in group %d", borrower, groupID)
}

// holdGuarantee places the member's guarantee into the group fund.
func holdGuarantee(ctx *core.Context, l *statepb.Loan, amount int64, clock core.Clock) error {
	if amount == 0 || l.GroupId == 0 {
		return nil
	}
	id, err := bank.PlaceHold(ctx, l.Borrower, l.Lender, l.Asset, amount, securityExpiry(l, clock),
		"group:"+idText(l.GroupId)+":loan:"+idText(l.Id))
	if err != nil {
		return err
	}
	l.GuaranteeHoldId, l.Guarantee = id, amount
	ctx.KV.Set(groupLoanKey(l.GroupId, l.Id), []byte{1})
	return nil
}

// guaranteeLeft is what is still held of a loan's guarantee.
func guaranteeLeft(r store.Reader, l *statepb.Loan) int64 {
	if l.GuaranteeHoldId == 0 {
		return 0
	}
	if h, ok := bank.GetHold(r, l.GuaranteeHoldId); ok {
		return h.Amount
	}
	return 0
}

// coverFromGroup pays what an overdue group loan owes out of the group fund: the member's
// own guarantee first, then the other members' guarantees pro rata (splitProRata over what
// each still holds). What is taken is paid to the lender and allocated like a repayment.
func coverFromGroup(ctx *core.Context, l *statepb.Loan, t *txpb.LoanProduct) error {
	// Only a member who guaranteed into the fund is covered by it.
	if l.GroupId == 0 || l.Guarantee == 0 || l.Dpd <= t.ArrearsGraceDays {
		return nil
	}
	need, err := owedNow(l, ctx.Now())
	if err != nil || need == 0 {
		return err
	}
	taken, err := paySecured(ctx, l, t.Allocation, l.Installments[:dueCount(l, ctx.Now())], "lending.group_cover_failed",
		func(wctx *core.Context) (int64, error) { return takeFromFund(wctx, l, need) })
	if err != nil || taken == 0 {
		return err
	}
	if l.CoveredByGroup, err = money.Add(l.CoveredByGroup, taken); err != nil {
		return err
	}
	ctx.Emit("lending.group_covered", "loan_id", idText(l.Id), "group_id", idText(l.GroupId),
		"borrower", l.Borrower, "asset", l.Asset, "amount", core.Itoa(taken))
	return nil
}

// paySecured pays the loan out of security (collateral, guarantees): take moves the money
// to the lender and says how much.
func paySecured(ctx *core.Context, l *statepb.Loan, strategy string, ins []*statepb.Installment, failEvent string,
	take func(*core.Context) (int64, error)) (int64, error) {
	paid, err := autoPay(ctx, l, l.Lender, strategy, ins, failEvent, take)
	return paid.Total(), err
}

// autoPay is every payment the loan makes by itself (collection, collateral, guarantees):
// take says how much payer can pay (moving it to payer first if it is security); that is
// allocated over ins by strategy and paid on to the lender (or a pooled loan's investors).
// Any failure of the move (a frozen owner, say) changes nothing and is an event, never a
// failed block; the error returned is an amount out of range in the loan's own books.
func autoPay(ctx *core.Context, l *statepb.Loan, payer, strategy string, ins []*statepb.Installment, failEvent string,
	take func(*core.Context) (int64, error)) (Paid, error) {
	var paid Paid
	before := snapshotOwed(l)
	err := core.Tentative(ctx, func(wctx *core.Context) error {
		taken, err := take(wctx)
		if err != nil || taken == 0 {
			return err // nothing to take keeps what take did (a release of unneeded security)
		}
		paid = allocate(strategy, ins, taken)
		return payOut(wctx, l, payer, paid)
	})
	if err != nil {
		restoreOwed(l, before)
		ctx.Emit(failEvent, "loan_id", idText(l.Id), "borrower", l.Borrower, "reason", tx.AsError(err).ID())
		return Paid{}, nil
	}
	if paid.Total() > 0 {
		if err := book(ctx, l, paid); err != nil {
			return Paid{}, err
		}
		countCompletions(l, before, ctx.Today().Day)
	}
	return paid, nil
}

// takeOwnGuarantee moves what is left of the member's own guarantee, up to need, to the
// lender (at default, like collateral).
func takeOwnGuarantee(ctx *core.Context, l *statepb.Loan, need int64) (int64, error) {
	own := min(guaranteeLeft(ctx.KV, l), need)
	if own == 0 {
		return 0, nil
	}
	return own, bank.TakeFromHold(ctx, l.GuaranteeHoldId, own)
}

// takeFromFund moves up to need out of the group's guarantee holds to the lender.
func takeFromFund(ctx *core.Context, l *statepb.Loan, need int64) (int64, error) {
	taken, err := takeOwnGuarantee(ctx, l, need)
	if err != nil {
		return 0, err
	}
	var others []*statepb.Loan
	var weights []int64
	var sum money.Accumulator
	for _, o := range GroupLoans(ctx.KV, l.GroupId) {
		if o.Id == l.Id {
			continue
		}
		if left := guaranteeLeft(ctx.KV, o); left > 0 {
			others, weights = append(others, o), append(weights, left)
			sum.Add(left)
		}
	}
	fund, err := sum.Total()
	if err != nil {
		return 0, err
	}
	shares, err := splitProRata(min(need-taken, fund), weights)
	if err != nil {
		return 0, err
	}
	for i, share := range shares {
		if share == 0 {
			continue
		}
		if err := bank.TakeFromHold(ctx, others[i].GuaranteeHoldId, share); err != nil {
			return 0, err
		}
		ctx.Emit("lending.guarantee_called", "loan_id", idText(others[i].Id), "guarantor", others[i].Borrower,
			"for_loan", idText(l.Id), "asset", l.Asset, "amount", core.Itoa(share))
		taken += share
	}
	return taken, nil
}

// releaseGuarantee lets a member's guarantee go in proportion to principal repaid: the hold
// keeps at most guarantee × outstanding / principal (rounded up), and all of it goes once
// the loan ends.
func releaseGuarantee(ctx *core.Context, l *statepb.Loan) error {
	left := guaranteeLeft(ctx.KV, l)
	if left == 0 {
		return nil
	}
	keep := int64(0)
	if isOpen(l) {
		out, err := outstanding(l)
		if err == nil {
			keep, err = money.MulDiv(l.Guarantee, out, l.Principal, money.RoundingCeiling)
		}
		if err != nil {
			return err
		}
	}
	if left > keep {
		if err := bank.ReleaseFromHold(ctx, l.GuaranteeHoldId, left-keep); err != nil {
			return err
		}
	}
	if keep == 0 {
		ctx.KV.Delete(groupLoanKey(l.GroupId, l.Id))
		l.GuaranteeHoldId = 0
	}
	return nil
}

// GuaranteeHeld is what is still held of a loan's group guarantee.
func GuaranteeHeld(r store.Reader, l *statepb.Loan) int64 { return guaranteeLeft(r, l) }

// GroupLoans lists a group's loans that still hold a guarantee, in id order.
func GroupLoans(r store.Reader, group uint64) []*statepb.Loan {
	return loansIndexed(r, groupLoanPrefix(group))
}
