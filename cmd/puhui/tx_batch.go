package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/client"
)

const (
	flagSignOnly = "sign-only"
	flagNonce    = "nonce"
	flagAPI      = "api"
)

// defaultAPI is the REST API a batch goes to: PUHUI_API, else the node's default address.
func defaultAPI() string {
	if a := os.Getenv("PUHUI_API"); a != "" {
		return a
	}
	return "http://127.0.0.1:8080"
}

func newTxSubmitBatchCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "submit-batch FILE",
		Short: "Submit a file of signed transactions through the node's batch endpoint",
		Long: "FILE (- for standard input) holds one signed transaction per line in base64, as\n" +
			"`puhui tx ... --sign-only --nonce N` prints them; blank lines and lines starting with # are skipped.\n" +
			fmt.Sprintf("They go to POST /v1/txs/batch in order, at most %d a request; each is answered accepted with its hash\n", client.MaxBatchTxs) +
			"or refused with its code (a refused one changes nothing). It does not wait for commits.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			txs, err := readBatchArg(cmd, args[0])
			if err != nil {
				return err
			}
			res, err := submitInBatches(cmd.Context(), str(cmd, flagAPI), txs)
			if err != nil {
				return err
			}
			if err := printOut(cmd, res, func() string { return batchText(res) }); err != nil {
				return err
			}
			if res.Refused > 0 {
				return fmt.Errorf("%d of %d transactions refused", res.Refused, len(res.Results))
			}
			return nil
		},
	}
	addOutputFlag(cmd)
	cmd.Flags().String(flagAPI, defaultAPI(), "REST API of the node (PUHUI_API)")
	return cmd
}

func readBatchArg(cmd *cobra.Command, name string) ([][]byte, error) {
	var r io.Reader = cmd.InOrStdin()
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	txs, err := client.ReadBatchFile(r)
	if err == nil && len(txs) == 0 {
		err = fmt.Errorf("%s holds no transactions", name)
	}
	return txs, err
}

// submitInBatches sends txs in order, in requests within the batch limits, and joins the
// answers. Transactions of one signer may follow each other: each request is answered
// before the next is sent.
func submitInBatches(ctx context.Context, apiURL string, txs [][]byte) (*client.BatchResult, error) {
	out := &client.BatchResult{}
	for len(txs) > 0 {
		n, size := 0, 0
		for n < len(txs) && n < client.MaxBatchTxs {
			// base64 and JSON quoting; leave room for the envelope.
			if size += (len(txs[n])+2)/3*4 + 3; size > client.MaxBatchBytes-1024 && n > 0 {
				break
			}
			n++
		}
		res, err := client.SubmitBatch(ctx, nil, apiURL, txs[:n])
		if err != nil {
			return nil, err
		}
		out.Accepted += res.Accepted
		out.Refused += res.Refused
		out.Results = append(out.Results, res.Results...)
		txs = txs[n:]
	}
	return out, nil
}

func batchText(res *client.BatchResult) string {
	var b strings.Builder
	for i, e := range res.Results {
		if e.Accepted {
			fmt.Fprintf(&b, "%4d accepted %s\n", i+1, e.Hash)
		} else {
			fmt.Fprintf(&b, "%4d REFUSED  %s %s: %s\n", i+1, e.Hash, e.Code, e.Detail)
		}
	}
	fmt.Fprintf(&b, "%d accepted, %d refused", res.Accepted, res.Refused)
	return b.String()
}
