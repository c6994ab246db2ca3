package credit

import (
	"regexp"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
)

// MaxConsentSeconds bounds how far ahead a consent may run: a year of block time. A
// borrower renews rather than granting open-ended access.
const MaxConsentSeconds = 366 * 24 * 3600

var purposeText = regexp.MustCompile(`^[a-z_]{1,32}$`)

// GetConsent reads a consent (live, expired or revoked).
func GetConsent(r store.Reader, borrower, lender, purpose string) (*statepb.Consent, bool) {
	var c statepb.Consent
	return &c, core.GetProto(r, ConsentKey(borrower, lender, purpose), &c)
}

// Live reports whether a consent allows access at block time now.
func Live(c *statepb.Consent, now int64) bool { return c.RevokedAt == 0 && now < c.ExpiresAt }

// Consents lists a borrower's consents, by lender then purpose.
func Consents(r store.Reader, borrower string) []*statepb.Consent {
	return core.ListProto[statepb.Consent](r, consentPrefix(borrower))
}

// signerIsBorrower: a consent names its borrower, and only that borrower signs for it.
func signerIsBorrower(ctx *core.Context, borrower string) error {
	if err := tx.ValidateAddress("borrower", borrower); err != nil {
		return err
	}
	if borrower != ctx.Signer {
		return ErrNotBorrower.Wrapf("%s cannot consent for %s: only a borrower consents for itself", ctx.Signer, borrower)
	}
	return nil
}

func checkPurpose(purpose string) error {
	if !purposeText.MatchString(purpose) {
		return ErrBadConsent.Wrapf("purpose %q: 1..32 of a-z and _", purpose)
	}
	return nil
}

// GrantConsent lets a lender obtain the signer's report for a purpose until expires_at.
func GrantConsent(ctx *core.Context, m *txpb.MsgGrantConsent) error {
	if err := signerIsBorrower(ctx, m.Borrower); err != nil {
		return err
	}
	if err := tx.ValidateAddress("lender", m.Lender); err != nil {
		return err
	}
	if !identity.IsMember(ctx.KV, m.Lender) {
		return ErrUnknownLender.Wrapf("%s is not a member", m.Lender)
	}
	if m.Lender == m.Borrower {
		return ErrBadConsent.Wrapf("a borrower needs no consent to see its own report")
	}
	if err := checkPurpose(m.Purpose); err != nil {
		return err
	}
	if m.ExpiresAt <= ctx.Now() || m.ExpiresAt-ctx.Now() > MaxConsentSeconds {
		return ErrBadConsent.Wrapf("expires_at %d: after block time %d and at most a year ahead", m.ExpiresAt, ctx.Now())
	}
	core.SetProto(ctx.KV, ConsentKey(m.Borrower, m.Lender, m.Purpose), &statepb.Consent{Borrower: m.Borrower,
		Lender: m.Lender, Purpose: m.Purpose, GrantedAt: ctx.Now(), ExpiresAt: m.ExpiresAt})
	ctx.Emit("credit.consent_granted", "borrower", m.Borrower, "lender", m.Lender, "purpose", m.Purpose,
		"expires_at", core.Itoa(m.ExpiresAt))
	return nil
}

// RevokeConsent ends a live consent at once.
func RevokeConsent(ctx *core.Context, m *txpb.MsgRevokeConsent) error {
	if err := signerIsBorrower(ctx, m.Borrower); err != nil {
		return err
	}
	c, ok := GetConsent(ctx.KV, m.Borrower, m.Lender, m.Purpose)
	if !ok || !Live(c, ctx.Now()) {
		return ErrNoConsent.Wrapf("no live consent of %s for %s to %q", m.Borrower, m.Lender, m.Purpose)
	}
	c.RevokedAt = ctx.Now()
	core.SetProto(ctx.KV, ConsentKey(m.Borrower, m.Lender, m.Purpose), c)
	ctx.Emit("credit.consent_revoked", "borrower", m.Borrower, "lender", m.Lender, "purpose", m.Purpose)
	return nil
}
