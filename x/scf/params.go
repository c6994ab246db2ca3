package scf

import (
	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// DefaultParams: a year's term at most (PBOC/NFRA allow 1 year, 6 months in principle), a
// week to accept an offer, parts of at least 100.00 (at scale 2), default after 90 days.
func DefaultParams() *txpb.ScfParams {
	return &txpb.ScfParams{MaxTermDays: 365, OfferExpirySeconds: 7 * 86400, MinPartMinor: 10_000, DefaultAfterDays: 90}
}

// Params are the parameters in state, or the defaults.
func Params(r store.Reader) *txpb.ScfParams {
	var p txpb.ScfParams
	if core.GetProto(r, paramsKey, &p) {
		return &p
	}
	return DefaultParams()
}

// ValidateParams refuses parameters outside what the rules allow: a term beyond a year, an
// offer that never or instantly expires, no minimum part, no default horizon.
func ValidateParams(p *txpb.ScfParams) error {
	switch {
	case p == nil:
		return ErrBadParams.Wrapf("params missing")
	case p.MaxTermDays < 1 || p.MaxTermDays > 366:
		return ErrBadParams.Wrapf("max_term_days %d: 1..366", p.MaxTermDays)
	case p.OfferExpirySeconds < 60 || p.OfferExpirySeconds > 90*86400:
		return ErrBadParams.Wrapf("offer_expiry_seconds %d: a minute to 90 days", p.OfferExpirySeconds)
	case p.MinPartMinor < 1:
		return ErrBadParams.Wrapf("min_part_minor %d: at least 1", p.MinPartMinor)
	case p.DefaultAfterDays < 1 || p.DefaultAfterDays > 3650:
		return ErrBadParams.Wrapf("default_after_days %d: 1..3650", p.DefaultAfterDays)
	}
	return nil
}

// SetParams executes MsgSetScfParams (a passed governance proposal).
func SetParams(ctx *core.Context, m *txpb.MsgSetScfParams) error {
	if err := ValidateParams(m.Params); err != nil {
		return err
	}
	core.SetProto(ctx.KV, paramsKey, proto.Clone(m.Params))
	ctx.Emit("scf.params_set", "max_term_days", core.Itoa(int64(m.Params.MaxTermDays)),
		"offer_expiry_seconds", core.Itoa(m.Params.OfferExpirySeconds),
		"min_part_minor", core.Itoa(m.Params.MinPartMinor), "default_after_days", core.Itoa(int64(m.Params.DefaultAfterDays)))
	return nil
}

// checkParams is the governance pre-check of MsgSetScfParams.
func checkParams(_ store.Reader, m *txpb.Msg) error {
	return ValidateParams(m.GetSetScfParams().GetParams())
}

// nextID advances a sequence.
func nextID(kv store.KV, key []byte) uint64 {
	id := core.GetInt64(kv, key) + 1
	core.SetInt64(kv, key, id)
	return uint64(id)
}
