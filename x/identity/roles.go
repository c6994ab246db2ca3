package identity

import "sort"

// Role is what a member may do in the consortium.
type Role string

// The roles. RoleIndividual is not granted: it is what an account without a member record is.
const (
	RoleBank        Role = "bank"
	RoleMFI         Role = "mfi"
	RoleEnterprise  Role = "enterprise"
	RoleInsurer     Role = "insurer"
	RoleOracle      Role = "oracle"
	RoleKYCProvider Role = "kyc_provider"
	RoleRegulator   Role = "regulator"
	RoleAuditor     Role = "auditor"
	RoleScorer      Role = "scorer" // registers credit scorecard models
	RoleIndividual  Role = "individual"
)

// MemberRoles lists the roles a member can hold, sorted.
var MemberRoles = []Role{RoleAuditor, RoleBank, RoleEnterprise, RoleInsurer, RoleKYCProvider, RoleMFI, RoleOracle,
	RoleRegulator, RoleScorer}

// AllRoles is MemberRoles plus RoleIndividual.
var AllRoles = append(append([]Role{}, MemberRoles...), RoleIndividual)

// ValidMemberRole reports whether r can be granted to a member.
func ValidMemberRole(r Role) bool {
	i := sort.Search(len(MemberRoles), func(i int) bool { return MemberRoles[i] >= r })
	return i < len(MemberRoles) && MemberRoles[i] == r
}

// MaxKYCLevel is the highest KYC level.
const MaxKYCLevel = 3
