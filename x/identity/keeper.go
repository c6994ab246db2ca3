package identity

import (
	"sort"
	"strings"

	"github.com/puhui-chain/puhui/statekeys"
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
	ErrNotMember      = tx.Register("identity", 9, "member_not_found")
	ErrLastMember     = tx.Register("identity", 10, "last_member")
)

// MemberKey and AccountKey are the state keys of the records (exported for proofs).
func MemberKey(addr string) []byte  { return core.Key("id", "m", addr) }
func AccountKey(addr string) []byte { return statekeys.Account(addr) }

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
	return core.ListProto[statepb.Member](r, core.Key("id", "m", ""))
}

// AddMember creates a member and its account; used by genesis (and later by governance).
func AddMember(ctx *core.Context, name string, pubKey []byte, roles []Role) (*statepb.Member, error) {
	if len(pubKey) != tx.PubKeySize {
		return nil, ErrBadPubKeyBytes.Wrapf("member %q: %d bytes", name, len(pubKey))
	}
	if len(name) == 0 || len(name) > tx.MaxStringField {
		return nil, ErrBadMemberName.Wrapf("member name length must be 1..%d", tx.MaxStringField)
	}
	names, err := roleNames(roles)
	if err != nil {
		return nil, err
	}
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

func roleNames(roles []Role) ([]string, error) {
	if len(roles) == 0 {
		return nil, ErrBadRole.Wrapf("a member needs at least one role")
	}
	names := make([]string, 0, len(roles))
	for _, r := range roles {
		if !ValidMemberRole(r) {
			return nil, ErrBadRole.Wrapf("unknown role %q", r)
		}
		names = append(names, string(r))
	}
	sort.Strings(names)
	for i := 1; i < len(names); i++ {
		if names[i] == names[i-1] {
			return nil, ErrBadRole.Wrapf("role %q given twice", names[i])
		}
	}
	return names, nil
}

// SetRoles replaces a member's roles (by governance).
func SetRoles(ctx *core.Context, addr string, roles []Role) error {
	m, ok := GetMember(ctx.KV, addr)
	if !ok {
		return ErrNotMember.Wrapf("%s", addr)
	}
	names, err := roleNames(roles)
	if err != nil {
		return err
	}
	m.Roles = names
	core.SetProto(ctx.KV, MemberKey(addr), m)
	ctx.Emit("identity.member_roles_set", "address", addr, "roles", strings.Join(names, ","))
	return nil
}

// RemoveMember ends a membership (by governance). The account stays, as an individual's, so
// that its balances and history remain; the last member cannot leave.
func RemoveMember(ctx *core.Context, addr string) error {
	if _, ok := GetMember(ctx.KV, addr); !ok {
		return ErrNotMember.Wrapf("%s", addr)
	}
	if CountMembers(ctx.KV) <= 1 {
		return ErrLastMember
	}
	ctx.KV.Delete(MemberKey(addr))
	ctx.Emit("identity.member_removed", "address", addr)
	return nil
}

// CountMembers counts the members.
func CountMembers(r store.Reader) int {
	n := 0
	store.IteratePrefix(r, core.Key("id", "m", ""), func(_, _ []byte) bool { n++; return true })
	return n
}

// IsMember reports whether addr is a member.
func IsMember(r store.Reader, addr string) bool { return r.Get(MemberKey(addr)) != nil }
