package client

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/cometbft/cometbft/light"
	cmttypes "github.com/cometbft/cometbft/types"
)

// TrustingPeriod is how long a verified header stays a valid anchor for skipping
// verification. Consortium validators are known institutions whose keys change by
// governance, so the period is long; it bounds only how stale an anchor may be.
const TrustingPeriod = 10 * 365 * 24 * time.Hour

// LightVerify returns the signed header at target, verified from a trust anchor of nothing
// but the genesis validator set: header 1 must be signed by that set, and every later
// validator set is reached by CometBFT's light-client rules (adjacent headers must chain,
// skipped ones must be signed by more than 1/3 of the last trusted set), bisecting where the
// set changed too much. The node answering is not trusted.
func (c *Client) LightVerify(ctx context.Context, target int64, genesis *cmttypes.ValidatorSet) (*cmttypes.SignedHeader, *cmttypes.ValidatorSet, error) {
	first, firstVals, err := c.signedHeader(ctx, 1)
	if err != nil {
		return nil, nil, err
	}
	if _, err := VerifySignedHeader(c.chainID, first, firstVals, genesis); err != nil {
		return nil, nil, err
	}
	if target == 1 {
		return first, firstVals, nil
	}
	return c.bisect(ctx, first, firstVals, target, 0)
}

// maxBisections bounds the recursion: each level halves the gap.
const maxBisections = 64

func (c *Client) bisect(ctx context.Context, trusted *cmttypes.SignedHeader, trustedVals *cmttypes.ValidatorSet,
	target int64, depth int) (*cmttypes.SignedHeader, *cmttypes.ValidatorSet, error) {
	if depth > maxBisections {
		return nil, nil, fmt.Errorf("%w: too many validator-set changes to bisect", ErrVerification)
	}
	untrusted, untrustedVals, err := c.signedHeader(ctx, target)
	if err != nil {
		return nil, nil, err
	}
	err = light.Verify(trusted, trustedVals, untrusted, untrustedVals, TrustingPeriod, time.Now(), 10*time.Second, light.DefaultTrustLevel)
	var tooMuchChange light.ErrNewValSetCantBeTrusted
	switch {
	case err == nil:
		return untrusted, untrustedVals, nil
	case errors.As(err, &tooMuchChange) && target > trusted.Height+1:
		mid := trusted.Height + (target-trusted.Height)/2
		midHeader, midVals, err := c.bisect(ctx, trusted, trustedVals, mid, depth+1)
		if err != nil {
			return nil, nil, err
		}
		return c.bisect(ctx, midHeader, midVals, target, depth+1)
	}
	return nil, nil, fmt.Errorf("%w: header %d: %v", ErrVerification, target, err)
}

func (c *Client) signedHeader(ctx context.Context, h int64) (*cmttypes.SignedHeader, *cmttypes.ValidatorSet, error) {
	commit, err := c.RPC.Commit(ctx, &h)
	if err != nil {
		return nil, nil, err
	}
	vals, err := c.validators(ctx, h)
	if err != nil {
		return nil, nil, err
	}
	return &commit.SignedHeader, vals, nil
}
