package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/query"
)

// TestLendingCLI: a loan's life through the CLI against a started node — the bank registers
// an asset, a product (from a file) and a borrower; the borrower applies; the bank approves
// and disburses; the borrower prepays part, then more than is owed, which closes the loan.
// Amounts on the command line are decimals in the asset's units; the chain holds minor units.
func TestLendingCLI(t *testing.T) {
	bin := binary(t)
	home := filepath.Join(t.TempDir(), "home")
	n := startNode(t, home, nil)
	pass, err := os.ReadFile(filepath.Join(home, "config", "keyring-passphrase"))
	require.NoError(t, err)
	env := append(os.Environ(), "PUHUI_HOME="+home, "PUHUI_NODE=http://"+n.rpc, "PUHUI_PASSPHRASE="+strings.TrimSpace(string(pass)))
	run := func(stdin string, args ...string) (string, error) {
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		if stdin != "" {
			cmd.Stdin = strings.NewReader(stdin)
		}
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	must := func(args ...string) string {
		t.Helper()
		out, err := run("", args...)
		require.NoError(t, err, "puhui %s:\n%s\nnode log:\n%s", strings.Join(args, " "), out, tail(n.logPath, 20))
		return out
	}
	// tx runs a transaction command with -o json and returns the value of an event attribute.
	tx := func(event, attr string, args ...string) string {
		t.Helper()
		out := must(append(args, "-o", "json")...)
		var r client.TxResult
		require.NoError(t, json.Unmarshal([]byte(out), &r), out)
		require.Zero(t, r.Code, r.Log)
		for _, e := range r.Events {
			for _, a := range e.Attributes {
				if e.Type == event && a.Key == attr {
					return a.Value
				}
			}
		}
		t.Fatalf("no %s.%s in %s", event, attr, out)
		return ""
	}
	loan := func(id string) query.Loan {
		t.Helper()
		out := must("query", "loan", id, "-o", "json")
		var l query.Loan
		require.NoError(t, json.Unmarshal([]byte(out), &l), out)
		return l
	}
	var key struct {
		Address string `json:"address"`
		PubKey  string `json:"pub_key"`
	}
	require.NoError(t, json.Unmarshal([]byte(must("keys", "add", "alice", "-o", "json")), &key))
	alice, alicePub := key.Address, key.PubKey
	require.NoError(t, json.Unmarshal([]byte(must("keys", "show", "operator", "-o", "json")), &key))
	bank := key.Address

	tx("identity.account_registered", "address", "tx", "identity", "register-account", alicePub, "--kyc-level", "2", "--from", "operator")
	must("tx", "ledger", "register-asset", "--code", "CNY", "--name", "Chinese yuan", "--scale", "2", "--from", "operator")
	must("tx", "ledger", "mint", "--asset", "CNY", "--to", alice, "--amount", "1000", "--from", "operator")
	must("tx", "ledger", "mint", "--asset", "CNY", "--to", bank, "--amount", "100000", "--from", "operator")

	// The product's amounts are minor units (protobuf JSON int64 strings): 100.00 to 50,000.00.
	product := filepath.Join(t.TempDir(), "product.json")
	require.NoError(t, os.WriteFile(product, []byte(`{"name": "Micro 12", "asset": "CNY",
		"min_principal": "10000", "max_principal": "5000000", "min_periods": 3, "max_periods": 24,
		"frequency": "months", "annual_rate_percent": "12", "interest_method": "declining_balance",
		"amortization": "equal_installments", "min_kyc_level": 2}`), 0o600))
	require.Equal(t, "1", tx("lending.product_registered", "product_id", "tx", "lending", "register-product", "--file", product, "--from", "operator"))
	out := must("query", "product", "1")
	require.Contains(t, out, "CNY 100.00..50000.00", "bounds shown in the asset's units")
	var products []query.Product
	require.NoError(t, json.Unmarshal([]byte(must("query", "products", "-o", "json")), &products))
	require.Len(t, products, 1)
	require.Equal(t, bank, products[0].Lender)

	// A typo in a product file is refused before anything is signed.
	out, err = run(`{"name": "typo", "asset": "CNY", "max_principle": "1"}`, "tx", "lending", "register-product", "--file", "-", "--from", "operator")
	require.Error(t, err)
	require.Contains(t, out, "max_principle")

	// 10,000.00 over 12 months is 1000000 minor units.
	id := tx("lending.applied", "loan_id", "tx", "lending", "apply", "--product", "1", "--principal", "10000", "--periods", "12",
		"--purpose", "sewing machine", "--from", "alice")
	require.Equal(t, "1", id)
	l := loan(id)
	require.Equal(t, "applied", l.Status)
	require.Equal(t, int64(1_000_000), l.Principal)

	out, err = run("", "tx", "lending", "decide", id, "--approve", "--reject", "--from", "operator")
	require.Error(t, err, "approve and reject together:\n%s", out)
	require.Equal(t, "true", tx("lending.decided", "approved", "tx", "lending", "decide", id, "--approve", "--reason", "good file", "--from", "operator"))
	require.Equal(t, "12", tx("lending.disbursed", "installments", "tx", "lending", "disburse", id, "--from", "operator"))
	l = loan(id)
	require.Equal(t, "active", l.Status)
	require.Len(t, l.Installments, 12)
	require.Equal(t, int64(78849), l.Installments[0].Principal, "DOMAIN.md's schedule A")

	// The text form shows the schedule in the asset's units.
	out = must("query", "loan", id)
	require.Contains(t, out, "principal 10000.00 CNY over 12 periods")
	require.Regexp(t, `(?m)^\s+1\s+\d{4}-\d{2}-\d{2}\s+due\s+788\.49\s+100\.00\s+0\.00\s+0\.00\s+888\.49$`, out)

	// More decimals than the asset has is refused, never rounded.
	out, err = run("", "tx", "lending", "repay", id, "--amount", "100.505", "--from", "alice")
	require.Error(t, err)
	require.Contains(t, out, "decimal places")

	// Nothing is due yet: 100.50 prepays principal.
	require.Equal(t, "10050", tx("lending.repaid", "prepaid", "tx", "lending", "repay", id, "--amount", "100.50", "--from", "alice"))
	l = loan(id)
	require.Equal(t, "active", l.Status)
	require.Equal(t, int64(10050), l.PrincipalRepaid)
	require.Equal(t, int64(1_000_000-10050), l.Outstanding)

	var bl query.BorrowerLoans
	require.NoError(t, json.Unmarshal([]byte(must("query", "loans", alice, "-o", "json")), &bl))
	require.Len(t, bl.Loans, 1)
	require.Equal(t, map[string]string{"CNY": "989950"}, bl.Exposure)
	var pf query.Portfolio
	require.NoError(t, json.Unmarshal([]byte(must("query", "portfolio", bank, "-o", "json")), &pf))
	require.Len(t, pf.Assets, 1)
	require.Equal(t, int64(989950), pf.Assets[0].GrossPortfolio)
	require.Equal(t, "0.00", pf.Assets[0].PAR30)

	// Paying more than is owed settles the loan; what was not owed stays with alice.
	returned := tx("lending.repaid", "returned", "tx", "lending", "repay", id, "--amount", "10000", "--from", "alice")
	l = loan(id)
	require.Equal(t, "closed", l.Status)
	require.Equal(t, int64(1_000_000), l.PrincipalRepaid)
	require.Zero(t, l.Outstanding)
	require.Zero(t, l.TotalOwed)
	paid := (l.PrincipalRepaid - 10050) + l.InterestPaid + l.FeesPaid + l.PenaltiesPaid
	require.Equal(t, strconv.FormatInt(1_000_000-paid, 10), returned, "10,000.00 paid, %d taken", paid)
	var after query.BorrowerLoans
	require.NoError(t, json.Unmarshal([]byte(must("query", "loans", alice, "-o", "json")), &after))
	require.Equal(t, uint32(1), after.History["loans_completed"])
	require.Empty(t, after.Exposure, "nothing outstanding")

	out, err = run("", "query", "loan", "99")
	require.Error(t, err)
	require.Contains(t, out, "loan 99")
}
