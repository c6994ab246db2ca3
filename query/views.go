package query

// ABCI query paths.
const (
	PathAccount    = "/account" // data: address
	PathAsset      = "/asset"   // data: asset code
	PathAssets     = "/assets"
	PathMember     = "/member" // data: address
	PathMembers    = "/members"
	PathHold       = "/hold" // data: decimal hold id
	PathParams     = "/params"
	PathProposals  = "/proposals"
	PathProposal   = "/proposal" // data: decimal proposal id
	PathValidators = "/validators"
	PathKYC        = "/kyc" // data: address
)

// KYC is an account's KYC standing: the level in force and the attestation behind it.
type KYC struct {
	Address      string `json:"address"`
	Level        uint32 `json:"level" doc:"the level in force now: the live attestation's, 0 if it expired or was revoked, else the sponsor's declaration"`
	Attested     bool   `json:"attested"`
	Provider     string `json:"provider,omitempty"`
	AttestedAt   int64  `json:"attested_at,omitempty"`
	ExpiresAt    int64  `json:"expires_at,omitempty"`
	EvidenceHash []byte `json:"evidence_hash,omitempty"`
	Revoked      bool   `json:"revoked,omitempty"`
	RevokeReason string `json:"revoke_reason,omitempty"`
	Jurisdiction string `json:"jurisdiction,omitempty" doc:"ISO 3166-1 alpha-2 code the attestation carries"`
}

// ProvenEntry is one state key with its value and a proof against the AppHash of the
// response's height (found in the header of the next height).
type ProvenEntry struct {
	Key   []byte `json:"key"`
	Value []byte `json:"value,omitempty"` // absent: a proof of non-membership
	Proof []byte `json:"proof"`
}

// Balance is one asset holding in minor units.
type Balance struct {
	Asset     string `json:"asset"`
	Available int64  `json:"available,string"`
	Held      int64  `json:"held,string"`
}

// Account is an account's state.
type Account struct {
	Address  string        `json:"address"`
	PubKey   []byte        `json:"pub_key"`
	Sponsor  string        `json:"sponsor,omitempty"`
	KYCLevel uint32        `json:"kyc_level"`
	Roles    []string      `json:"roles"`
	Nonce    uint64        `json:"nonce"`
	Frozen   bool          `json:"frozen"`
	Balances []Balance     `json:"balances"`
	Height   int64         `json:"height"`
	Proofs   []ProvenEntry `json:"proofs,omitempty"`
	AppHash  []byte        `json:"app_hash,omitempty"` // the root the proofs are against
}

// Asset is a registered asset.
type Asset struct {
	Code      string `json:"code"`
	Name      string `json:"name"`
	Scale     uint32 `json:"scale"`
	MaxSupply int64  `json:"max_supply,string"`
	Issuer    string `json:"issuer"`
	Minted    int64  `json:"minted,string"`
	Burned    int64  `json:"burned,string"`
	Supply    int64  `json:"supply,string"`
}

// Member is a consortium member.
type Member struct {
	Address      string   `json:"address"`
	Name         string   `json:"name"`
	Roles        []string `json:"roles"`
	JoinedHeight int64    `json:"joined_height"`
}

// Hold is an open hold.
type Hold struct {
	ID          uint64 `json:"id,string"`
	Owner       string `json:"owner"`
	Beneficiary string `json:"beneficiary"`
	Asset       string `json:"asset"`
	Amount      int64  `json:"amount,string"`
	ExpiresAt   int64  `json:"expires_at"`
	Reference   string `json:"reference,omitempty"`
}

// Params are the chain's application parameters from genesis.
type Params struct {
	ChainID  string `json:"chain_id"`
	TimeZone string `json:"time_zone"`
}

// Event is one typed event of a transaction or block.
type Event struct {
	Type       string      `json:"type"`
	Attributes []Attribute `json:"attributes"`
}

// Attribute is one key/value of an event, in emission order.
type Attribute struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Proposal is a governance proposal with its tally.
type Proposal struct {
	ID           uint64         `json:"id,string"`
	Proposer     string         `json:"proposer"`
	Title        string         `json:"title"`
	Description  string         `json:"description,omitempty"`
	Action       map[string]any `json:"action" doc:"the proposed action, protobuf JSON"`
	SubmittedAt  int64          `json:"submitted_at"`
	VotingEndsAt int64          `json:"voting_ends_at"`
	Status       string         `json:"status" enum:"voting,passed,rejected,failed"`
	Yes          uint32         `json:"yes"`
	No           uint32         `json:"no"`
	Abstain      uint32         `json:"abstain"`
	Members      uint32         `json:"members"`
	ResultLog    string         `json:"result_log,omitempty"`
}

// Validator is a member of the validator set as the application knows it.
type Validator struct {
	PubKey []byte `json:"pub_key"`
	Power  int64  `json:"power"`
}
