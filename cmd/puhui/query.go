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
		timeout := queryTimeout
		if cmd.Flags().Lookup("timeout") != nil { // a command that waits says for how long
			timeout, _ = cmd.Flags().GetDuration("timeout")
		}
		ctx, cancel := context.WithTimeout(cmd.Context(), timeout)
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
		txQueryCmd(),
		accountTxsCmd(),
	)
	addDeclaredQueries(cmd, textViews())
	return cmd
}

// textViews are the hand-made text forms of declared views, by query path.
func textViews() map[string]textView {
	return map[string]textView{
		query.PathAsset:  textOf(func(a query.Asset, _ scales) string { return assetText(a) }),
		query.PathAssets: textOf(func(as []query.Asset, _ scales) string { return lines(as, "no assets", assetText) }),
		query.PathMembers: textOf(func(ms []query.Member, _ scales) string {
			return lines(ms, "no members", func(m query.Member) string {
				return fmt.Sprintf("%s  %-24s %s", m.Address, m.Name, strings.Join(m.Roles, ","))
			})
		}),
		query.PathKYC:       textOf(func(k query.KYC, _ scales) string { return kycText(k) }),
		query.PathHold:      textOf(holdText),
		query.PathProposals: textOf(func(ps []query.Proposal, _ scales) string { return lines(ps, "no proposals", proposalText) }),
		query.PathProposal:  textOf(func(p query.Proposal, _ scales) string { return proposalText(p) }),
		query.PathProduct:   textOf(productText),
		query.PathProducts: textOf(func(ps []query.Product, sc scales) string {
			return lines(ps, "no loan products", func(p query.Product) string { return productText(p, sc) })
		}),
		query.PathLoan:          textOf(func(l query.Loan, sc scales) string { return loanText(l, sc(l.Asset)) }),
		query.PathBorrowerLoans: textOf(borrowerText),
		query.PathGroup:         textOf(groupText),
		query.PathPortfolio:     textOf(portfolioText),
	}
}

// lines renders a list one item per line, or says it is empty.
func lines[T any](items []T, empty string, one func(T) string) string {
	if len(items) == 0 {
		return empty
	}
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = one(it)
	}
	return strings.Join(out, "\n")
}

func kycText(k query.KYC) string {
	if !k.Attested {
		return fmt.Sprintf("%s: KYC level %d (declared by its sponsor; no attestation)", k.Address, k.Level)
	}
	state := "live"
	if k.Revoked {
		state = "revoked: " + k.RevokeReason
	}
	return fmt.Sprintf("%s: KYC level %d; attested by %s until %s (%s)", k.Address, k.Level, k.Provider, unixText(k.ExpiresAt), state)
}

func holdText(h query.Hold, sc scales) string {
	return fmt.Sprintf("hold %d: %s %s of %s for %s, expires %s", h.ID, money.FormatMinor(h.Amount, sc(h.Asset)), h.Asset,
		h.Owner, h.Beneficiary, unixText(h.ExpiresAt))
}

func groupText(g query.Group, sc scales) string {
	loans := "none yet"
	if len(g.Loans) > 0 {
		loans = strings.Trim(strings.Join(strings.Fields(fmt.Sprint(g.Loans)), ", "), "[]")
	}
	return fmt.Sprintf("group %d %q of lender %s\n  members: %s\n  loans: %s\n  guarantee fund: %s %s", g.ID, g.Name, g.Lender,
		strings.Join(g.Members, ", "), loans, money.FormatMinor(g.Fund, sc(g.Asset)), g.Asset)
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
