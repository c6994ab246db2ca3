package identity

import (
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// Identity's stateless checks (module.Route.Basic), refused before the mempool.

func basicRegisterAccount(m *txpb.Msg) error {
	x := m.GetRegisterAccount()
	if len(x.GetPubKey()) != tx.PubKeySize {
		return ErrBadPubKeyBytes.Wrapf("pub_key must be %d bytes", tx.PubKeySize)
	}
	return checkLevel(x.GetKycLevel())
}

func basicSetKycLevel(m *txpb.Msg) error {
	x := m.GetSetKycLevel()
	return tx.FirstError(tx.ValidateAddress("account", x.GetAccount()), checkLevel(x.GetKycLevel()))
}

func basicAttestKyc(m *txpb.Msg) error {
	x := m.GetAttestKyc()
	if err := tx.FirstError(tx.ValidateAddress("account", x.GetAccount()), checkLevel(x.GetKycLevel())); err != nil {
		return err
	}
	if x.GetExpiresAt() <= 0 {
		return ErrBadAttestation.Wrapf("expires_at %d: a block time in unix seconds is required", x.GetExpiresAt())
	}
	if len(x.GetEvidenceHash()) != EvidenceHashSize {
		return ErrBadAttestation.Wrapf("evidence_hash must be %d bytes (a salted sha256), got %d", EvidenceHashSize, len(x.GetEvidenceHash()))
	}
	if x.GetJurisdiction() != "" && !ValidJurisdiction(x.GetJurisdiction()) {
		return ErrBadAttestation.Wrapf("jurisdiction %q: an ISO 3166-1 alpha-2 code (two letters A-Z)", x.GetJurisdiction())
	}
	return nil
}

func basicRevokeKyc(m *txpb.Msg) error {
	x := m.GetRevokeKyc()
	return tx.FirstError(tx.ValidateAddress("account", x.GetAccount()), tx.CheckText("reason", x.GetReason(), 0, tx.MaxStringField))
}

func checkLevel(level uint32) error {
	if level > MaxKYCLevel {
		return ErrBadKYCLevel.Wrapf("kyc_level %d above %d", level, MaxKYCLevel)
	}
	return nil
}
