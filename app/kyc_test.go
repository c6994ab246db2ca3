package app_test

import (
	"crypto/sha256"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/lending"
)

func attest(account string, level uint32, expires int64, evidence []byte) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_AttestKyc{AttestKyc: &txpb.MsgAttestKyc{Account: account, KycLevel: level,
		ExpiresAt: expires, EvidenceHash: evidence}}}
}

func revoke(account string) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_RevokeKyc{RevokeKyc: &txpb.MsgRevokeKyc{Account: account, Reason: "documents withdrawn"}}}
}

// A product needing KYC level 3 lends to bob only while a provider's attestation is live.
func TestKYCAttestationGatesLending(t *testing.T) {
	w := lendingWorld(t)
	evidence := sha256.Sum256([]byte("salt|passport scan"))
	p := productA()
	p.MinKycLevel = 3
	w.c.MustExec(t, w.bank.Sign(apptest.RegisterProduct(p)))
	res := w.c.Exec(w.bob.Sign(apptest.ApplyLoan(1, 10000, 3)))
	require.Equal(t, lending.ErrKYCLevel.Code, res.Code, "the sponsor declared level 1: %s", res.Log)

	expires := w.c.Time.Add(30 * 24 * time.Hour).Unix()
	w.c.MustExec(t, w.kyc.Sign(attest(w.bob.Address, 3, expires, evidence[:])))
	require.Equal(t, uint32(3), identity.KYCLevel(w.c.State(), w.bob.Address, w.c.Time.Unix()))
	w.c.MustExec(t, w.bob.Sign(apptest.ApplyLoan(1, 10000, 3)))

	// Expired, it counts as level 0.
	w.c.Time = time.Unix(expires, 0)
	res = w.c.Exec(w.bob.Sign(apptest.ApplyLoan(1, 10000, 3)))
	require.Equal(t, lending.ErrKYCLevel.Code, res.Code, res.Log)
	require.Equal(t, uint32(0), identity.KYCLevel(w.c.State(), w.bob.Address, w.c.Time.Unix()))

	// Attested again and revoked: level 0 at once.
	w.c.MustExec(t, w.kyc.Sign(attest(w.bob.Address, 3, w.c.Time.Add(time.Hour).Unix(), evidence[:])))
	w.c.MustExec(t, w.kyc.Sign(revoke(w.bob.Address)))
	res = w.c.Exec(w.bob.Sign(apptest.ApplyLoan(1, 10000, 3)))
	require.Equal(t, lending.ErrKYCLevel.Code, res.Code, res.Log)
	var k query.KYC
	queryJSON(t, w.c, query.PathKYC, w.bob.Address, &k)
	require.Equal(t, query.KYC{Address: w.bob.Address, Level: 0, Attested: true, Provider: w.kyc.Address,
		AttestedAt: k.AttestedAt, ExpiresAt: k.ExpiresAt, EvidenceHash: evidence[:], Revoked: true,
		RevokeReason: "documents withdrawn"}, k)
}

func TestKYCAttestationBadInput(t *testing.T) {
	w := newWorld(t)
	evidence := sha256.Sum256([]byte("salt|utility bill"))
	later := w.c.Time.Add(time.Hour).Unix()
	w.c.MustExec(t, w.kyc.Sign(attest(w.alice.Address, 2, later, evidence[:])))
	for _, tc := range []struct {
		name   string
		signer *apptest.Key
		msg    *txpb.Msg
		want   *tx.Error
	}{
		{"attestation by a non-provider", w.bank, attest(w.bob.Address, 2, later, evidence[:]), tx.ErrUnauthorized},
		{"level out of range", w.kyc, attest(w.bob.Address, 4, later, evidence[:]), identity.ErrBadKYCLevel},
		{"expiry in the past", w.kyc, attest(w.bob.Address, 2, w.c.Time.Unix(), evidence[:]), identity.ErrBadAttestation},
		{"evidence not a hash", w.kyc, attest(w.bob.Address, 2, later, []byte("passport 1234")), identity.ErrBadAttestation},
		{"unknown account", w.kyc, attest(apptest.NewKey("nobody").Address, 2, later, evidence[:]), identity.ErrNoAccount},
		{"revoke without an attestation", w.kyc, revoke(w.bob.Address), identity.ErrNoAttestation},
		{"revoke by an individual", w.alice, revoke(w.alice.Address), tx.ErrUnauthorized},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := dump(w.c.State())
			res := w.c.Exec(tc.signer.Sign(tc.msg))
			require.Equal(t, tc.want.Codespace, res.Codespace, res.Log)
			require.Equal(t, tc.want.Code, res.Code, res.Log)
			require.Equal(t, refusedKeys(res, tc.signer, tc.msg), changedKeys(before, dump(w.c.State())))
		})
	}
}
