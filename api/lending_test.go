package api_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/node/nodetest"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/lending"
)

// getJSON GETs url, requires 200 and decodes the body into out.
func getJSON(t *testing.T, url string, out any) {
	t.Helper()
	status, _, body := do(t, http.MethodGet, url, "", nil)
	require.Equal(t, http.StatusOK, status, "%s: %s", url, body)
	require.NoError(t, json.Unmarshal(body, out), string(body))
}

// signedSend signs msgs with s at its next nonce and submits them through POST /v1/txs with
// wait; it returns the HTTP status and body.
func signedSend(t *testing.T, n *nodetest.Node, s *client.Signer, msgs ...*txpb.Msg) (int, http.Header, []byte) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	nonce, err := n.Client.NextNonce(ctx, s.Address())
	require.NoError(t, err)
	raw, err := s.Sign(n.ChainID, nonce, "", msgs...)
	require.NoError(t, err)
	body, _ := json.Marshal(map[string]any{"tx": raw, "wait": true})
	return do(t, http.MethodPost, n.APIURL+"/v1/txs", "", body)
}

// signedOK is signedSend that requires the transaction to commit successfully.
func signedOK(t *testing.T, n *nodetest.Node, s *client.Signer, msgs ...*txpb.Msg) client.TxResult {
	t.Helper()
	status, _, body := signedSend(t, n, s, msgs...)
	require.Equal(t, http.StatusOK, status, string(body))
	var r client.TxResult
	require.NoError(t, json.Unmarshal(body, &r))
	require.Zero(t, r.Code, r.Log)
	require.Positive(t, r.Height)
	return r
}

