package assets

import (
	"strconv"
	"strings"

	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/ledger"
)

var modeNames = map[txpb.TransferMode]string{txpb.TransferMode_TRANSFER_MODE_FREE: "free",
	txpb.TransferMode_TRANSFER_MODE_ALLOW_LIST: "allow_list", txpb.TransferMode_TRANSFER_MODE_PRE_APPROVED: "pre_approved"}

var phaseNames = map[statepb.DistributionPhase]string{statepb.DistributionPhase_DISTRIBUTION_PHASE_HOLDERS: "holders",
	statepb.DistributionPhase_DISTRIBUTION_PHASE_LEFT: "left", statepb.DistributionPhase_DISTRIBUTION_PHASE_PAYING: "paying",
	statepb.DistributionPhase_DISTRIBUTION_PHASE_DONE: "done"}

// RulesView is a ruled asset as queries show it.
func RulesView(a *statepb.RuledAsset) query.AssetRules {
	s := a.Rules
	return query.AssetRules{Asset: a.Asset, Issuer: a.Issuer, MinKYCLevel: s.MinKycLevel, Jurisdictions: append([]string{}, s.Jurisdictions...),
		MaxHolders: s.MaxHolders, MaxBalance: s.MaxBalance, MaxSupply: s.MaxSupply, LockupSeconds: s.LockupSeconds,
		TransferMode: modeNames[s.TransferMode], Revocable: s.Revocable, Agents: append([]string{}, s.Agents...), Paused: a.Paused, Holders: a.Holders,
		RegisteredAt: a.RegisteredAt, OpenDistribution: a.OpenDistribution}
}

func ruledOrError(r store.Reader, code string) (*statepb.RuledAsset, error) {
	if err := ledger.ValidateAssetCode("asset", code); err != nil {
		return nil, err
	}
	a, ok := GetRuled(r, code)
	if !ok {
		return nil, ErrUnknownAsset.Wrapf("%s was not registered through x/assets", code)
	}
	return a, nil
}

// HoldersPage answers query.PathAssetHolders (code[/after]); its next is the last holder.
func HoldersPage(r store.Reader, arg string) (query.AssetHolders, error) {
	code, after, _ := strings.Cut(arg, query.Sep)
	if _, err := ruledOrError(r, code); err != nil {
		return query.AssetHolders{}, err
	}
	out := query.AssetHolders{Asset: code, Holders: []query.AssetHolder{}}
	forHolders(r, code, after, func(addr string) bool {
		if len(out.Holders) == query.PageSize {
			out.Next = out.Holders[len(out.Holders)-1].Address
			return false
		}
		out.Holders = append(out.Holders, query.AssetHolder{Address: addr, Balance: holding(r, addr, code)})
		return true
	})
	return out, nil
}

// RuledPage answers query.PathRuledAssets: a page of the ruled assets after a code.
func RuledPage(r store.Reader, after string) query.RuledAssets {
	out := query.RuledAssets{Assets: []query.AssetRules{}}
	start := rulesPrefix
	if after != "" {
		start = append(RulesKey(after), 0)
	}
	r.Iterate(start, store.PrefixEnd(rulesPrefix), func(_, v []byte) bool {
		var a statepb.RuledAsset
		if proto.Unmarshal(v, &a) != nil {
			return true
		}
		if len(out.Assets) == query.PageSize {
			out.Next = out.Assets[len(out.Assets)-1].Asset
			return false
		}
		out.Assets = append(out.Assets, RulesView(&a))
		return true
	})
	return out
}

// AccountView answers query.PathAssetAccount (code/address).
func AccountView(r store.Reader, arg string, now int64) (query.AssetAccount, error) {
	code, addr, _ := strings.Cut(arg, query.Sep)
	if _, err := ruledOrError(r, code); err != nil {
		return query.AssetAccount{}, err
	}
	if err := tx.ValidateAddress("address", addr); err != nil {
		return query.AssetAccount{}, err
	}
	h := getHolderRules(r, code, addr)
	v := query.AssetAccount{Asset: code, Address: addr, Balance: holding(r, addr, code), Frozen: h.Frozen,
		FrozenAmount: h.FrozenAmount, Locked: []query.LockedLot{}, AllowListed: r.Get(AllowKey(code, addr)) != nil,
		Approvals: []query.AssetApproval{}}
	for _, l := range h.Lots {
		if l.UnlockAt > now {
			v.Locked = append(v.Locked, query.LockedLot{Amount: l.Amount, UnlockAt: l.UnlockAt})
		}
	}
	prefix := approvalPrefix(code, addr)
	store.IteratePrefix(r, prefix, func(k, val []byte) bool {
		v.Approvals = append(v.Approvals, query.AssetApproval{To: string(k[len(prefix):]), Amount: core.DecodeInt64(val)})
		return len(v.Approvals) < query.PageSize
	})
	return v, nil
}

