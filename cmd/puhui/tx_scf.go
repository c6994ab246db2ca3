package main

import (
	"context"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	gproto "google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// newTxSCFCmd is `puhui tx scf …`: credit lines, trade documents and receivable
// certificates. Amounts are decimals in the line's or certificate's asset.
func newTxSCFCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "scf", Short: "Supply-chain finance: credit lines, trade documents, receivable certificates"}
	cmd.AddCommand(scfGrantLineCmd(), scfSetLineCmd(), scfRegisterInvoiceCmd(), scfRegisterContractCmd(),
		scfRecordFinancingCmd(), scfIssueCmd(), scfCertCmd("accept", "Accept a certificate issued or passed to the signer",
			func(id uint64, cmd *cobra.Command) protoMsg { return &txpb.MsgAcceptCertificate{CertificateId: id} }),
		scfCertCmd("reject", "Refuse an issue, transfer or financing offered to the signer",
			func(id uint64, cmd *cobra.Command) protoMsg {
				return &txpb.MsgRejectCertificate{CertificateId: id, Reason: str(cmd, "reason")}
			}, "reason"),
		scfCertCmd("cancel", "Withdraw an offer the signer made (an issue while pending, a transfer, a financing offer)",
			func(id uint64, cmd *cobra.Command) protoMsg {
				return &txpb.MsgCancelCertificateOffer{CertificateId: id}
			}),
		scfSplitCmd(), scfTransferCmd(), scfOfferCmd(), scfFinanceCmd())
	return cmd
}

func scfGrantLineCmd() *cobra.Command {
	c := txCommand("grant-line", "Grant a core enterprise a revolving credit line (the signer is the bank)", cobra.NoArgs,
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, _ []string) ([]*txpb.Msg, error) {
			limit, err := amountOf(ctx, c, str(cmd, "asset"), str(cmd, "limit"))
			if err != nil {
				return nil, fmt.Errorf("--limit: %w", err)
			}
			expires, err := time.Parse(time.DateOnly, str(cmd, "expires"))
			if err != nil {
				return nil, fmt.Errorf("--expires: a date YYYY-MM-DD")
			}
			return []*txpb.Msg{tx.Wrap(&txpb.MsgGrantCreditLine{Enterprise: str(cmd, "enterprise"), Asset: str(cmd, "asset"),
				Limit: limit, ExpiresAt: expires.Unix()})}, nil
		})
	c.Flags().String("enterprise", "", "the core enterprise's address")
	c.Flags().String("asset", "", "asset code")
	c.Flags().String("limit", "", "limit as a decimal, e.g. 10000000.00")
	c.Flags().String("expires", "", "no issuance from this date (UTC midnight), YYYY-MM-DD")
	required(c, "enterprise", "asset", "limit", "expires")
	return c
}

func scfSetLineCmd() *cobra.Command {
	c := txCommand("set-line LINE_ID", "Change a line's limit (--limit) or close it (--close); issued certificates are untouched",
		cobra.ExactArgs(1), func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, err := parseID("line", args[0])
			if err != nil {
				return nil, err
			}
			m := &txpb.MsgSetCreditLine{LineId: id}
			m.Close, _ = cmd.Flags().GetBool("close")
			if s := str(cmd, "limit"); s != "" {
				l, err := client.Query(ctx, c, query.GetScfLine, args[0])
				if err != nil {
					return nil, err
				}
				if m.Limit, err = amountOf(ctx, c, l.Asset, s); err != nil {
					return nil, fmt.Errorf("--limit: %w", err)
				}
			}
			return []*txpb.Msg{tx.Wrap(m)}, nil
		})
	c.Flags().String("limit", "", "new limit as a decimal")
	c.Flags().Bool("close", false, "close the line: nothing more is issued on it")
	return c
}

