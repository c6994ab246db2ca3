package compliance

import (
	"slices"

	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// Related parties: the regulator (or governance) declares groups of borrowers under common
// control; the large-exposure view applies the related-party limit to a group's combined
// exposure with a lender. A borrower belongs to one group at most.

const maxGroupMembers = 50

// validGroupName: 1..64 of a-z, 0-9, - and _.
func validGroupName(name string) bool {
	if len(name) < 1 || len(name) > 64 {
		return false
	}
	for _, c := range name {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// checkRelated is MsgDeclareRelatedParties's stateless shape.
func checkRelated(m *txpb.MsgDeclareRelatedParties) error {
	if !validGroupName(m.GetGroup()) {
		return ErrBadGroup.Wrapf("group %q: 1..64 of a-z, 0-9, - and _", m.GetGroup())
	}
	if n := len(m.GetMembers()); n == 1 || n > maxGroupMembers {
		return ErrBadGroup.Wrapf("%d members: 2..%d, or none to dissolve the group", n, maxGroupMembers)
	}
	seen := map[string]bool{}
	for _, a := range m.GetMembers() {
		if err := tx.ValidateAddress("members", a); err != nil {
			return err
		}
		if seen[a] {
			return ErrBadGroup.Wrapf("member %s named twice", a)
		}
		seen[a] = true
	}
	return checkReason(m.GetReason())
}

// DeclareRelated executes MsgDeclareRelatedParties: the group's members become exactly the
// ones named (none: the group is dissolved).
func DeclareRelated(ctx *core.Context, m *txpb.MsgDeclareRelatedParties) error {
	if err := checkRelated(m); err != nil {
		return err
	}
	old, exists := GetRelatedGroup(ctx.KV, m.Group)
	if !exists && len(m.Members) == 0 {
		return ErrBadGroup.Wrapf("group %s does not exist", m.Group)
	}
	for _, a := range m.Members {
		if !registry.AccountExists(ctx.KV, a) {
			return ErrUnknownAccount.Wrapf("member %s", a)
		}
		if g := RelatedGroupOf(ctx.KV, a); g != "" && g != m.Group {
			return ErrBadGroup.Wrapf("member %s already belongs to group %s", a, g)
		}
	}
	for _, a := range old.GetMembers() {
		ctx.KV.Delete(relatedOfKey(a))
	}
	if len(m.Members) == 0 {
		ctx.KV.Delete(RelatedGroupKey(m.Group))
		ctx.Emit("compliance.related_group_dissolved", "group", m.Group, "by", ctx.Signer, "reason", m.Reason)
		return nil
	}
	members := slices.Clone(m.Members)
	slices.Sort(members)
	for _, a := range members {
		ctx.KV.Set(relatedOfKey(a), []byte(m.Group))
	}
	core.SetProto(ctx.KV, RelatedGroupKey(m.Group), &statepb.RelatedGroup{Name: m.Group, Members: members,
		DeclaredBy: ctx.Signer, DeclaredAt: ctx.Now(), Reason: m.Reason})
	ctx.Emit("compliance.related_group_declared", "group", m.Group, "members", itoa(int64(len(members))),
		"by", ctx.Signer, "reason", m.Reason)
	return nil
}

// GetRelatedGroup reads a declared group.
func GetRelatedGroup(r store.Reader, name string) (*statepb.RelatedGroup, bool) {
	var g statepb.RelatedGroup
	return &g, core.GetProto(r, RelatedGroupKey(name), &g)
}

// RelatedGroupOf is the group a borrower belongs to, or "".
func RelatedGroupOf(r store.Reader, addr string) string { return string(r.Get(relatedOfKey(addr))) }

// RelatedGroupsPage answers query.PathRelatedGroups: a page of the groups after a name.
func RelatedGroupsPage(r store.Reader, after string) query.RelatedGroups {
	prefix := RelatedGroupKey("")
	start := prefix
	if after != "" {
		start = append(RelatedGroupKey(after), 0)
	}
	out := query.RelatedGroups{Groups: []query.RelatedGroup{}}
	r.Iterate(start, store.PrefixEnd(prefix), func(_, v []byte) bool {
		var g statepb.RelatedGroup
		if proto.Unmarshal(v, &g) != nil {
			return true
		}
		if len(out.Groups) == query.PageSize {
			out.Next = out.Groups[len(out.Groups)-1].Name
			return false
		}
		out.Groups = append(out.Groups, query.RelatedGroup{Name: g.Name, Members: g.Members, DeclaredBy: g.DeclaredBy,
			DeclaredAt: g.DeclaredAt, Reason: g.Reason})
		return true
	})
	return out
}
