package app

import (
	"encoding/json"
	"fmt"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/governance"
	"github.com/puhui-chain/puhui/x/identity"
)

// Genesis is the application part of the genesis file (app_state).
type Genesis struct {
	// TimeZone is the consortium's IANA time zone; business dates are block time there.
	TimeZone string `json:"time_zone"`
	// TimeScale speeds business time up on a sandbox chain (1: real time; 86400: a business
	// day per second of block time). Loan due dates and days past due count business time.
	TimeScale int64           `json:"time_scale,omitempty"`
	Members   []GenesisMember `json:"members"`
	// Governance parameters; defaults: a week of voting, more than 2/3 of members.
	Governance *GovernanceGenesis `json:"governance,omitempty"`
	// State, when present, is an exported chain's whole state (puhui export): the chain
	// starts from it, and the fields above are only descriptive.
	State *GenesisState `json:"state,omitempty"`
}

// GovernanceGenesis sets the voting period and the pass threshold (a fraction of members).
type GovernanceGenesis struct {
	VotingPeriodSeconds  int64  `json:"voting_period_seconds"`
	ThresholdNumerator   uint32 `json:"threshold_numerator"`
	ThresholdDenominator uint32 `json:"threshold_denominator"`
}

// GenesisMember is a founding member.
type GenesisMember struct {
	Name   string   `json:"name"`
	PubKey []byte   `json:"pub_key"` // Ed25519, base64 in JSON
	Roles  []string `json:"roles"`
}

var paramsKey = core.Key("app", "params")

// Validate checks a genesis before any state is written.
func (g *Genesis) Validate() error {
	if _, err := core.Location(g.TimeZone); err != nil {
		return fmt.Errorf("genesis time_zone: %w", err)
	}
	if len(g.Members) == 0 && g.State == nil {
		return fmt.Errorf("genesis needs at least one member")
	}
	return nil
}

// apply writes the genesis state.
func (g *Genesis) apply(ctx *core.Context, chainID string) error {
	if err := g.Validate(); err != nil {
		return err
	}
	params, err := json.Marshal(query.Params{ChainID: chainID, TimeZone: g.TimeZone})
	if err != nil {
		return err
	}
	ctx.KV.Set(paramsKey, params)
	scale := g.TimeScale
	if scale == 0 {
		scale = 1
	}
	if err := core.SetClock(ctx.KV, g.TimeZone, ctx.Now(), scale); err != nil {
		return fmt.Errorf("genesis: %w", err)
	}
	gp := governance.DefaultParams()
	if g.Governance != nil {
		gp = &statepb.GovParams{VotingPeriodSeconds: g.Governance.VotingPeriodSeconds,
			ThresholdNumerator: g.Governance.ThresholdNumerator, ThresholdDenominator: g.Governance.ThresholdDenominator}
	}
	if err := governance.SetParams(ctx.KV, gp); err != nil {
		return fmt.Errorf("genesis governance: %w", err)
	}
	for _, m := range g.Members {
		roles := make([]identity.Role, len(m.Roles))
		for i, r := range m.Roles {
			roles[i] = identity.Role(r)
		}
		if _, err := identity.AddMember(ctx, m.Name, m.PubKey, roles); err != nil {
			return fmt.Errorf("genesis member %q: %w", m.Name, err)
		}
	}
	return nil
}
