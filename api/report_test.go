package api_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/node/nodetest"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// readReportREST reads an access's report over REST, signed by s.
func readReportREST(t *testing.T, n *nodetest.Node, s *client.Signer, borrower string, id int64) (int, http.Header, []byte) {
	t.Helper()
	req, err := s.ReportRequest(borrower, id, time.Now())
	require.NoError(t, err)
	r, err := http.NewRequest(http.MethodGet, fmt.Sprintf("%s/v1/credit/accounts/%s/accesses/%d/report", n.APIURL, borrower, id), nil)
	require.NoError(t, err)
	r.Header.Set("Puhui-Member-Key", hex.EncodeToString(req.PubKey))
	r.Header.Set("Puhui-Time", fmt.Sprint(req.Time))
	r.Header.Set("Puhui-Signature", hex.EncodeToString(req.Signature))
	res, err := http.DefaultClient.Do(r)
	require.NoError(t, err)
	defer res.Body.Close()
	var body json.RawMessage
	require.NoError(t, json.NewDecoder(res.Body).Decode(&body))
	return res.StatusCode, res.Header, body
}

// A credit report is read only by its borrower and by the lender that obtained it while its
// consent is live: not by another lender, not by an unrelated account, not from the access
// log, the transaction's result or CometBFT's RPC.
func TestCreditReportsArePrivate(t *testing.T) {
	mfi := client.NewSigner(mustKey(t))
	n := nodetest.StartWith(t, nodetest.AddMembers(app.GenesisMember{Name: "MFI", PubKey: mfi.PubKey(), Roles: []string{"mfi"}}))
	ctx := context.Background()
	bank := n.Operator
	alice, eve := client.NewSigner(mustKey(t)), client.NewSigner(mustKey(t))
	r := operatorSend(t, n, `[{"registerAsset":{"code":"CNY","name":"yuan","scale":2}},
		{"registerAccount":{"pubKey":"`+base64.StdEncoding.EncodeToString(alice.PubKey())+`","kycLevel":1}},
		{"registerAccount":{"pubKey":"`+base64.StdEncoding.EncodeToString(eve.PubKey())+`","kycLevel":1}}]`)
	require.Zero(t, r.Code, r.Log)
	signedOK(t, n, alice, &txpb.Msg{Sum: &txpb.Msg_GrantConsent{GrantConsent: &txpb.MsgGrantConsent{
		Borrower: alice.Address(), Lender: bank.Address(), Purpose: "loan_application", ExpiresAt: time.Now().Add(30 * 24 * time.Hour).Unix()}}})
	got := signedOK(t, n, bank, &txpb.Msg{Sum: &txpb.Msg_RequestCreditReport{RequestCreditReport: &txpb.MsgRequestCreditReport{
		Borrower: alice.Address(), Purpose: "loan_application", Asset: "CNY"}}})

	// The consented lender and the borrower read it, and it is the report whose hash was recorded.
	status, _, body := readReportREST(t, n, bank, alice.Address(), 1)
	require.Equal(t, http.StatusOK, status, string(body))
	var pr query.PrivateReport
	require.NoError(t, json.Unmarshal(body, &pr))
	sum := sha256.Sum256(pr.Content)
	require.Equal(t, hex.EncodeToString(sum[:]), pr.Access.ReportSHA256)
	require.Equal(t, alice.Address(), pr.Report.Borrower)
	require.NotEmpty(t, pr.Report.Score.Model)
	status, _, body = readReportREST(t, n, alice, alice.Address(), 1)
	require.Equal(t, http.StatusOK, status, string(body))
	byAlice, err := n.Client.CreditReport(ctx, alice, alice.Address(), 1)
	require.NoError(t, err)
	require.Equal(t, pr.Report, byAlice.Report)

	// Others see that an access happened, not what it said.
	accesses, err := n.Client.ReportAccesses(ctx, alice.Address())
	require.NoError(t, err)
	require.Len(t, accesses, 1)
	require.Equal(t, pr.Access, accesses[0])
	for _, url := range []string{n.APIURL + "/v1/credit/accounts/" + alice.Address() + "/accesses", n.APIURL + "/v1/txs/" + got.Hash} {
		status, _, body := do(t, http.MethodGet, url, "", nil)
		require.Equal(t, http.StatusOK, status, string(body))
		require.NotContains(t, string(body), `"score"`, url)
		require.NotContains(t, string(body), `"history"`, url)
	}
	for _, s := range []*client.Signer{mfi, eve} {
		status, h, body := readReportREST(t, n, s, alice.Address(), 1)
		requireProblem(t, status, h, body, http.StatusForbidden, "credit.not_report_reader")
		_, err := n.Client.CreditReport(ctx, s, alice.Address(), 1)
		require.ErrorContains(t, err, "not_report_reader")
	}
	// Unsigned, or signed by one key and presented as another's: refused, over REST and RPC.
	status, h, body := do(t, http.MethodGet, n.APIURL+"/v1/credit/accounts/"+alice.Address()+"/accesses/1/report", "", nil)
	requireProblem(t, status, h, body, http.StatusUnprocessableEntity, "api.invalid_request")
	forged, err := eve.ReportRequest(alice.Address(), 1, time.Now())
	require.NoError(t, err)
	forged.PubKey = bank.PubKey()
	_, err = n.Client.ReadReport(ctx, forged)
	require.ErrorContains(t, err, "bad_signature")
	res, err := n.Client.RPC.ABCIQuery(ctx, query.PathCreditReport, []byte(`{"borrower":"`+alice.Address()+`","id":1}`))
	require.NoError(t, err)
	require.NotZero(t, res.Response.Code)
	require.Empty(t, res.Response.Value)

	// Once the borrower revokes the consent, the lender reads it no more; the borrower still does.
	signedOK(t, n, alice, &txpb.Msg{Sum: &txpb.Msg_RevokeConsent{RevokeConsent: &txpb.MsgRevokeConsent{
		Borrower: alice.Address(), Lender: bank.Address(), Purpose: "loan_application"}}})
	status, h, body = readReportREST(t, n, bank, alice.Address(), 1)
	requireProblem(t, status, h, body, http.StatusForbidden, "credit.not_report_reader")
	status, _, body = readReportREST(t, n, alice, alice.Address(), 1)
	require.Equal(t, http.StatusOK, status, string(body))
	require.True(t, strings.Contains(string(body), pr.Access.ReportSHA256))
}
