package trust

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
)

const yearSeconds = 365 * 86_400

// Flows are a trust's donations and outflows: all a report is computed from.
type Flows struct {
	Donations []*statepb.Donation
	Releases  []*statepb.Release
}

// ReportOf answers id/from/to (query.GetTrustReport's arguments) from the chain.
func ReportOf(r store.Reader, arg string) (query.TrustReport, error) {
	parts := strings.Split(arg, query.Sep)
	if len(parts) != 3 {
		return query.TrustReport{}, ErrBadDisclosure.Wrapf("period %q: want <trust id>/<from>/<to>", arg)
	}
	id, e1 := strconv.ParseUint(parts[0], 10, 64)
	from, e2 := strconv.ParseInt(parts[1], 10, 64)
	to, e3 := strconv.ParseInt(parts[2], 10, 64)
	if e1 != nil || e2 != nil || e3 != nil || from < 0 || to <= from {
		return query.TrustReport{}, ErrBadDisclosure.Wrapf("period %q: decimal id, from < to in unix seconds", arg)
	}
	t, err := trustOrError(r, id)
	if err != nil {
		return query.TrustReport{}, err
	}
	return Report(t.Id, t.Terms.Asset, Flows{ListDonations(r, id), ListReleases(r, id)}, from, to)
}

// Report computes a trust's report for [from, to) from its flows. It reads no state, so a
// client holding the flows (the donations and releases queries) can compute and check it
// offline: the hash it publishes is ReportHash.
func Report(id uint64, asset string, f Flows, from, to int64) (query.TrustReport, error) {
	rep := query.TrustReport{TrustID: id, Asset: asset, From: from, To: to, Flows: []query.TrustFlow{}}
	var before, in, lastYear money.Accumulator
	byFlow := map[query.TrustFlow]int64{}
	for _, d := range f.Donations {
		switch {
		case d.At < from:
			before.Add(d.Amount)
			if d.At >= from-yearSeconds {
				lastYear.Add(d.Amount)
			}
		case d.At < to:
			in.Add(d.Amount)
			rep.DonationCount++
		}
	}
	var outBefore money.Accumulator
	for _, rel := range f.Releases {
		if rel.At < from {
			outBefore.Add(rel.Amount)
			continue
		}
		if rel.At >= to {
			continue
		}
		key := query.TrustFlow{Kind: outflowName(rel.Kind), Recipient: rel.Recipient, Purpose: rel.Purpose}
		byFlow[key] += rel.Amount
		if err := addOutflow(&rep, rel); err != nil {
			return rep, err
		}
	}
	totals := []*money.Accumulator{&before, &in, &lastYear, &outBefore}
	vals := make([]int64, len(totals))
	for i, a := range totals {
		v, err := a.Total()
		if err != nil {
			return rep, err
		}
		vals[i] = v
	}
	rep.Opening = vals[0] - vals[3]
	rep.Donations, rep.LastYearIncome = vals[1], vals[2]
	rep.Closing = rep.Opening + rep.Donations - rep.Releases - rep.Fees - rep.Refunds - rep.PassedOn
	for k, v := range byFlow {
		k.Amount = v
		rep.Flows = append(rep.Flows, k)
	}
	sort.Slice(rep.Flows, func(i, j int) bool { return flowLess(rep.Flows[i], rep.Flows[j]) })
	rep.AdminRatioBps = RatioBps(rep.Fees, rep.Fees+rep.Releases)
	rep.SpendingBps = RatioBps(rep.Releases, rep.LastYearIncome)
	rep.MeetsSpending = rep.LastYearIncome == 0 || rep.SpendingBps >= SpendingRuleBps
	rep.ReportHash = ReportHash(rep)
	return rep, nil
}

func addOutflow(rep *query.TrustReport, rel *statepb.Release) error {
	var total *int64
	switch rel.Kind {
	case statepb.OutflowKind_OUTFLOW_KIND_FEE:
		total = &rep.Fees
	case statepb.OutflowKind_OUTFLOW_KIND_REFUND:
		total = &rep.Refunds
	case statepb.OutflowKind_OUTFLOW_KIND_PASS_ON:
		total = &rep.PassedOn
	default:
		total = &rep.Releases
	}
	next, err := money.Add(*total, rel.Amount)
	*total = next
	return err
}

func flowLess(a, b query.TrustFlow) bool {
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	if a.Recipient != b.Recipient {
		return a.Recipient < b.Recipient
	}
	return a.Purpose < b.Purpose
}

// ReportHash is SHA-256 of the report's JSON with an empty hash field, in hex: what the
// trustee's disclosure carries, and what anyone can recompute.
func ReportHash(rep query.TrustReport) string {
	rep.ReportHash = ""
	b, err := json.Marshal(rep)
	if err != nil {
		panic(err) // a plain struct of numbers and strings always encodes
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
