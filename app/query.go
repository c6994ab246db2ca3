package app

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"

	abci "github.com/cometbft/cometbft/abci/types"
	"google.golang.org/protobuf/encoding/protojson"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/governance"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/ledger"
)

// Query answers read requests from a snapshot of the last committed state. The answer's
// Height is the committed height; proofs are against that height's AppHash, which appears in
// the header of the next height.
func (a *App) Query(_ context.Context, req *abci.QueryRequest) (*abci.QueryResponse, error) {
	snap := a.db.Snapshot()
	defer snap.Close()
	v, err := a.answer(snap, req)
	if err != nil {
		e := tx.AsError(err)
		return &abci.QueryResponse{Code: errCode(e), Codespace: e.Codespace, Log: e.Error(), Height: snap.Height}, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return &abci.QueryResponse{Code: abci.CodeTypeOK, Value: b, Height: snap.Height}, nil
}

func (a *App) answer(s *store.Snapshot, req *abci.QueryRequest) (any, error) {
	arg := string(req.Data)
	switch req.Path {
	case query.PathAccount:
		return accountView(s, arg, req.Prove)
	case query.PathAsset:
		asset, ok := ledger.GetAsset(s, arg)
		if !ok {
			return nil, ledger.ErrUnknownAsset.Wrapf("%s", arg)
		}
		return assetView(asset), nil
	case query.PathAssets:
		out := []query.Asset{}
		for _, asset := range ledger.ListAssets(s) {
			out = append(out, assetView(asset))
		}
		return out, nil
	case query.PathMember:
		m, ok := identity.GetMember(s, arg)
		if !ok {
			return nil, tx.ErrNotFound.Wrapf("member %s", arg)
		}
		return query.Member{Address: m.Address, Name: m.Name, Roles: m.Roles, JoinedHeight: m.JoinedHeight}, nil
	case query.PathMembers:
		out := []query.Member{}
		for _, m := range identity.ListMembers(s) {
			out = append(out, query.Member{Address: m.Address, Name: m.Name, Roles: m.Roles, JoinedHeight: m.JoinedHeight})
		}
		return out, nil
	case query.PathHold:
		id, err := strconv.ParseUint(arg, 10, 64)
		if err != nil {
			return nil, tx.ErrInvalidField.Wrapf("hold id %q", arg)
		}
		h, ok := ledger.GetHold(s, id)
		if !ok {
			return nil, ledger.ErrUnknownHold.Wrapf("hold %d", id)
		}
		return query.Hold{ID: h.Id, Owner: h.Owner, Beneficiary: h.Beneficiary, Asset: h.Asset,
			Amount: h.Amount, ExpiresAt: h.ExpiresAt, Reference: h.Reference}, nil
	case query.PathProposals:
		out := []query.Proposal{}
		for _, p := range governance.ListProposals(s) {
			out = append(out, proposalView(s, p))
		}
		return out, nil
	case query.PathProposal:
		id, err := strconv.ParseUint(arg, 10, 64)
		if err != nil {
			return nil, tx.ErrInvalidField.Wrapf("proposal id %q", arg)
		}
		p, ok := governance.GetProposal(s, id)
		if !ok {
			return nil, governance.ErrUnknownProposal.Wrapf("proposal %d", id)
		}
		return proposalView(s, p), nil
	case query.PathValidators:
		out := []query.Validator{}
		for _, v := range governance.Validators(s) {
			out = append(out, query.Validator{PubKey: v.PubKey, Power: v.Power})
		}
		return out, nil
	case query.PathKYC:
		if err := tx.ValidateAddress("address", arg); err != nil {
			return nil, err
		}
		if !identity.AccountExists(s, arg) && !identity.IsMember(s, arg) {
			return nil, identity.ErrNoAccount.Wrapf("%s", arg)
		}
		v := query.KYC{Address: arg, Level: identity.KYCLevel(s, arg, a.committedTime.Load())}
		if at, ok := identity.GetAttestation(s, arg); ok {
			v.Attested, v.Provider, v.AttestedAt, v.ExpiresAt = true, at.Provider, at.AttestedAt, at.ExpiresAt
			v.EvidenceHash, v.Revoked, v.RevokeReason = at.EvidenceHash, at.Revoked, at.RevokeReason
		}
		return v, nil
	case query.PathSchedulePreview:
		return PreviewSchedule(req.Data)
	case query.PathParams:
		var p query.Params
		if err := json.Unmarshal(s.Get(paramsKey), &p); err != nil {
			return nil, tx.ErrInternal.Wrapf("params: %v", err)
		}
		return p, nil
	}
	if v, ok, err := a.lendingQuery(s, req.Path, arg); ok {
		return v, err
	}
	if v, ok, err := creditQuery(s, req.Path, arg); ok {
		return v, err
	}
	return nil, tx.ErrNotFound.Wrapf("unknown query path %q", req.Path)
}

func assetView(a *statepb.Asset) query.Asset {
	return query.Asset{Code: a.Code, Name: a.Name, Scale: a.Scale, MaxSupply: a.MaxSupply,
		Issuer: a.Issuer, Minted: a.Minted, Burned: a.Burned, Supply: a.Minted - a.Burned}
}

// accountView gathers an account's records; with prove, every key it read comes with a proof.
func accountView(s *store.Snapshot, addr string, prove bool) (*query.Account, error) {
	if err := tx.ValidateAddress("address", addr); err != nil {
		return nil, err
	}
	acc, ok := identity.GetAccount(s, addr)
	if !ok {
		return nil, identity.ErrNoAccount.Wrapf("%s", addr)
	}
	v := &query.Account{
		Address: addr, PubKey: acc.PubKey, Sponsor: acc.Sponsor, KYCLevel: acc.KycLevel,
		Nonce: LastNonce(s, addr), Frozen: ledger.IsFrozen(s, addr), Height: s.Height, Balances: []query.Balance{},
	}
	for _, r := range identity.Roles(s, addr) {
		v.Roles = append(v.Roles, string(r))
	}
	keys := [][]byte{identity.AccountKey(addr), tx.NonceKey(addr), ledger.FrozenKey(addr)}
	for _, b := range ledger.Balances(s, addr) {
		v.Balances = append(v.Balances, query.Balance{Asset: b.Asset, Available: b.Available, Held: b.Held})
		keys = append(keys, ledger.BalanceKey(addr, b.Asset), ledger.HeldKey(addr, b.Asset))
	}
	if !prove {
		return v, nil
	}
	v.AppHash = s.Root
	for _, k := range keys {
		p, err := s.Prove(k)
		if err != nil {
			return nil, tx.ErrInternal.Wrapf("%v", err)
		}
		v.Proofs = append(v.Proofs, query.ProvenEntry{Key: k, Value: s.Get(k), Proof: p})
	}
	return v, nil
}

// proposalView shows a proposal; while voting is open the tally is the current one.
func proposalView(s store.Reader, p *statepb.Proposal) query.Proposal {
	var action map[string]any
	if b, err := protojson.Marshal(p.Action); err == nil {
		_ = json.Unmarshal(b, &action)
	}
	v := query.Proposal{ID: p.Id, Proposer: p.Proposer, Title: p.Title, Description: p.Description, Action: action,
		SubmittedAt: p.SubmittedAt, VotingEndsAt: p.VotingEndsAt, Yes: p.Yes, No: p.No, Abstain: p.Abstain,
		Members: p.Members, ResultLog: p.ResultLog,
		Status: strings.ToLower(strings.TrimPrefix(p.Status.String(), "PROPOSAL_STATUS_"))}
	if p.Status == statepb.ProposalStatus_PROPOSAL_STATUS_VOTING {
		v.Yes, v.No, v.Abstain = governance.Tally(s, p.Id)
		v.Members = uint32(identity.CountMembers(s))
	}
	return v
}
