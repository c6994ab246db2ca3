package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/query"
)

const queryTimeout = 30 * time.Second

// queryCommand builds a read command: run fetches the value and its text form.
func queryCommand(use, short string, args cobra.PositionalArgs,
	run func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) (any, func() string, error)) *cobra.Command {
	cmd := &cobra.Command{Use: use, Short: short, Args: args, RunE: func(cmd *cobra.Command, args []string) error {
		ctx, cancel := context.WithTimeout(cmd.Context(), queryTimeout)
		defer cancel()
		c, err := dial(ctx, cmd)
		if err != nil {
			return err
		}
		v, text, err := run(ctx, c, cmd, args)
		if err != nil {
			return err
		}
		return printOut(cmd, v, text)
	}}
	addClientFlags(cmd)
	return cmd
}

func newQueryCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "query", Aliases: []string{"q"}, Short: "Read chain state"}
	account := queryCommand("account ADDRESS", "An account with its balances (--prove: with state proofs)", cobra.ExactArgs(1),
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) (any, func() string, error) {
			prove, _ := cmd.Flags().GetBool("prove")
			a, err := c.Account(ctx, args[0], prove)
			if err != nil {
				return nil, nil, err
			}
			return a, func() string { return accountText(ctx, c, a) }, nil
		})
	account.Flags().Bool("prove", false, "include proofs of every entry against the AppHash")
	cmd.AddCommand(
		queryCommand("status", "Chain head", cobra.NoArgs,
			func(ctx context.Context, c *client.Client, _ *cobra.Command, _ []string) (any, func() string, error) {
				s, err := c.Status(ctx)
				if err != nil {
					return nil, nil, err
				}
				return s, func() string {
					return fmt.Sprintf("chain %s height %d app_hash %s time %s", s.ChainID, s.Height, s.AppHash, s.BlockTime.Format(time.RFC3339))
				}, nil
			}),
		account,
		queryCommand("asset CODE", "One asset", cobra.ExactArgs(1),
			func(ctx context.Context, c *client.Client, _ *cobra.Command, args []string) (any, func() string, error) {
				a, err := c.Asset(ctx, args[0])
				if err != nil {
					return nil, nil, err
				}
				return a, func() string { return assetText(*a) }, nil
			}),
		queryCommand("assets", "All assets", cobra.NoArgs,
			func(ctx context.Context, c *client.Client, _ *cobra.Command, _ []string) (any, func() string, error) {
				as, err := c.Assets(ctx)
				if err != nil {
					return nil, nil, err
				}
				return as, func() string {
					var lines []string
					for _, a := range as {
						lines = append(lines, assetText(a))
					}
					return strings.Join(lines, "\n")
				}, nil
			}),
		queryCommand("members", "Consortium members", cobra.NoArgs,
			func(ctx context.Context, c *client.Client, _ *cobra.Command, _ []string) (any, func() string, error) {
				ms, err := c.Members(ctx)
				if err != nil {
					return nil, nil, err
				}
				return ms, func() string {
					var lines []string
					for _, m := range ms {
						lines = append(lines, fmt.Sprintf("%s  %-24s %s", m.Address, m.Name, strings.Join(m.Roles, ",")))
					}
					return strings.Join(lines, "\n")
				}, nil
			}),
		queryCommand("kyc ADDRESS", "An account's KYC level in force and its attestation", cobra.ExactArgs(1),
			func(ctx context.Context, c *client.Client, _ *cobra.Command, args []string) (any, func() string, error) {
				k, err := c.KYC(ctx, args[0])
				if err != nil {
					return nil, nil, err
				}
				return k, func() string {
					if !k.Attested {
						return fmt.Sprintf("%s: KYC level %d (declared by its sponsor; no attestation)", k.Address, k.Level)
					}
					state := "live"
					if k.Revoked {
						state = "revoked: " + k.RevokeReason
					}
					return fmt.Sprintf("%s: KYC level %d; attested by %s until %s (%s)", k.Address, k.Level, k.Provider,
						time.Unix(k.ExpiresAt, 0).UTC().Format(time.RFC3339), state)
				}, nil
			}),
		queryCommand("hold ID", "An open hold", cobra.ExactArgs(1),
			func(ctx context.Context, c *client.Client, _ *cobra.Command, args []string) (any, func() string, error) {
				id, err := parseID("hold", args[0])
				if err != nil {
					return nil, nil, err
				}
				h, err := c.Hold(ctx, id)
				if err != nil {
					return nil, nil, err
				}
				return h, func() string {
					return fmt.Sprintf("hold %d: %d %s of %s for %s, expires %s", h.ID, h.Amount, h.Asset, h.Owner, h.Beneficiary,
						time.Unix(h.ExpiresAt, 0).UTC().Format(time.RFC3339))
				}, nil
			}),
		queryCommand("proposals", "Governance proposals", cobra.NoArgs,
			func(ctx context.Context, c *client.Client, _ *cobra.Command, _ []string) (any, func() string, error) {
				ps, err := c.Proposals(ctx)
				if err != nil {
					return nil, nil, err
				}
				return ps, func() string {
					var lines []string
					for _, p := range ps {
						lines = append(lines, proposalText(p))
					}
					return strings.Join(lines, "\n")
				}, nil
			}),
		queryCommand("proposal ID", "One governance proposal with its tally", cobra.ExactArgs(1),
			func(ctx context.Context, c *client.Client, _ *cobra.Command, args []string) (any, func() string, error) {
				id, err := parseID("proposal", args[0])
				if err != nil {
					return nil, nil, err
				}
				p, err := c.Proposal(ctx, id)
				if err != nil {
					return nil, nil, err
				}
				return p, func() string { return proposalText(*p) }, nil
			}),
		txQueryCmd(),
		accountTxsCmd(),
	)
	cmd.AddCommand(lendingQueryCmds()...)
	cmd.AddCommand(creditQueryCmd())
	return cmd
}

func assetText(a query.Asset) string {
	return fmt.Sprintf("%-8s scale %d supply %s issuer %s (%s)", a.Code, a.Scale, money.FormatMinor(a.Supply, a.Scale), a.Issuer, a.Name)
}

func accountText(ctx context.Context, c *client.Client, a *query.Account) string {
	var b strings.Builder
	fmt.Fprintf(&b, "account %s at height %d\n  roles %s  kyc %d  nonce %d  frozen %v", a.Address, a.Height,
		strings.Join(a.Roles, ","), a.KYCLevel, a.Nonce, a.Frozen)
	for _, bal := range a.Balances {
		scale := uint32(0)
		if as, err := c.Asset(ctx, bal.Asset); err == nil {
			scale = as.Scale
		}
		fmt.Fprintf(&b, "\n  %-8s available %s  held %s", bal.Asset, money.FormatMinor(bal.Available, scale), money.FormatMinor(bal.Held, scale))
	}
	if len(a.Proofs) > 0 {
		fmt.Fprintf(&b, "\n  %d proven entries against app hash %X (in header %d); check with: puhui verify", len(a.Proofs), a.AppHash, a.Height+1)
	}
	return b.String()
}

func proposalText(p query.Proposal) string {
	return fmt.Sprintf("#%d %-8s %q by %s: yes %d no %d abstain %d of %d members, voting ends %s %s", p.ID, p.Status, p.Title,
		p.Proposer, p.Yes, p.No, p.Abstain, p.Members, time.Unix(p.VotingEndsAt, 0).UTC().Format(time.RFC3339), p.ResultLog)
}
