package identity

import (
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/module"
)

// Module is identity as the application plugs it in.
func Module() module.Module {
	return module.Module{
		Name:     "identity",
		Prefixes: [][]byte{core.Key("id", "")},
		Routes: []module.Route{
			module.Handle("register_account", Sponsors, (*txpb.Msg).GetRegisterAccount, RegisterAccount).Validated(basicRegisterAccount),
			module.Handle("set_kyc_level", []Role{RoleKYCProvider, RoleBank, RoleMFI}, (*txpb.Msg).GetSetKycLevel, SetKYCLevel).Validated(basicSetKycLevel),
			module.Handle("attest_kyc", []Role{RoleKYCProvider}, (*txpb.Msg).GetAttestKyc, AttestKYC).Validated(basicAttestKyc),
			module.Handle("revoke_kyc", []Role{RoleKYCProvider}, (*txpb.Msg).GetRevokeKyc, RevokeKYC).Validated(basicRevokeKyc),
		},
		Queries: []module.Query{
			module.Answer(query.GetMember, func(q module.QueryContext, addr string) (query.Member, error) {
				m, ok := GetMember(q.State, addr)
				if !ok {
					return query.Member{}, tx.ErrNotFound.Wrapf("member %s", addr)
				}
				return memberView(m), nil
			}),
			module.Answer(query.ListMembers, func(q module.QueryContext, _ string) ([]query.Member, error) {
				out := []query.Member{}
				for _, m := range ListMembers(q.State) {
					out = append(out, memberView(m))
				}
				return out, nil
			}),
			module.Answer(query.GetKYC, func(q module.QueryContext, addr string) (query.KYC, error) {
				if !AccountExists(q.State, addr) && !IsMember(q.State, addr) {
					return query.KYC{}, ErrNoAccount.Wrapf("%s", addr)
				}
				v := query.KYC{Address: addr, Level: KYCLevel(q.State, addr, q.Now)}
				if at, ok := GetAttestation(q.State, addr); ok {
					v.Attested, v.Provider, v.AttestedAt, v.ExpiresAt = true, at.Provider, at.AttestedAt, at.ExpiresAt
					v.EvidenceHash, v.Revoked, v.RevokeReason = at.EvidenceHash, at.Revoked, at.RevokeReason
					v.Jurisdiction = at.Jurisdiction
				}
				return v, nil
			}),
		},
	}
}

func memberView(m *statepb.Member) query.Member {
	return query.Member{Address: m.Address, Name: m.Name, Roles: m.Roles, JoinedHeight: m.JoinedHeight}
}

// Registry is identity as other modules see it through the narrow interfaces they declare.
// It holds no state.
type Registry struct{}

func (Registry) AccountExists(r store.Reader, addr string) bool { return AccountExists(r, addr) }

func (Registry) EffectiveKYCLevel(r store.Reader, addr string, now int64) uint32 {
	return EffectiveKYCLevel(r, addr, now)
}

// HasRole reports whether addr is a member holding role.
func (Registry) HasRole(r store.Reader, addr string, role Role) bool { return HasRole(r, addr, role) }
