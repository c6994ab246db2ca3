package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/cobra"
	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

func newTxEscrowCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "escrow", Short: "Escrows, two-leg swaps and hash time-locked transfers"}
	cmd.AddCommand(escrowCreateCmd(), idTxCommand("release", "Pay an open escrow to its payee", func(id uint64) proto.Message {
		return &txpb.MsgReleaseEscrow{EscrowId: id}
	}), idTxCommand("refund", "Return an open escrow to its payer", func(id uint64) proto.Message {
		return &txpb.MsgRefundEscrow{EscrowId: id}
	}), swapProposeCmd(), idTxCommand("swap-accept", "Accept a swap: both legs move in one step", func(id uint64) proto.Message {
		return &txpb.MsgAcceptSwap{SwapId: id}
	}), idTxCommand("swap-cancel", "Withdraw a swap you proposed", func(id uint64) proto.Message {
		return &txpb.MsgCancelSwap{SwapId: id}
	}), htlcLockCmd(), htlcClaimCmd(), idTxCommand("htlc-reclaim", "Take back an unclaimed HTLC after its expiry", func(id uint64) proto.Message {
		return &txpb.MsgReclaimHtlc{HtlcId: id}
	}))
	return cmd
}

func idTxCommand(use, short string, msg func(uint64) proto.Message) *cobra.Command {
	return txCommand(use+" ID", short, cobra.ExactArgs(1),
		func(_ context.Context, _ *client.Client, _ *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil || id == 0 {
				return nil, fmt.Errorf("id %q: a decimal id ≥ 1", args[0])
			}
			return []*txpb.Msg{tx.Wrap(msg(id))}, nil
		})
}

// deadline is the latest block's time plus a duration flag.
func deadline(ctx context.Context, c *client.Client, cmd *cobra.Command, flag string) (int64, error) {
	d, _ := cmd.Flags().GetDuration(flag)
	if d == 0 {
		return 0, nil
	}
	st, err := c.Status(ctx)
	if err != nil {
		return 0, err
	}
	return st.BlockTime.Add(d).Unix(), nil
}

func escrowCreateCmd() *cobra.Command {
	c := txCommand("create", "Hold a payment for a payee until a time, an arbiter or a condition releases it", cobra.NoArgs,
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, _ []string) ([]*txpb.Msg, error) {
			m := &txpb.MsgCreateEscrow{Payee: str(cmd, "payee"), Asset: str(cmd, "asset"), Arbiter: str(cmd, "arbiter"),
				Condition: str(cmd, "condition"), WatchAccount: str(cmd, "watch-account"), WatchAsset: str(cmd, "watch-asset"),
				Memo: str(cmd, "note")}
			var err error
			if m.Amount, err = amountOf(ctx, c, m.Asset, str(cmd, "amount")); err != nil {
				return nil, err
			}
			if m.ReleaseAt, err = deadline(ctx, c, cmd, "release-in"); err != nil {
				return nil, err
			}
			if m.RefundAt, err = deadline(ctx, c, cmd, "refund-in"); err != nil {
				return nil, err
			}
			return []*txpb.Msg{tx.Wrap(m)}, nil
		})
	c.Flags().String("payee", "", "who is paid on release")
	c.Flags().String("asset", "", "asset code")
	c.Flags().String("amount", "", "amount as a decimal")
	c.Flags().Duration("release-in", 0, "time condition: released this long after the latest block")
	c.Flags().String("arbiter", "", "arbiter condition: this account releases or refunds")
	c.Flags().String("condition", "", "CEL condition over now, height, amount, watched_balance (minor units)")
	c.Flags().String("watch-account", "", "the account whose balance is watched_balance")
	c.Flags().String("watch-asset", "", "the asset of watched_balance")
	c.Flags().Duration("refund-in", 7*24*time.Hour, "refunded to the payer this long after the latest block")
	c.Flags().String("note", "", "free reference recorded with the escrow")
	required(c, "payee", "asset", "amount")
	return c
}

func swapProposeCmd() *cobra.Command {
	c := txCommand("swap-propose", "Offer an amount of one asset for an amount of another from a counterparty", cobra.NoArgs,
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, _ []string) ([]*txpb.Msg, error) {
			m := &txpb.MsgProposeSwap{Counterparty: str(cmd, "counterparty"), GiveAsset: str(cmd, "give-asset"), WantAsset: str(cmd, "want-asset")}
			var err error
			if m.GiveAmount, err = amountOf(ctx, c, m.GiveAsset, str(cmd, "give-amount")); err != nil {
				return nil, err
			}
			if m.WantAmount, err = amountOf(ctx, c, m.WantAsset, str(cmd, "want-amount")); err != nil {
				return nil, err
			}
			if m.ExpiresAt, err = deadline(ctx, c, cmd, "expires-in"); err != nil {
				return nil, err
			}
			return []*txpb.Msg{tx.Wrap(m)}, nil
		})
	c.Flags().String("counterparty", "", "who may accept")
	c.Flags().String("give-asset", "", "the asset you give (held now)")
	c.Flags().String("give-amount", "", "as a decimal")
	c.Flags().String("want-asset", "", "the asset you receive")
	c.Flags().String("want-amount", "", "as a decimal")
	c.Flags().Duration("expires-in", time.Hour, "the offer lapses this long after the latest block")
	required(c, "counterparty", "give-asset", "give-amount", "want-asset", "want-amount")
	return c
}

func htlcLockCmd() *cobra.Command {
	c := txCommand("htlc-lock", "Lock an amount for a receiver under a SHA-256 hashlock until an expiry", cobra.NoArgs,
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, _ []string) ([]*txpb.Msg, error) {
			m := &txpb.MsgLockHtlc{Receiver: str(cmd, "receiver"), Asset: str(cmd, "asset")}
			var err error
			if m.Hashlock, err = hex.DecodeString(str(cmd, "hashlock")); err != nil || len(m.Hashlock) != sha256.Size {
				return nil, fmt.Errorf("--hashlock: a SHA-256 in hex (64 characters)")
			}
			if m.Amount, err = amountOf(ctx, c, m.Asset, str(cmd, "amount")); err != nil {
				return nil, err
			}
			if m.ExpiresAt, err = deadline(ctx, c, cmd, "expires-in"); err != nil {
				return nil, err
			}
			return []*txpb.Msg{tx.Wrap(m)}, nil
		})
	c.Flags().String("receiver", "", "who may claim with the preimage")
	c.Flags().String("asset", "", "asset code")
	c.Flags().String("amount", "", "amount as a decimal")
	c.Flags().String("hashlock", "", "SHA-256 of the preimage, hex")
	c.Flags().Duration("expires-in", 24*time.Hour, "claimable until this long after the latest block")
	required(c, "receiver", "asset", "amount", "hashlock")
	return c
}

func htlcClaimCmd() *cobra.Command {
	c := txCommand("htlc-claim ID", "Claim an HTLC with its preimage (--preimage text, or --preimage-hex)", cobra.ExactArgs(1),
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil || id == 0 {
				return nil, fmt.Errorf("id %q: a decimal id ≥ 1", args[0])
			}
			pre := []byte(str(cmd, "preimage"))
			if h := str(cmd, "preimage-hex"); h != "" {
				if pre, err = hex.DecodeString(h); err != nil {
					return nil, fmt.Errorf("--preimage-hex: %w", err)
				}
			}
			return []*txpb.Msg{tx.Wrap(&txpb.MsgClaimHtlc{HtlcId: id, Preimage: pre})}, nil
		})
	c.Flags().String("preimage", "", "the preimage as text")
	c.Flags().String("preimage-hex", "", "the preimage in hex")
	return c
}
