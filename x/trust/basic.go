package trust

import (
	"slices"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// Bounds of a trust's terms and of the messages about it.
const (
	MaxNameBytes     = 128
	MaxPurposeBytes  = 512
	MaxBeneficiaries = 32
	MaxApprovers     = 16
	MaxTranches      = 16
	MaxEvidence      = 16
	MaxFeeBps        = 5_000 // 50% a year: beyond any real trustee fee
	HashSize         = 32
)

// The trust's stateless checks (module.Route.Basic). That parties are registered, the asset
// exists and the signer is the trustee need state: the handlers judge them.

func basicCreateTrust(m *txpb.Msg) error { return checkTermsShape(m.GetCreateTrust().GetTerms()) }

// checkTermsShape is everything about a trust's terms that needs no state.
func checkTermsShape(t *txpb.TrustTerms) error {
	switch {
	case t == nil:
		return ErrBadTerms.Wrapf("no terms")
	case t.Name == "" || len(t.Name) > MaxNameBytes || len(t.Purpose) > MaxPurposeBytes:
		return ErrBadTerms.Wrapf("name 1..%d bytes, purpose at most %d", MaxNameBytes, MaxPurposeBytes)
	case t.Kind != txpb.TrustKind_TRUST_KIND_CHARITY && t.Kind != txpb.TrustKind_TRUST_KIND_PRIVATE:
		return ErrBadTerms.Wrapf("kind must be charity or private")
	case t.FeeBps > MaxFeeBps:
		return ErrBadTerms.Wrapf("fee_bps %d above %d", t.FeeBps, MaxFeeBps)
	case len(t.Beneficiaries) > MaxBeneficiaries || len(t.Approvers) > MaxApprovers:
		return ErrBadTerms.Wrapf("at most %d beneficiaries and %d approvers", MaxBeneficiaries, MaxApprovers)
	case int(t.Quorum) > len(t.Approvers) || (len(t.Approvers) > 0) != (t.Quorum > 0):
		return ErrBadTerms.Wrapf("quorum %d: 1..%d with approvers, 0 without", t.Quorum, len(t.Approvers))
	}
	if err := money.ValidateAssetCode("asset", t.Asset); err != nil {
		return err
	}
	if err := checkParties(t); err != nil {
		return err
	}
	if err := checkEnding(t); err != nil {
		return err
	}
	if t.Kind == txpb.TrustKind_TRUST_KIND_CHARITY {
		return checkCharityShape(t)
	}
	return checkPrivateShape(t)
}

func checkParties(t *txpb.TrustTerms) error {
	if err := tx.ValidateAddress("settlor", t.Settlor); err != nil {
		return err
	}
	if t.Supervisor != "" {
		if err := tx.ValidateAddress("supervisor", t.Supervisor); err != nil {
			return err
		}
	}
	for _, list := range [][]string{t.Beneficiaries, t.Approvers} {
		for i, a := range list {
			if err := tx.ValidateAddress("party", a); err != nil {
				return err
			}
			if slices.Contains(list[:i], a) {
				return ErrBadTerms.Wrapf("%s listed twice", a)
			}
		}
	}
	return nil
}

func checkEnding(t *txpb.TrustTerms) error {
	switch t.Ending {
	case txpb.TrustEnding_TRUST_ENDING_REFUND:
		if t.SuccessorTrust != 0 {
			return ErrBadTerms.Wrapf("a refunding trust names no successor")
		}
	case txpb.TrustEnding_TRUST_ENDING_PASS_ON:
		if t.SuccessorTrust == 0 {
			return ErrBadTerms.Wrapf("pass_on needs successor_trust")
		}
	default:
		return ErrBadTerms.Wrapf("ending must be refund or pass_on")
	}
	return nil
}

// checkCharityShape: a charity project is its tranches; they add up to the target exactly
// and someone is named to approve their evidence.
func checkCharityShape(t *txpb.TrustTerms) error {
	if t.Distribution != nil {
		return ErrBadTerms.Wrapf("a charity trust pays by tranches, not distributions")
	}
	if t.Supervisor == "" && len(t.Approvers) == 0 {
		return ErrBadTerms.Wrapf("a charity trust needs a supervisor or approvers for its evidence")
	}
	if len(t.Tranches) == 0 || len(t.Tranches) > MaxTranches {
		return ErrBadTranche.Wrapf("%d tranches: 1..%d", len(t.Tranches), MaxTranches)
	}
	var sum int64
	for i, tr := range t.Tranches {
		if err := money.CheckPositive("tranche amount", tr.Amount); err != nil {
			return err
		}
		if err := tx.ValidateAddress("tranche recipient", tr.Recipient); err != nil {
			return err
		}
		if len(tr.Purpose) > MaxPurposeBytes {
			return ErrBadTranche.Wrapf("tranche %d: purpose over %d bytes", i+1, MaxPurposeBytes)
		}
		next, err := money.Add(sum, tr.Amount)
		if err != nil {
			return err
		}
		sum = next
	}
	if sum != t.Target {
		return ErrTranchesTarget.Wrapf("tranches add up to %d, target is %d", sum, t.Target)
	}
	return nil
}

func checkPrivateShape(t *txpb.TrustTerms) error {
	if len(t.Tranches) > 0 || t.Target != 0 {
		return ErrBadTerms.Wrapf("a private trust has no tranches or target")
	}
	d := t.Distribution
	if d == nil {
		return nil
	}
	if err := money.CheckPositive("distribution amount", d.Amount); err != nil {
		return err
	}
	if err := tx.ValidateAddress("distribution beneficiary", d.Beneficiary); err != nil {
		return err
	}
	if !slices.Contains(t.Beneficiaries, d.Beneficiary) {
		return ErrBadTerms.Wrapf("distribution beneficiary %s is not a named beneficiary", d.Beneficiary)
	}
	if d.FirstAt < 0 {
		return ErrBadTerms.Wrapf("first_at before 1970")
	}
	if d.Condition != "" {
		if _, err := compileCondition(d.Condition); err != nil {
			return err
		}
	}
	return nil
}

func basicContribute(m *txpb.Msg) error {
	x := m.GetContribute()
	if err := checkTrustID(x.GetTrustId()); err != nil {
		return err
	}
	return money.CheckPositive("amount", x.GetAmount())
}

func basicSubmitEvidence(m *txpb.Msg) error {
	x := m.GetSubmitEvidence()
	if err := checkTranche(x.GetTrustId(), x.GetTranche()); err != nil {
		return err
	}
	if len(x.GetNote()) > MaxPurposeBytes {
		return ErrBadEvidence.Wrapf("note over %d bytes", MaxPurposeBytes)
	}
	hs := x.GetEvidenceHashes()
	if len(hs) == 0 || len(hs) > MaxEvidence {
		return ErrBadEvidence.Wrapf("%d evidence hashes: 1..%d", len(hs), MaxEvidence)
	}
	for i, h := range hs {
		if len(h) != HashSize {
			return ErrBadEvidence.Wrapf("evidence %d: %d bytes, want %d", i+1, len(h), HashSize)
		}
		for _, prev := range hs[:i] {
			if string(prev) == string(h) {
				return ErrBadEvidence.Wrapf("evidence %d listed twice", i+1)
			}
		}
	}
	return nil
}

func basicDecideEvidence(m *txpb.Msg) error {
	x := m.GetDecideEvidence()
	if len(x.GetReason()) > MaxPurposeBytes {
		return ErrBadEvidence.Wrapf("reason over %d bytes", MaxPurposeBytes)
	}
	return checkTranche(x.GetTrustId(), x.GetTranche())
}

func basicReleaseTranche(m *txpb.Msg) error {
	return checkTranche(m.GetReleaseTranche().GetTrustId(), m.GetReleaseTranche().GetTranche())
}

func basicCollectTrustFee(m *txpb.Msg) error {
	return checkTrustID(m.GetCollectTrustFee().GetTrustId())
}

func basicPublishDisclosure(m *txpb.Msg) error {
	x := m.GetPublishDisclosure()
	if err := checkTrustID(x.GetTrustId()); err != nil {
		return err
	}
	if x.GetPeriodStart() < 0 || x.GetPeriodEnd() <= x.GetPeriodStart() {
		return ErrBadDisclosure.Wrapf("period %d..%d: start ≥ 0 and before the end", x.GetPeriodStart(), x.GetPeriodEnd())
	}
	if len(x.GetReportHash()) != HashSize {
		return ErrBadDisclosure.Wrapf("report_hash: %d bytes, want %d", len(x.GetReportHash()), HashSize)
	}
	return nil
}

func basicEndTrust(m *txpb.Msg) error {
	x := m.GetEndTrust()
	if len(x.GetReason()) > MaxPurposeBytes {
		return ErrBadTerms.Wrapf("reason over %d bytes", MaxPurposeBytes)
	}
	return checkTrustID(x.GetTrustId())
}

func checkTrustID(id uint64) error {
	if id == 0 {
		return ErrUnknownTrust.Wrapf("trust_id is required (ids start at 1)")
	}
	return nil
}

func checkTranche(id uint64, tranche uint32) error {
	if err := checkTrustID(id); err != nil {
		return err
	}
	if tranche == 0 || tranche > MaxTranches {
		return ErrBadTranche.Wrapf("tranche %d: 1..%d", tranche, MaxTranches)
	}
	return nil
}
