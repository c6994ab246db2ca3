package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"time"

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
	attest := txCommand("attest-kyc ADDRESS LEVEL", "Attest an account's KYC level until an expiry (KYC providers)", cobra.ExactArgs(2),
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			level, err := strconv.ParseUint(args[1], 10, 32)
			if err != nil {
				return nil, fmt.Errorf("level %q: %w", args[1], err)
			}
			evidence, err := evidenceHash(str(cmd, "evidence-file"), str(cmd, "salt"))
			if err != nil {
				return nil, err
			}
			valid, _ := cmd.Flags().GetDuration("valid-for")
			return []*txpb.Msg{{Sum: &txpb.Msg_AttestKyc{AttestKyc: &txpb.MsgAttestKyc{Account: args[0], KycLevel: uint32(level),
				ExpiresAt: time.Now().Add(valid).Unix(), EvidenceHash: evidence, Jurisdiction: str(cmd, "jurisdiction")}}}}, nil
		})
	attest.Flags().String("evidence-file", "", "the off-chain evidence (never sent; only its salted hash is)")
	attest.Flags().String("salt", "", "secret salt mixed into the evidence hash (keep it with the evidence)")
	attest.Flags().String("jurisdiction", "", "the holder's ISO 3166-1 alpha-2 country code (e.g. CN), carried by the attestation")
	attest.Flags().Duration("valid-for", 365*24*time.Hour, "how long the attestation holds")
	_ = attest.MarkFlagRequired("evidence-file")
	_ = attest.MarkFlagRequired("salt")
	revoke := txCommand("revoke-kyc ADDRESS", "Withdraw the signer's KYC attestation of an account", cobra.ExactArgs(1),
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			return []*txpb.Msg{{Sum: &txpb.Msg_RevokeKyc{RevokeKyc: &txpb.MsgRevokeKyc{Account: args[0], Reason: str(cmd, "reason")}}}}, nil
		})
	revoke.Flags().String("reason", "", "why")
	cmd.AddCommand(reg, kyc, attest, revoke)
	return cmd
}

// evidenceHash is sha256(salt || 0x00 || evidence): the chain keeps only this.
func evidenceHash(path, salt string) ([]byte, error) {
	if salt == "" {
		return nil, fmt.Errorf("a salt is required: without one, a guessable document could be matched to its hash")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	h.Write([]byte(salt))
	h.Write([]byte{0})
	h.Write(data)
	return h.Sum(nil), nil
}