// DistributionView is a distribution as queries show it.
func DistributionView(d *statepb.Distribution) query.Distribution {
	return query.Distribution{ID: d.Id, Asset: d.SettlementAsset, HoldersOf: d.Asset, Amount: d.Amount, Issuer: d.Issuer,
		Memo: d.Memo, RecordHeight: d.RecordHeight, CreatedAt: d.CreatedAt, Base: d.Base, Phase: phaseNames[d.Phase],
		Holders: d.Entries, PaidCount: d.PaidCount, Paid: d.Paid, Returned: d.Returned, FinishedAt: d.FinishedAt}
}

func payoutView(p *statepb.Payout) query.DistributionPayout {
	return query.DistributionPayout{Holder: p.Holder, Balance: p.Balance, Floor: p.Floor, Remainder: p.Remainder,
		Amount: p.Amount, Paid: p.Paid, Refused: p.Refused, Refusal: p.Refusal}
}

// PayoutsPage answers query.PathDistributionPays (id[/after]); its next is the last holder.
func PayoutsPage(r store.Reader, arg string) (query.DistributionPayouts, error) {
	idText, after, _ := strings.Cut(arg, query.Sep)
	id, err := strconv.ParseUint(idText, 10, 64)
	if err != nil || id == 0 {
		return query.DistributionPayouts{}, tx.ErrInvalidField.Wrapf("id %q: a decimal id ≥ 1", idText)
	}
	if _, ok := GetDistribution(r, id); !ok {
		return query.DistributionPayouts{}, ErrUnknownDist.Wrapf("distribution %d", id)
	}
	out := query.DistributionPayouts{ID: id, Payouts: []query.DistributionPayout{}}
	prefix := payoutPrefix(id)
	start := prefix
	if after != "" {
		start = append(PayoutKey(id, after), 0)
	}
	r.Iterate(start, store.PrefixEnd(prefix), func(_, v []byte) bool {
		if len(out.Payouts) == query.PageSize {
			out.Next = out.Payouts[len(out.Payouts)-1].Holder
			return false
		}
		var p statepb.Payout
		core.MustUnmarshal(v, &p)
		out.Payouts = append(out.Payouts, payoutView(&p))
		return true
	})
	return out, nil
}

// maxQuoteRequestBytes bounds a quote request's JSON.
const maxQuoteRequestBytes = 128 << 10

// Quote answers query.PathDistributionQuote: each holding's payout by the rule distributions
// pay by (Allocate). It reads no state; a bad request is a coded error.
func Quote(request []byte) (query.DistributionQuote, error) {
	if len(request) > maxQuoteRequestBytes {
		return query.DistributionQuote{}, ErrBadDistribution.Wrapf("request of %d bytes: at most %d", len(request), maxQuoteRequestBytes)
	}
	var req query.DistributionQuoteRequest
	if err := core.DecodeStrict(request, &req); err != nil {
		return query.DistributionQuote{}, ErrBadDistribution.Wrapf("request: one JSON object with amount and holdings")
	}
	if n := len(req.Holdings); n == 0 || n > query.MaxDistributionQuoteHolders {
		return query.DistributionQuote{}, ErrBadDistribution.Wrapf("holdings: 1..%d", query.MaxDistributionQuoteHolders)
	}
	holdings := make(map[string]int64, len(req.Holdings))
	for _, h := range req.Holdings {
		if _, dup := holdings[h.Holder]; dup || h.Holder == "" {
			return query.DistributionQuote{}, ErrBadDistribution.Wrapf("holder %q: empty or listed twice", h.Holder)
		}
		holdings[h.Holder] = h.Balance
	}
	allocs, err := Allocate(holdings, req.Amount)
	if err != nil {
		return query.DistributionQuote{}, err
	}
	out := query.DistributionQuote{Amount: req.Amount, Payouts: make([]query.DistributionPayout, len(allocs))}
	for i, a := range allocs {
		out.Payouts[i] = query.DistributionPayout{Holder: a.Holder, Balance: a.Balance, Floor: a.Floor, Remainder: a.Remainder, Amount: a.Amount}
	}
	return out, nil
}