func scfRegisterInvoiceCmd() *cobra.Command {
	c := txCommand("register-invoice", "Register an invoice between a seller and a buyer (the signer is one of them)", cobra.NoArgs,
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, _ []string) ([]*txpb.Msg, error) {
			amount, err := amountOf(ctx, c, str(cmd, "asset"), str(cmd, "amount"))
			if err != nil {
				return nil, fmt.Errorf("--amount: %w", err)
			}
			return []*txpb.Msg{tx.Wrap(&txpb.MsgRegisterTradeDocument{Kind: "invoice", Seller: str(cmd, "seller"),
				Buyer: str(cmd, "buyer"), InvoiceCode: str(cmd, "code"), InvoiceNumber: str(cmd, "number"),
				Asset: str(cmd, "asset"), Amount: amount, IssueDate: str(cmd, "date"), ExternalRef: str(cmd, "external-ref")})}, nil
		})
	c.Flags().String("seller", "", "seller's address (the supplier)")
	c.Flags().String("buyer", "", "buyer's address (the core enterprise)")
	c.Flags().String("code", "", "invoice code (发票代码)")
	c.Flags().String("number", "", "invoice number (发票号码)")
	c.Flags().String("asset", "", "asset code")
	c.Flags().String("amount", "", "amount as a decimal")
	c.Flags().String("date", "", "issue date YYYY-MM-DD")
	c.Flags().String("external-ref", "", "registration reference in an outside registry")
	required(c, "seller", "buyer", "code", "number", "asset", "amount", "date")
	return c
}

func scfRegisterContractCmd() *cobra.Command {
	c := txCommand("register-contract", "Register a contract by its SHA-256 (the signer is a party)", cobra.NoArgs,
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, _ []string) ([]*txpb.Msg, error) {
			hash, err := hex.DecodeString(str(cmd, "hash"))
			if err != nil {
				return nil, fmt.Errorf("--hash: hex")
			}
			return []*txpb.Msg{tx.Wrap(&txpb.MsgRegisterTradeDocument{Kind: "contract", Seller: str(cmd, "seller"),
				Buyer: str(cmd, "buyer"), Asset: str(cmd, "asset"), IssueDate: str(cmd, "date"), ContractHash: hash,
				ExternalRef: str(cmd, "external-ref")})}, nil
		})
	c.Flags().String("seller", "", "seller's address")
	c.Flags().String("buyer", "", "buyer's address")
	c.Flags().String("asset", "", "asset code")
	c.Flags().String("date", "", "signing date YYYY-MM-DD")
	c.Flags().String("hash", "", "SHA-256 of the contract, hex")
	c.Flags().String("external-ref", "", "registration reference in an outside registry")
	required(c, "seller", "buyer", "asset", "date", "hash")
	return c
}

func scfRecordFinancingCmd() *cobra.Command {
	c := txCommand("record-financing DOCUMENT_ID", "Record that the signer (bank or MFI) financed an invoice outside a certificate",
		cobra.ExactArgs(1), func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, err := parseID("document", args[0])
			if err != nil {
				return nil, err
			}
			return []*txpb.Msg{tx.Wrap(&txpb.MsgRecordDocumentFinancing{DocumentId: id, Reference: str(cmd, "reference")})}, nil
		})
	c.Flags().String("reference", "", "the financing's reference")
	required(c, "reference")
	return c
}

func scfIssueCmd() *cobra.Command {
	c := txCommand("issue", "Issue a receivable certificate to a tier-1 supplier against a line and registered documents",
		cobra.NoArgs, func(ctx context.Context, c *client.Client, cmd *cobra.Command, _ []string) ([]*txpb.Msg, error) {
			line, _ := cmd.Flags().GetUint64("line")
			l, err := client.Query(ctx, c, query.GetScfLine, strconv.FormatUint(line, 10))
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
			face, err := amountOf(ctx, c, l.Asset, str(cmd, "face"))
			if err != nil {
				return nil, fmt.Errorf("--face: %w", err)
			}
			docs, err := idList(str(cmd, "documents"))
			if err != nil {
				return nil, err
			}
			return []*txpb.Msg{tx.Wrap(&txpb.MsgIssueCertificate{LineId: line, To: str(cmd, "to"), Face: face,
				MaturityDate: str(cmd, "maturity"), DocumentIds: docs})}, nil
		})
	c.Flags().Uint64("line", 0, "credit line id")
	c.Flags().String("to", "", "the tier-1 supplier's address")
	c.Flags().String("face", "", "face as a decimal")
	c.Flags().String("maturity", "", "maturity date YYYY-MM-DD")
	c.Flags().String("documents", "", "trade document ids, comma-separated")
	required(c, "line", "to", "face", "maturity", "documents")
	return c
}

