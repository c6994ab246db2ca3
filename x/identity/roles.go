package identity

import (
	"sort"

	"github.com/puhui-chain/puhui/x/module"
)

// Role is what a member may do in the consortium (the module contract's role, so that every
// module's routes name roles without importing this module).
type Role = module.Role

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

// Role groups that several modules' routes admit.
var (
	// Issuers register assets and mint them.
	Issuers = []Role{RoleBank, RoleMFI, RoleEnterprise, RoleInsurer}
	// Payers: anyone who holds money of its own. The regulator and auditors supervise and
	// do not trade.
	Payers = []Role{RoleBank, RoleMFI, RoleEnterprise, RoleInsurer, RoleOracle, RoleKYCProvider, RoleIndividual}
	// Sponsors register individuals' accounts.
	Sponsors = []Role{RoleBank, RoleMFI, RoleEnterprise, RoleKYCProvider}
	// Lenders register loan products and decide, disburse and write off loans.
	Lenders = []Role{RoleBank, RoleMFI}
	// Borrowers: individuals and the firms a consortium lends to.
	Borrowers = []Role{RoleIndividual, RoleEnterprise, RoleMFI}
	// ReportUsers obtain credit reports under consent: lenders, and insurers pricing cover.
	ReportUsers = []Role{RoleBank, RoleMFI, RoleInsurer}
	// DocOwners keep private documents and share them; any member may receive them.
	DocOwners = []Role{RoleBank, RoleMFI, RoleEnterprise, RoleInsurer, RoleKYCProvider}
	// Regulators only.
	Regulators = []Role{RoleRegulator}
)

// AllRoles is MemberRoles plus RoleIndividual.
var AllRoles = append(append([]Role{}, MemberRoles...), RoleIndividual)

// ValidMemberRole reports whether r can be granted to a member.
func ValidMemberRole(r Role) bool {
	i := sort.Search(len(MemberRoles), func(i int) bool { return MemberRoles[i] >= r })
	return i < len(MemberRoles) && MemberRoles[i] == r
}

// MaxKYCLevel is the highest KYC level.
const MaxKYCLevel = 3
