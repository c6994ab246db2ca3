package trust

import (
	"encoding/hex"
	"slices"
	"strings"

	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// A tranche goes pending → submitted → approved → released; a rejected submission goes back
// to the trustee, who may resubmit. What is checked of evidence: 1..16 distinct SHA-256
// hashes (of registered receipts, invoices, delivery notes — in x/docs or scf's trade
// documents, which the approvers open off chain); the chain records them with the release
// so that a donor's trace names them. It does not look the hashes up in another module.

// trancheOf finds tranche n (1-based) of an active trust.
func trancheOf(ctx *core.Context, id uint64, n uint32) (*statepb.TrustRecord, *statepb.TrancheState, error) {
	t, err := activeTrust(ctx.KV, id)
	if err != nil {
		return nil, nil, err
	}
	if int(n) > len(t.Tranches) {
		return nil, nil, ErrBadTranche.Wrapf("trust %d has %d tranches, not %d", id, len(t.Tranches), n)
	}
	return t, t.Tranches[n-1], nil
}

// SubmitEvidence records a tranche's evidence (the trustee), first or after a rejection.
func SubmitEvidence(ctx *core.Context, m *txpb.MsgSubmitEvidence) error {
	t, st, err := trancheOf(ctx, m.TrustId, m.Tranche)
	if err != nil {
		return err
	}
	if err := requireTrustee(ctx, t); err != nil {
		return err
	}
	if st.Status != statepb.TrancheStatus_TRANCHE_STATUS_PENDING && st.Status != statepb.TrancheStatus_TRANCHE_STATUS_REJECTED {
		return ErrTrancheState.Wrapf("tranche %d is %s: evidence goes to a pending or rejected tranche", m.Tranche, trancheName(st.Status))
	}
	st.Status, st.EvidenceHashes, st.Approvals = statepb.TrancheStatus_TRANCHE_STATUS_SUBMITTED, m.EvidenceHashes, nil
	st.SubmittedAt, st.Submissions = ctx.Now(), st.Submissions+1
	putTrust(ctx.KV, t)
	ctx.Emit("trust.evidence_submitted", "trust_id", core.Itoa(int64(t.Id)), "tranche", core.Itoa(int64(m.Tranche)),
		"evidence", hashList(m.EvidenceHashes), "submission", core.Itoa(int64(st.Submissions)), "note", m.Note)
	return nil
}

// DecideEvidence approves or rejects a submission. The supervisor's approval is enough; else
// a quorum of the named approvers. One rejection, by either, sends it back.
func DecideEvidence(ctx *core.Context, m *txpb.MsgDecideEvidence) error {
	t, st, err := trancheOf(ctx, m.TrustId, m.Tranche)
	if err != nil {
		return err
	}
	supervisor := t.Terms.Supervisor != "" && ctx.Signer == t.Terms.Supervisor
	if !supervisor && !slices.Contains(t.Terms.Approvers, ctx.Signer) {
		return ErrNotApprover.Wrapf("%s is neither the supervisor nor an approver of trust %d", ctx.Signer, t.Id)
	}
	if st.Status != statepb.TrancheStatus_TRANCHE_STATUS_SUBMITTED {
		return ErrTrancheState.Wrapf("tranche %d is %s, not submitted", m.Tranche, trancheName(st.Status))
	}
	if slices.Contains(st.Approvals, ctx.Signer) {
		return ErrAlreadyApproved.Wrapf("%s already approved this submission", ctx.Signer)
	}
	st.DecidedAt = ctx.Now()
	switch {
	case !m.Approve:
		st.Status, st.Approvals, st.Reason = statepb.TrancheStatus_TRANCHE_STATUS_REJECTED, nil, m.Reason
	case supervisor:
		st.Status = statepb.TrancheStatus_TRANCHE_STATUS_APPROVED
		st.Approvals = append(st.Approvals, ctx.Signer)
	default:
		st.Approvals = append(st.Approvals, ctx.Signer)
		if uint32(len(st.Approvals)) >= t.Terms.Quorum {
			st.Status = statepb.TrancheStatus_TRANCHE_STATUS_APPROVED
		}
	}
	putTrust(ctx.KV, t)
	ctx.Emit("trust.evidence_decided", "trust_id", core.Itoa(int64(t.Id)), "tranche", core.Itoa(int64(m.Tranche)),
		"by", ctx.Signer, "approve", boolText(m.Approve), "status", trancheName(st.Status),
		"approvals", core.Itoa(int64(len(st.Approvals))), "reason", m.Reason)
	return nil
}

// ReleaseTranche pays an approved tranche to its recipient (the trustee). Without approved
// evidence it is refused.
func ReleaseTranche(ctx *core.Context, m *txpb.MsgReleaseTranche) error {
	t, st, err := trancheOf(ctx, m.TrustId, m.Tranche)
	if err != nil {
		return err
	}
	if err := requireTrustee(ctx, t); err != nil {
		return err
	}
	if st.Status != statepb.TrancheStatus_TRANCHE_STATUS_APPROVED {
		return ErrNotApproved.Wrapf("tranche %d is %s: only approved evidence releases it", m.Tranche, trancheName(st.Status))
	}
	terms := t.Terms.Tranches[m.Tranche-1]
	rel := &statepb.Release{Kind: statepb.OutflowKind_OUTFLOW_KIND_TRANCHE, Recipient: terms.Recipient, Amount: terms.Amount,
		Purpose: terms.Purpose, Tranche: m.Tranche, EvidenceHashes: st.EvidenceHashes}
	st.Status = statepb.TrancheStatus_TRANCHE_STATUS_RELEASED
	if err := payOut(ctx, t, rel); err != nil {
		return err
	}
	st.Release = rel.Seq
	putTrust(ctx.KV, t)
	ctx.Emit("trust.tranche_released", "trust_id", core.Itoa(int64(t.Id)), "tranche", core.Itoa(int64(m.Tranche)),
		"release", core.Itoa(int64(rel.Seq)), "to", rel.Recipient, "asset", t.Terms.Asset, "amount", core.Itoa(rel.Amount),
		"evidence", hashList(rel.EvidenceHashes))
	return nil
}

func hashList(hs [][]byte) string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = hex.EncodeToString(h)
	}
	return strings.Join(out, ",")
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