// scfCertCmd is a command on one certificate id with no amounts.
func scfCertCmd(use, short string, build func(uint64, *cobra.Command) protoMsg, flags ...string) *cobra.Command {
	c := txCommand(use+" CERTIFICATE_ID", short, cobra.ExactArgs(1),
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, err := parseID("certificate", args[0])
			if err != nil {
				return nil, err
			}
			return []*txpb.Msg{tx.Wrap(build(id, cmd))}, nil
		})
	for _, f := range flags {
		c.Flags().String(f, "", f)
	}
	return c
}

// certAmounts reads a certificate id and decimal amounts in its asset.
func certAmounts(ctx context.Context, c *client.Client, arg string, texts ...string) (uint64, []int64, error) {
	id, err := parseID("certificate", arg)
	if err != nil {
		return 0, nil, err
	}
	t, err := client.Query(ctx, c, query.GetScfCertificate, arg)
	if err != nil {
		return 0, nil, fmt.Errorf("certificate %d: %w", id, err)
	}
	a, err := c.Asset(ctx, t.Certificate.Asset)
	if err != nil {
		return 0, nil, err
	}
	out := make([]int64, len(texts))
	for i, s := range texts {
		if out[i], err = money.ParseAmount(s, a.Scale); err != nil {
			return 0, nil, err
		}
	}
	return id, out, nil
}

func scfSplitCmd() *cobra.Command {
	c := txCommand("split CERTIFICATE_ID", "Split a held certificate into parts that add up to its face", cobra.ExactArgs(1),
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, parts, err := certAmounts(ctx, c, args[0], strings.Split(str(cmd, "parts"), ",")...)
			if err != nil {
				return nil, err
			}
			return []*txpb.Msg{tx.Wrap(&txpb.MsgSplitCertificate{CertificateId: id, Parts: parts})}, nil
		})
	c.Flags().String("parts", "", "the parts' faces as decimals, comma-separated")
	required(c, "parts")
	return c
}

func scfTransferCmd() *cobra.Command {
	c := txCommand("transfer CERTIFICATE_ID", "Pass all or part (--amount) of a held certificate to the next supplier",
		cobra.ExactArgs(1), func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			texts := []string{}
			if s := str(cmd, "amount"); s != "" {
				texts = append(texts, s)
			}
			id, amounts, err := certAmounts(ctx, c, args[0], texts...)
			if err != nil {
				return nil, err
			}
			m := &txpb.MsgTransferCertificate{CertificateId: id, To: str(cmd, "to")}
			if len(amounts) > 0 {
				m.Amount = amounts[0]
			}
			return []*txpb.Msg{tx.Wrap(m)}, nil
		})
	c.Flags().String("to", "", "the next supplier's address")
	c.Flags().String("amount", "", "the part to pass on as a decimal (default: all)")
	required(c, "to")
	return c
}

func scfOfferCmd() *cobra.Command {
	c := txCommand("offer-financing CERTIFICATE_ID", "Offer a held certificate to a bank or MFI for discounting",
		cobra.ExactArgs(1), func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, err := parseID("certificate", args[0])
			if err != nil {
				return nil, err
			}
			basis, _ := cmd.Flags().GetUint32("basis")
			return []*txpb.Msg{tx.Wrap(&txpb.MsgOfferFinancing{CertificateId: id, Funder: str(cmd, "funder"), DayCountBasis: basis})}, nil
		})
	c.Flags().String("funder", "", "the bank's or MFI's address")
	c.Flags().Uint32("basis", 360, "day-count basis: 360 or 365")
	required(c, "funder")
	return c
}

func scfFinanceCmd() *cobra.Command {
	c := txCommand("finance CERTIFICATE_ID", "Discount a certificate offered to the signer at an annual rate: pay the proceeds, become the holder",
		cobra.ExactArgs(1), func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, err := parseID("certificate", args[0])
			if err != nil {
				return nil, err
			}
			return []*txpb.Msg{tx.Wrap(&txpb.MsgAcceptFinancing{CertificateId: id, AnnualRatePercent: str(cmd, "rate")})}, nil
		})
	c.Flags().String("rate", "", "annual discount rate in percent, e.g. 3.6")
	required(c, "rate")
	return c
}

// protoMsg is an inner message tx.Wrap puts in its case.
type protoMsg = gproto.Message

func idList(s string) ([]uint64, error) {
	var out []uint64
	for _, p := range strings.Split(s, ",") {
		id, err := parseID("document", strings.TrimSpace(p))
		if err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, nil
}

func required(c *cobra.Command, names ...string) {
	for _, n := range names {
		_ = c.MarkFlagRequired(n)
	}
}
