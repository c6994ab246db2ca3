package identity

import (
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// Errors of KYC attestations.
var (
	ErrBadAttestation = tx.Register("identity", 11, "bad_attestation")
	ErrNoAttestation  = tx.Register("identity", 12, "attestation_not_found")
	ErrNotAttester    = tx.Register("identity", 13, "not_attester")
)

// EvidenceHashSize is the size of an attestation's evidence hash (sha256).
const EvidenceHashSize = 32

// KYCKey holds an account's live attestation.
func KYCKey(addr string) []byte { return core.Key("id", "kyc", addr) }

// GetAttestation reads an account's attestation (live, expired or revoked).
func GetAttestation(r store.Reader, addr string) (*statepb.KycAttestation, bool) {
	var a statepb.KycAttestation
	return &a, core.GetProto(r, KYCKey(addr), &a)
}

// KYCLevel is an account's KYC level at block time now: an attestation's level while it is
// live, 0 once it has expired or been revoked; without any attestation, the level its
// sponsor declared at registration.
func KYCLevel(r store.Reader, addr string, now int64) uint32 {
	if a, ok := GetAttestation(r, addr); ok {
		if a.Revoked || now >= a.ExpiresAt {
			return 0
		}
		return a.Level
	}
	if acc, ok := GetAccount(r, addr); ok {
		return acc.KycLevel
	}
	return 0
}

// ValidJurisdiction reports whether code has the form of an ISO 3166-1 alpha-2 country code
// (two upper-case letters; which pairs are assigned is the KYC provider's to know).
func ValidJurisdiction(code string) bool {
	return len(code) == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z'
}

// LiveJurisdiction is the jurisdiction of an account's live attestation at block time now
// ("" without a live attestation or without a jurisdiction).
func LiveJurisdiction(r store.Reader, addr string, now int64) string {
	a, ok := GetAttestation(r, addr)
	if !ok || a.Revoked || now >= a.ExpiresAt {
		return ""
	}
	return a.Jurisdiction
}

// EffectiveKYCLevel is the level lending and credit use: a consortium member was admitted
// by its peers and counts as fully identified; anyone else has its KYCLevel.
func EffectiveKYCLevel(r store.Reader, addr string, now int64) uint32 {
	if IsMember(r, addr) {
		return MaxKYCLevel
	}
	return KYCLevel(r, addr, now)
}

// AttestKYC records the signing KYC provider's attestation (the route admits KYC providers).
func AttestKYC(ctx *core.Context, m *txpb.MsgAttestKyc) error {
	if err := tx.ValidateAddress("account", m.Account); err != nil {
		return err
	}
	if !AccountExists(ctx.KV, m.Account) {
		return ErrNoAccount.Wrapf("%s", m.Account)
	}
	if m.KycLevel > MaxKYCLevel {
		return ErrBadKYCLevel.Wrapf("kyc_level %d above %d", m.KycLevel, MaxKYCLevel)
	}
	if m.ExpiresAt <= ctx.Now() {
		return ErrBadAttestation.Wrapf("expires_at %d is not after block time %d", m.ExpiresAt, ctx.Now())
	}
	if len(m.EvidenceHash) != EvidenceHashSize {
		return ErrBadAttestation.Wrapf("evidence_hash must be %d bytes (a salted sha256), got %d", EvidenceHashSize, len(m.EvidenceHash))
	}
	core.SetProto(ctx.KV, KYCKey(m.Account), &statepb.KycAttestation{Account: m.Account, Level: m.KycLevel,
		Provider: ctx.Signer, AttestedAt: ctx.Now(), ExpiresAt: m.ExpiresAt, EvidenceHash: m.EvidenceHash, Jurisdiction: m.Jurisdiction})
	ctx.Emit("identity.kyc_attested", "address", m.Account, "kyc_level", core.Itoa(int64(m.KycLevel)),
		"provider", ctx.Signer, "expires_at", core.Itoa(m.ExpiresAt), "jurisdiction", m.Jurisdiction)
	return nil
}

// RevokeKYC withdraws an attestation (its provider only).
func RevokeKYC(ctx *core.Context, m *txpb.MsgRevokeKyc) error {
	if err := tx.ValidateAddress("account", m.Account); err != nil {
		return err
	}
	if len(m.Reason) > tx.MaxStringField {
		return tx.ErrInvalidField.Wrapf("reason over %d bytes", tx.MaxStringField)
	}
	a, ok := GetAttestation(ctx.KV, m.Account)
	if !ok || a.Revoked {
		return ErrNoAttestation.Wrapf("no live attestation of %s", m.Account)
	}
	if a.Provider != ctx.Signer {
		return ErrNotAttester.Wrapf("%s was attested by %s", m.Account, a.Provider)
	}
	a.Revoked, a.RevokedAt, a.RevokeReason = true, ctx.Now(), m.Reason
	core.SetProto(ctx.KV, KYCKey(m.Account), a)
	ctx.Emit("identity.kyc_revoked", "address", m.Account, "provider", ctx.Signer, "reason", m.Reason)
	return nil
}
