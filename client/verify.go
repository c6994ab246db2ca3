package client

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	cmttypes "github.com/cometbft/cometbft/types"
	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/proof"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/statekeys"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
)

// Verification is what a successful proof check established.
type Verification struct {
	Height        int64  `json:"height"`        // height of the proven state
	HeaderHeight  int64  `json:"header_height"` // height of the header carrying its AppHash
	AppHash       string `json:"app_hash"`
	SignedPower   int64  `json:"signed_power"`
	TotalPower    int64  `json:"total_power"`
	Entries       int    `json:"entries"`
	ValidatorsFit bool   `json:"verified_from_genesis_validators"`
}

// ErrVerification is wrapped by every verification failure.
var ErrVerification = errors.New("verification failed")

// VerifyOptions choose the trust anchor.
type VerifyOptions struct {
	// Trusted, when set, is the genesis validator set: the header is reached from it by
	// light-client verification (LightVerify), following every validator-set change. When nil
	// the node's own answer for that height is used, which proves the header is signed by that
	// set but trusts the node to name it.
	Trusted *cmttypes.ValidatorSet
	// Wait bounds how long to wait for the next header to exist.
	Wait time.Duration
}

// VerifyEntries checks proven entries of height h: it fetches the signed header of h+1
// (whose AppHash commits to h's state) — light-verified from the genesis validators when
// o.Trusted is set — checks that more than 2/3 of the validator set's power signed it, and
// checks every entry's proof against that AppHash.
func (c *Client) VerifyEntries(ctx context.Context, h int64, entries []query.ProvenEntry, o VerifyOptions) (*Verification, error) {
	if len(entries) == 0 {
		return nil, fmt.Errorf("%w: no proven entries", ErrVerification)
	}
	hh := h + 1
	if err := c.WaitHeight(ctx, hh, o.Wait); err != nil {
		return nil, err
	}
	var sh *cmttypes.SignedHeader
	var vals *cmttypes.ValidatorSet
	var err error
	if o.Trusted != nil {
		sh, vals, err = c.LightVerify(ctx, hh, o.Trusted)
	} else {
		sh, vals, err = c.signedHeader(ctx, hh)
	}
	if err != nil {
		return nil, err
	}
	v, err := VerifySignedHeader(c.chainID, sh, vals, nil)
	if err != nil {
		return nil, err
	}
	v.ValidatorsFit = o.Trusted != nil
	for _, e := range entries {
		if err := proof.Verify(sh.AppHash, e.Key, e.Value, e.Proof); err != nil {
			return nil, fmt.Errorf("%w: key %q: %v", ErrVerification, e.Key, err)
		}
	}
	v.Height, v.Entries = h, len(entries)
	return v, nil
}

// VerifySignedHeader checks that sh is signed by more than 2/3 of vals, and that vals is the
// set the header names (and the trusted set, if given).
func VerifySignedHeader(chainID string, sh *cmttypes.SignedHeader, vals, trusted *cmttypes.ValidatorSet) (*Verification, error) {
	if sh.Header == nil || sh.Commit == nil {
		return nil, fmt.Errorf("%w: incomplete signed header", ErrVerification)
	}
	if err := sh.ValidateBasic(chainID); err != nil {
		return nil, fmt.Errorf("%w: header: %v", ErrVerification, err)
	}
	if !bytes.Equal(vals.Hash(), sh.ValidatorsHash) {
		return nil, fmt.Errorf("%w: validator set does not match the header", ErrVerification)
	}
	v := &Verification{HeaderHeight: sh.Height, AppHash: fmt.Sprintf("%X", sh.AppHash), TotalPower: vals.TotalVotingPower()}
	if trusted != nil {
		if !bytes.Equal(trusted.Hash(), sh.ValidatorsHash) {
			return nil, fmt.Errorf("%w: header signed by a validator set other than the trusted one", ErrVerification)
		}
		v.ValidatorsFit = true
	}
	if err := vals.VerifyCommitLight(chainID, sh.Commit.BlockID, sh.Height, sh.Commit); err != nil {
		return nil, fmt.Errorf("%w: commit signatures: %v", ErrVerification, err)
	}
	for _, s := range sh.Commit.Signatures {
		if s.BlockIDFlag == cmttypes.BlockIDFlagCommit {
			if _, val := vals.GetByAddress(s.ValidatorAddress); val != nil {
				v.SignedPower += val.VotingPower
			}
		}
	}
	return v, nil
}

