package client_test

import (
	"context"
	"encoding/binary"
	"testing"
	"time"

	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/node/nodetest"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/statekeys"
	"github.com/puhui-chain/puhui/tx/txpb"
)

func genesisValidators(t *testing.T, n *nodetest.Node) *cmttypes.ValidatorSet {
	t.Helper()
	var vals []*cmttypes.Validator
	for _, v := range n.Comet.GenesisDoc().Validators {
		vals = append(vals, cmttypes.NewValidator(v.PubKey, v.Power))
	}
	return cmttypes.NewValidatorSet(vals)
}

func cloneAccount(a *query.Account) *query.Account {
	c := *a
	c.Balances = append([]query.Balance(nil), a.Balances...)
	c.Proofs = nil
	for _, e := range a.Proofs {
		c.Proofs = append(c.Proofs, query.ProvenEntry{
			Key: append([]byte(nil), e.Key...), Value: append([]byte(nil), e.Value...), Proof: append([]byte(nil), e.Proof...)})
	}
	return &c
}

func TestProofVerification(t *testing.T) {
	n := nodetest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	c := n.Client
	r, err := c.Send(ctx, n.Operator, "",
		&txpb.Msg{Sum: &txpb.Msg_RegisterAsset{RegisterAsset: &txpb.MsgRegisterAsset{Code: "CNY", Name: "yuan", Scale: 2}}},
		&txpb.Msg{Sum: &txpb.Msg_Mint{Mint: &txpb.MsgMint{Asset: "CNY", To: n.Operator.Address(), Amount: 123456}}})
	require.NoError(t, err)
	require.NoError(t, r.Err())

	acc, err := c.Account(ctx, n.Operator.Address(), true)
	require.NoError(t, err)
	trusted := client.VerifyOptions{Trusted: genesisValidators(t, n)}

	v, err := c.VerifyAccount(ctx, acc, trusted)
	require.NoError(t, err, "a genuine proof must verify")
	require.True(t, v.ValidatorsFit)
	require.Equal(t, acc.Height+1, v.HeaderHeight)
	require.Equal(t, v.TotalPower, v.SignedPower)

	balanceEntry := func(a *query.Account) *query.ProvenEntry {
		for i := range a.Proofs {
			if string(a.Proofs[i].Key) == string(statekeys.Balance(a.Address, "CNY")) {
				return &a.Proofs[i]
			}
		}
		t.Fatal("no balance entry")
		return nil
	}
	tampered := map[string]func(a *query.Account){
		"displayed balance": func(a *query.Account) { a.Balances[0].Available++ },
		"proven value": func(a *query.Account) {
			e := balanceEntry(a)
			e.Value = binary.BigEndian.AppendUint64(nil, 999_999)
			a.Balances[0].Available = 999_999
		},
		"proof bytes": func(a *query.Account) {
			e := balanceEntry(a)
			e.Proof[len(e.Proof)-5] ^= 0x40
		},
		"missing entry": func(a *query.Account) { a.Proofs = a.Proofs[1:] },
	}
	for name, mutate := range tampered {
		t.Run(name, func(t *testing.T) {
			bad := cloneAccount(acc)
			mutate(bad)
			_, err := c.VerifyAccount(ctx, bad, trusted)
			require.ErrorIs(t, err, client.ErrVerification)
		})
	}

	t.Run("untrusted validator set", func(t *testing.T) {
		other := cmttypes.NewValidatorSet([]*cmttypes.Validator{cmttypes.NewValidator(cmttypes.NewMockPV().PrivKey.PubKey(), 10)})
		_, err := c.VerifyAccount(ctx, acc, client.VerifyOptions{Trusted: other})
		require.ErrorIs(t, err, client.ErrVerification)
	})

	t.Run("header without enough signatures", func(t *testing.T) {
		h := acc.Height + 1
		commit, err := c.RPC.Commit(ctx, &h)
		require.NoError(t, err)
		vals := genesisValidators(t, n)
		_, err = client.VerifySignedHeader(n.ChainID, &commit.SignedHeader, vals, nil)
		require.NoError(t, err)
		for i := range commit.Commit.Signatures {
			commit.Commit.Signatures[i] = cmttypes.NewCommitSigAbsent()
		}
		_, err = client.VerifySignedHeader(n.ChainID, &commit.SignedHeader, vals, nil)
		require.ErrorIs(t, err, client.ErrVerification)
	})
}