// TestLendingAPI drives a loan through its life over the REST API (the lender through the
// operator endpoint, the borrower with signed transactions) and reads it back at every
// lending endpoint.
func TestLendingAPI(t *testing.T) {
	n := nodetest.Start(t)
	lender := n.Operator.Address()
	alice := client.NewSigner(mustKey(t))

	// DOMAIN.md's schedule A as a product: 12% a year, equal monthly instalments.
	r := operatorSend(t, n, `[{"registerAsset":{"code":"CNY","name":"yuan","scale":2}},
		{"registerAccount":{"pubKey":"`+base64.StdEncoding.EncodeToString(alice.PubKey())+`","kycLevel":1}},
		{"mint":{"asset":"CNY","to":"`+alice.Address()+`","amount":"50000"}},
		{"mint":{"asset":"CNY","to":"`+lender+`","amount":"100000000"}},
		{"registerProduct":{"product":{"name":"Micro 12","asset":"CNY","minPrincipal":"10000","maxPrincipal":"5000000",
			"minPeriods":3,"maxPeriods":24,"frequency":"months","annualRatePercent":"12",
			"interestMethod":"declining_balance","amortization":"equal_installments"}}}]`)
	require.Zero(t, r.Code, r.Log)

	t.Run("products", func(t *testing.T) {
		var ps []query.Product
		getJSON(t, n.APIURL+"/v1/lending/products", &ps)
		require.Len(t, ps, 1)
		require.Equal(t, uint64(1), ps[0].ID)
		require.Equal(t, lender, ps[0].Lender)
		var p query.Product
		getJSON(t, n.APIURL+"/v1/lending/products/1", &p)
		require.Equal(t, "Micro 12", p.Terms["name"])
		require.Equal(t, "CNY", p.Terms["asset"])
		require.Equal(t, "5000000", p.Terms["max_principal"], "int64 terms are decimal strings of minor units")
	})

	// Apply (the borrower), approve and disburse (the lender).
	signedOK(t, n, alice, &txpb.Msg{Sum: &txpb.Msg_ApplyLoan{ApplyLoan: &txpb.MsgApplyLoan{
		ProductId: 1, Principal: 1_000_000, Periods: 12, Purpose: "sewing machine"}}})
	var l query.Loan
	getJSON(t, n.APIURL+"/v1/lending/loans/1", &l)
	require.Equal(t, "applied", l.Status)
	require.Empty(t, l.Installments, "the schedule is fixed at disbursement")

	r = operatorSend(t, n, `[{"decideLoan":{"loanId":"1","approve":true,"reason":"good file"}},{"disburseLoan":{"loanId":"1"}}]`)
	require.Zero(t, r.Code, r.Log)

	t.Run("loan", func(t *testing.T) {
		var l query.Loan
		getJSON(t, n.APIURL+"/v1/lending/loans/1", &l)
		require.Equal(t, uint64(1), l.ID)
		require.Equal(t, uint64(1), l.ProductID)
		require.Equal(t, "active", l.Status)
		require.Equal(t, alice.Address(), l.Borrower)
		require.Equal(t, lender, l.Lender)
		require.Equal(t, "CNY", l.Asset)
		require.Equal(t, int64(1_000_000), l.Principal)
		require.Equal(t, "manual: approved: good file", l.Decision)
		require.Equal(t, "sewing machine", l.Purpose)
		require.NotEmpty(t, l.StartDate)
		require.Len(t, l.Installments, 12)
		var sum int64
		for i, in := range l.Installments {
			require.Equal(t, uint32(i+1), in.N)
			require.Equal(t, "due", in.Status)
			sum += in.Principal
		}
		require.Equal(t, int64(1_000_000), sum)
		require.Equal(t, int64(78849), l.Installments[0].Principal, "schedule A")
		require.Equal(t, int64(10000), l.Installments[0].Interest, "schedule A")
		require.Equal(t, int64(1_066_186), l.TotalOwed, "schedule A's principal and total interest")
		require.Equal(t, int64(1_000_000), l.Outstanding)
		require.Zero(t, l.Overdue)
		require.Equal(t, "current", l.Bucket)
	})

	t.Run("a lender's action on a loan in the wrong state is a coded failure", func(t *testing.T) {
		r := operatorSend(t, n, `[{"decideLoan":{"loanId":"1","approve":false}}]`)
		require.Equal(t, lending.ErrWrongStatus.Codespace, r.Codespace)
		require.Equal(t, lending.ErrWrongStatus.Code, r.Code, r.Log)
	})

	t.Run("a borrower may not disburse: refused with 403", func(t *testing.T) {
		status, h, body := signedSend(t, n, alice, &txpb.Msg{Sum: &txpb.Msg_DisburseLoan{DisburseLoan: &txpb.MsgDisburseLoan{LoanId: 1}}})
		requireProblem(t, status, h, body, http.StatusForbidden, "tx.unauthorized")
	})

	// Nothing is due yet: a repayment prepays principal.
	signedOK(t, n, alice, &txpb.Msg{Sum: &txpb.Msg_RepayLoan{RepayLoan: &txpb.MsgRepayLoan{LoanId: 1, Amount: 10_000}}})

	t.Run("borrower", func(t *testing.T) {
		var b query.BorrowerLoans
		getJSON(t, n.APIURL+"/v1/lending/borrowers/"+alice.Address(), &b)
		require.Equal(t, alice.Address(), b.Borrower)
		require.Len(t, b.Loans, 1)
		require.Equal(t, int64(10_000), b.Loans[0].PrincipalRepaid)
		require.Equal(t, int64(990_000), b.Loans[0].Outstanding)
		require.Equal(t, map[string]string{"CNY": "990000"}, b.Exposure)
		require.Equal(t, uint32(1), b.History["loans_taken"])
		require.Equal(t, uint32(1), b.History["prepayments"])

		// Someone who never borrowed: no loans, no exposure.
		var none query.BorrowerLoans
		getJSON(t, n.APIURL+"/v1/lending/borrowers/"+strings.Repeat("cd", 20), &none)
		require.Empty(t, none.Loans)
		require.Empty(t, none.Exposure)
	})

	t.Run("portfolio", func(t *testing.T) {
		var p query.Portfolio
		getJSON(t, n.APIURL+"/v1/lending/portfolios/"+lender, &p)
		require.Equal(t, lender, p.Lender)
		require.Len(t, p.Assets, 1)
		a := p.Assets[0]
		require.Equal(t, "CNY", a.Asset)
		require.Equal(t, 1, a.Loans)
		require.Equal(t, int64(990_000), a.GrossPortfolio)
		require.Zero(t, a.OverduePrincipal)
		for _, v := range []string{a.PAR1, a.PAR30, a.PAR60, a.PAR90, a.ArrearsRate} {
			require.Equal(t, "0.00", v)
		}
		var none query.Portfolio
		getJSON(t, n.APIURL+"/v1/lending/portfolios/"+alice.Address(), &none)
		require.Empty(t, none.Assets, "alice lends nothing")

		// The lender's loans, counted; its history holds the day's point once a block has run.
		var ll query.LenderLoans
		getJSON(t, n.APIURL+"/v1/lending/lenders/"+lender+"/loans", &ll)
		require.Equal(t, 1, ll.Total)
		require.Equal(t, map[string]int{"active": 1}, ll.ByStatus)
		require.Equal(t, map[string]int{"current": 1}, ll.ByBucket)
		require.Equal(t, uint64(1), ll.Loans[0].ID)
		require.NotEmpty(t, ll.Loans[0].DecisionBand, "the score's band")
		require.Eventually(t, func() bool {
			var h query.PortfolioHistory
			getJSON(t, n.APIURL+"/v1/lending/portfolios/"+lender+"/history", &h)
			return len(h.Assets) == 1 && len(h.Assets[0].Points) > 0 &&
				h.Assets[0].Points[len(h.Assets[0].Points)-1].GrossPortfolio > 0
		}, 20*time.Second, 100*time.Millisecond, "a history point with the GLP")
	})

	t.Run("unknown loans and products are coded 404s", func(t *testing.T) {
		status, h, body := do(t, http.MethodGet, n.APIURL+"/v1/lending/loans/99", "", nil)
		requireProblem(t, status, h, body, http.StatusNotFound, "lending.unknown_loan")
		status, h, body = do(t, http.MethodGet, n.APIURL+"/v1/lending/products/42", "", nil)
		requireProblem(t, status, h, body, http.StatusNotFound, "lending.unknown_product")
	})

	t.Run("malformed ids and addresses are 4xx problems", func(t *testing.T) {
		for _, path := range []string{"/v1/lending/loans/abc", "/v1/lending/loans/0", "/v1/lending/loans/-1",
			"/v1/lending/loans/1.5", "/v1/lending/loans/99999999999999999999", "/v1/lending/products/x1",
			"/v1/lending/products/0", "/v1/lending/borrowers/NOT-AN-ADDRESS", "/v1/lending/borrowers/" + strings.ToUpper(alice.Address()),
			"/v1/lending/portfolios/" + lender[:39], "/v1/lending/portfolios/" + lender + "0"} {
			status, h, body := do(t, http.MethodGet, n.APIURL+path, "", nil)
			requireProblem(t, status, h, body, http.StatusUnprocessableEntity, "api.invalid_request")
		}
	})

	t.Run("openapi lists the lending endpoints", func(t *testing.T) {
		var doc struct {
			Paths      map[string]map[string]any `json:"paths"`
			Components struct {
				Schemas map[string]any `json:"schemas"`
			} `json:"components"`
		}
		getJSON(t, n.APIURL+"/openapi.json", &doc)
		// A live loan's instalment and the preview's are distinct schemas.
		require.Contains(t, doc.Components.Schemas, "LoanInstallment")
		require.Contains(t, doc.Components.Schemas, "Installment")
		for _, p := range []string{"/v1/lending/products", "/v1/lending/products/{id}", "/v1/lending/loans/{id}",
			"/v1/lending/borrowers/{address}", "/v1/lending/portfolios/{address}", "/v1/lending/schedule"} {
			require.Contains(t, doc.Paths, p)
		}
	})

	t.Run("malformed input to every endpoint", func(t *testing.T) {
		malformedEverywhere(t, n)
	})
}
