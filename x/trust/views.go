package trust

import (
	"encoding/binary"
	"strings"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
)

func lowerEnum(s, prefix string) string { return strings.ToLower(strings.TrimPrefix(s, prefix)) }

func statusName(s statepb.TrustStatus) string    { return lowerEnum(s.String(), "TRUST_STATUS_") }
func kindName(k txpb.TrustKind) string           { return lowerEnum(k.String(), "TRUST_KIND_") }
func endingName(e txpb.TrustEnding) string       { return lowerEnum(e.String(), "TRUST_ENDING_") }
func trancheName(s statepb.TrancheStatus) string { return lowerEnum(s.String(), "TRANCHE_STATUS_") }
func outflowName(k statepb.OutflowKind) string   { return lowerEnum(k.String(), "OUTFLOW_KIND_") }
func hexes(hs [][]byte) []string                 { return strings.Split(hashList(hs), ",") }
func evidenceView(hs [][]byte) []string {
	if len(hs) == 0 {
		return nil
	}
	return hexes(hs)
}

// View is a trust as queries show it.
func View(t *statepb.TrustRecord) query.Trust {
	tm := t.Terms
	v := query.Trust{ID: t.Id, Name: tm.Name, Purpose: tm.Purpose, Kind: kindName(tm.Kind), Status: statusName(t.Status),
		Trustee: t.Trustee, Account: t.Address, Settlor: tm.Settlor, Beneficiaries: append([]string{}, tm.Beneficiaries...),
		Supervisor: tm.Supervisor, Approvers: tm.Approvers, Quorum: tm.Quorum, Asset: tm.Asset, FeeBps: tm.FeeBps,
		Target: tm.Target, Ending: endingName(tm.Ending), Successor: tm.SuccessorTrust, CreatedAt: t.CreatedAt,
		EndedAt: t.EndedAt, EndReason: t.EndReason, Contributed: t.Contributed, Released: t.Released, Fees: t.Fees,
		Refunded: t.Refunded, PassedOn: t.PassedOn, Balance: Balance(t), Donations: t.Donations, Releases: t.Releases,
		AdminRatioBps: RatioBps(t.Fees, t.Fees+t.Released), NextPaymentAt: t.NextPaymentAt, Payments: t.Payments,
		DistributionStopped: t.DistributionStopped, DisclosureDueAt: t.DisclosureDueAt,
		DisclosureOverdue: t.DisclosureOverdue, Disclosures: t.Disclosures, Refunding: t.Refunding}
	if d := tm.Distribution; d != nil {
		v.DistributionBeneficiary, v.DistributionAmount, v.DistributionCondition = d.Beneficiary, d.Amount, d.Condition
	}
	for i, st := range t.Tranches {
		tr := tm.Tranches[i]
		v.Tranches = append(v.Tranches, query.Tranche{N: uint32(i + 1), Amount: tr.Amount, Recipient: tr.Recipient,
			Purpose: tr.Purpose, Status: trancheName(st.Status), Evidence: evidenceView(st.EvidenceHashes),
			Approvals: st.Approvals, Submissions: st.Submissions, Reason: st.Reason, Release: st.Release})
	}
	return v
}

func donationView(d *statepb.Donation, asset string) query.TrustDonation {
	return query.TrustDonation{TrustID: d.TrustId, Seq: d.Seq, Donor: d.Donor, Asset: asset, Amount: d.Amount, At: d.At,
		Attributed: d.Attributed, Refunded: d.Refunded, Unspent: Unspent(d)}
}

func releaseView(rel *statepb.Release, asset string) query.TrustRelease {
	v := query.TrustRelease{TrustID: rel.TrustId, Seq: rel.Seq, Kind: outflowName(rel.Kind), Recipient: rel.Recipient,
		Asset: asset, Amount: rel.Amount, Purpose: rel.Purpose, Tranche: rel.Tranche, Evidence: evidenceView(rel.EvidenceHashes),
		At: rel.At, Parts: []query.TrustPart{}}
	for _, p := range rel.Parts {
		v.Parts = append(v.Parts, query.TrustPart{Donation: p.Donation, Donor: p.Donor, Amount: p.Amount})
	}
	return v
}

// DonorTrace is every donation of donor, trust by trust, oldest first, with the part of
// each outflow that used it. It reads the outflows from the donation's first use on: a
// query's cost, never block execution's.
func DonorTrace(r store.Reader, donor string) []query.TrustTrace {
	out := []query.TrustTrace{}
	p := donorPrefix(donor)
	var keys [][]byte
	store.IteratePrefix(r, p, func(k, _ []byte) bool {
		keys = append(keys, append([]byte(nil), k...))
		return true
	})
	for _, k := range keys {
		rest := k[len(p):]
		id, seq := binary.BigEndian.Uint64(rest[:8]), binary.BigEndian.Uint64(rest[9:17])
		t, _ := GetTrust(r, id)
		d, _ := GetDonation(r, id, seq)
		tr := query.TrustTrace{Donation: donationView(d, t.Terms.Asset), Uses: []query.TrustUse{}}
		if d.Attributed+d.Refunded > 0 {
			tr.Uses = usesOf(r, id, seq)
		}
		out = append(out, tr)
	}
	return out
}

func usesOf(r store.Reader, id, seq uint64) []query.TrustUse {
	uses := []query.TrustUse{}
	for _, rel := range ListReleases(r, id) {
		for _, p := range rel.Parts {
			if p.Donation == seq {
				uses = append(uses, query.TrustUse{Release: rel.Seq, Kind: outflowName(rel.Kind), Recipient: rel.Recipient,
					Purpose: rel.Purpose, Tranche: rel.Tranche, Evidence: evidenceView(rel.EvidenceHashes), Amount: p.Amount, At: rel.At})
			}
		}
	}
	return uses
}
