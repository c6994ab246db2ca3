package lending

import (
	"fmt"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// DefaultBuckets are DOMAIN.md's example delinquency buckets: 1-30, 31-60, 61-90, 91+.
var DefaultBuckets = []uint32{30, 60, 90}

const maxBuckets = 12

var bucketsKey = core.Key("lend", "params", "buckets")

// Buckets are the consortium's delinquency bucket bounds.
func Buckets(r store.Reader) []uint32 {
	var b statepb.DelinquencyBuckets
	if !core.GetProto(r, bucketsKey, &b) {
		return DefaultBuckets
	}
	return b.UpperBounds
}

// SetBuckets replaces the delinquency buckets (the route admits the regulator). Bounds must
// strictly increase, so buckets can neither overlap nor leave gaps.
func SetBuckets(ctx *core.Context, m *txpb.MsgSetDelinquencyBuckets) error {
	b := m.UpperBounds
	if err := checkBuckets(b); err != nil {
		return err
	}
	core.SetProto(ctx.KV, bucketsKey, &statepb.DelinquencyBuckets{UpperBounds: b})
	ctx.Emit("lending.buckets_set", "by", ctx.Signer, "upper_bounds", fmt.Sprint(b))
	return nil
}

// checkBuckets: 1..maxBuckets upper bounds, strictly increasing from 1.
func checkBuckets(b []uint32) error {
	if len(b) == 0 || len(b) > maxBuckets {
		return ErrBadBuckets.Wrapf("%d bounds, need 1..%d", len(b), maxBuckets)
	}
	for i, v := range b {
		if v == 0 || (i > 0 && v <= b[i-1]) {
			return ErrBadBuckets.Wrapf("bounds must strictly increase from 1: bound %d is %d", i, v)
		}
	}
	return nil
}

// BucketName names the bucket of a loan dpd days past due: "current" within the product's
// arrears grace days, else the range its days fall in ("31-60"), or "91+" past the last bound.
func BucketName(bounds []uint32, dpd, graceDays uint32) string {
	if dpd == 0 || dpd <= graceDays {
		return "current"
	}
	lo := uint32(1)
	for _, hi := range bounds {
		if dpd <= hi {
			return fmt.Sprintf("%d-%d", lo, hi)
		}
		lo = hi + 1
	}
	return fmt.Sprintf("%d+", lo)
}
