package main

import (
	"context"
	"encoding/hex"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/tx/txpb"
)

func newTxIdentityCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "identity", Short: "Accounts and KYC levels"}
	reg := txCommand("register-account PUBKEY_HEX", "Register an individual's key, sponsored by the signing member", cobra.ExactArgs(1),
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			pub, err := hex.DecodeString(args[0])
			if err != nil {
				return nil, fmt.Errorf("public key must be hex (puhui keys show NAME): %w", err)
			}
			level, _ := cmd.Flags().GetUint32("kyc-level")
			return []*txpb.Msg{{Sum: &txpb.Msg_RegisterAccount{RegisterAccount: &txpb.MsgRegisterAccount{PubKey: pub, KycLevel: level}}}}, nil
		})
	reg.Flags().Uint32("kyc-level", 0, "KYC level 0-3")
	kyc := txCommand("set-kyc-level ADDRESS LEVEL", "Set an account's KYC level", cobra.ExactArgs(2),
		func(_ context.Context, _ *client.Client, _ *cobra.Command, args []string) ([]*txpb.Msg, error) {
			level, err := strconv.ParseUint(args[1], 10, 32)
			if err != nil {
				return nil, fmt.Errorf("level %q: %w", args[1], err)
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_SetKycLevel{SetKycLevel: &txpb.MsgSetKycLevel{Account: args[0], KycLevel: uint32(level)}}}}, nil
		})
	cmd.AddCommand(reg, kyc)
	return cmd
}