func (c *Client) validators(ctx context.Context, h int64) (*cmttypes.ValidatorSet, error) {
	var all []*cmttypes.Validator
	perPage := 100
	for page := 1; ; page++ {
		res, err := c.RPC.Validators(ctx, &h, &page, &perPage)
		if err != nil {
			return nil, err
		}
		all = append(all, res.Validators...)
		if len(all) >= res.Total || len(res.Validators) == 0 {
			break
		}
	}
	return cmttypes.NewValidatorSet(all), nil
}

// WaitHeight waits until the node has committed height h, for at most wait (0: 30 s).
func (c *Client) WaitHeight(ctx context.Context, h int64, wait time.Duration) error {
	if wait == 0 {
		wait = 30 * time.Second
	}
	deadline := time.Now().Add(wait)
	for {
		// The application's committed height, not the block store's: a block is stored before
		// it executes, so the status height runs ahead of the state that queries read.
		info, err := c.RPC.ABCIInfo(ctx)
		if err != nil {
			return err
		}
		if info.Response.LastBlockHeight >= h {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("height %d not reached within %s", h, wait)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// VerifyAccount verifies an account view's proofs and that every field shown is what the
// proven entries say.
func (c *Client) VerifyAccount(ctx context.Context, a *query.Account, o VerifyOptions) (*Verification, error) {
	if err := CheckAccountAgainstProofs(a); err != nil {
		return nil, err
	}
	return c.VerifyEntries(ctx, a.Height, a.Proofs, o)
}

// CheckAccountAgainstProofs compares an account view's fields with its proven entries, so
// that a verified proof also vouches for what is displayed.
func CheckAccountAgainstProofs(a *query.Account) error {
	proven := map[string][]byte{}
	for _, e := range a.Proofs {
		proven[string(e.Key)] = e.Value
	}
	need := func(key []byte) ([]byte, error) {
		v, ok := proven[string(key)]
		if !ok {
			return nil, fmt.Errorf("%w: no proof for %q", ErrVerification, key)
		}
		return v, nil
	}
	raw, err := need(statekeys.Account(a.Address))
	if err != nil {
		return err
	}
	var acc statepb.Account
	if err := proto.Unmarshal(raw, &acc); err != nil || !bytes.Equal(acc.PubKey, a.PubKey) ||
		acc.KycLevel != a.KYCLevel || acc.Sponsor != a.Sponsor {
		return fmt.Errorf("%w: account record differs from its proof", ErrVerification)
	}
	check := func(key []byte, shown int64, what string) error {
		v, err := need(key)
		if err != nil {
			return err
		}
		got, err := statekeys.DecodeAmount(v)
		if err != nil {
			return fmt.Errorf("%w: %s: %v", ErrVerification, what, err)
		}
		if got != shown {
			return fmt.Errorf("%w: %s shown %d, proven %d", ErrVerification, what, shown, got)
		}
		return nil
	}
	frozenRaw, err := need(statekeys.Frozen(a.Address))
	if err != nil {
		return err
	}
	if (len(frozenRaw) > 0) != a.Frozen {
		return fmt.Errorf("%w: frozen flag differs from its proof", ErrVerification)
	}
	nonceRaw, err := need(tx.NonceKey(a.Address))
	if err != nil {
		return err
	}
	if len(nonceRaw) == 8 && binary.BigEndian.Uint64(nonceRaw) != a.Nonce || len(nonceRaw) == 0 && a.Nonce != 0 {
		return fmt.Errorf("%w: nonce differs from its proof", ErrVerification)
	}
	for _, b := range a.Balances {
		if err := check(statekeys.Balance(a.Address, b.Asset), b.Available, b.Asset+" available"); err != nil {
			return err
		}
		if err := check(statekeys.Held(a.Address, b.Asset), b.Held, b.Asset+" held"); err != nil {
			return err
		}
	}
	return nil
}
