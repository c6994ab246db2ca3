package main

import (
	"encoding/hex"
	"fmt"
	"path/filepath"

	"github.com/cometbft/cometbft/p2p"
	"github.com/cometbft/cometbft/privval"
	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/keyring"
	"github.com/puhui-chain/puhui/node"
)

type nodeIdentity struct {
	NodeID          string `json:"node_id"`
	ConsensusPubKey string `json:"consensus_pub_key"` // hex, for propose-validator
	OperatorAddress string `json:"operator_address"`
	OperatorPubKey  string `json:"operator_pub_key"` // hex, for propose-add-member
}

func newShowNodeCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "show-node",
		Short: "Print a home's node id, consensus key and operator key (what governance needs to admit it)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			home := homeOf(cmd)
			c, err := node.LoadCometConfig(home)
			if err != nil {
				return err
			}
			nk, err := p2p.LoadNodeKey(c.NodeKeyFile())
			if err != nil {
				return err
			}
			pv := privval.LoadFilePV(c.PrivValidatorKeyFile(), c.PrivValidatorStateFile())
			pub, err := pv.GetPubKey()
			if err != nil {
				return err
			}
			kr, err := keyring.Open(filepath.Join(home, "keyring"))
			if err != nil {
				return err
			}
			op, err := kr.Show(node.OperatorKeyName)
			if err != nil {
				return err
			}
			id := nodeIdentity{NodeID: string(nk.ID()), ConsensusPubKey: hex.EncodeToString(pub.Bytes()),
				OperatorAddress: op.Address, OperatorPubKey: hex.EncodeToString(op.PubKey)}
			return printOut(cmd, id, func() string {
				return fmt.Sprintf("node id %s\nconsensus key %s\noperator %s (pub key %s)", id.NodeID, id.ConsensusPubKey, id.OperatorAddress, id.OperatorPubKey)
			})
		},
	}
	addOutputFlag(cmd)
	return cmd
}
