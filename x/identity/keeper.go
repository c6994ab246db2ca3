package identity

import (
	"sort"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// Errors (codespace "identity").
var (
	ErrAccountExists  = tx.Register("identity", 1, "account_exists")
	ErrNoAccount      = tx.Register("identity", 2, "account_not_found")
	ErrBadKYCLevel    = tx.Register("identity", 3, "bad_kyc_level")
	ErrNotSponsor     = tx.Register("identity", 4, "not_sponsor")
	ErrBadRole        = tx.Register("identity", 5, "bad_role")
	ErrMemberExists   = tx.Register("identity", 6, "member_exists")
	ErrBadMemberName  = tx.Register("identity", 7, "bad_member_name")
	ErrBadPubKeyBytes = tx.Register("identity", 8, "bad_pub_key")
)

// MemberKey and AccountKey are the state keys of the records (exported for proofs).
func MemberKey(addr string) []byte  { return core.Key("id", "m", addr) }
func AccountKey(addr string) []byte { return core.Key("id", "a", addr) }

// GetAccount reads an account.
func GetAccount(r store.Reader, addr string) (*statepb.Account, bool) {
	var a statepb.Account
	return &a, core.GetProto(r, AccountKey(addr), &a)
}

// AccountExists reports whether addr is a registered account.
func AccountExists(r store.Reader, addr string) bool { return r.Get(AccountKey(addr)) != nil }

// GetMember reads a member.
func GetMember(r store.Reader, addr string) (*statepb.Member, bool) {
	var m statepb.Member
	return &m, core.GetProto(r, MemberKey(addr), &m)
}

// Roles returns an address's roles: a member's granted roles, RoleIndividual for an account
// that is not a member, none for an unknown address.
func Roles(r store.Reader, addr string) []Role {
	if m, ok := GetMember(r, addr); ok {
		out := make([]Role, len(m.Roles))
		for i, s := range m.Roles {
			out[i] = Role(s)
		}
		return out
	}
	if AccountExists(r, addr) {
		return []Role{RoleIndividual}
	}
	return nil
}

// HasRole reports whether addr holds role.
func HasRole(r store.Reader, addr string, role Role) bool {
	for _, have := range Roles(r, addr) {
		if have == role {
			return true
		}
	}
	return false
}

// ListMembers returns every member in address order.
func ListMembers(r store.Reader) []*statepb.Member {
	var out []*statepb.Member
	store.IteratePrefix(r, core.Key("id", "m", ""), func(_, v []byte) bool {
		var m statepb.Member
		core.MustUnmarshal(v, &m)
		out = append(out, &m)
		return true
	})
	return out
}

// AddMember creates a member and its account; used by genesis (and later by governance).
func AddMember(ctx *core.Context, name string, pubKey []byte, roles []Role) (*statepb.Member, error) {
	if len(pubKey) != tx.PubKeySize {
		return nil, ErrBadPubKeyBytes.Wrapf("member %q: %d bytes", name, len(pubKey))
	}
	if len(name) == 0 || len(name) > tx.MaxStringField {
		return nil, ErrBadMemberName.Wrapf("member name length must be 1..%d", tx.MaxStringField)
	}
	if len(roles) == 0 {
		return nil, ErrBadRole.Wrapf("member %q has no role", name)
	}
	names := make([]string, 0, len(roles))
	for _, r := range roles {
		if !ValidMemberRole(r) {
			return nil, ErrBadRole.Wrapf("unknown role %q", r)
		}
		names = append(names, string(r))
	}
	sort.Strings(names)
	addr := tx.AddressOf(pubKey)
	if _, ok := GetMember(ctx.KV, addr); ok {
		return nil, ErrMemberExists.Wrapf("%s", addr)
	}
	m := &statepb.Member{Address: addr, Name: name, Roles: names, JoinedHeight: ctx.Height}
	core.SetProto(ctx.KV, MemberKey(addr), m)
	if !AccountExists(ctx.KV, addr) {
		core.SetProto(ctx.KV, AccountKey(addr), &statepb.Account{Address: addr, PubKey: pubKey, CreatedHeight: ctx.Height})
	}
	ctx.Emit("identity.member_added", "address", addr, "name", name)
	return m, nil
}
