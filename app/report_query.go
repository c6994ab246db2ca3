package app

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"time"

	"github.com/cometbft/cometbft/crypto/ed25519"
	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/credit"
	"github.com/puhui-chain/puhui/x/module"
)

// creditReport answers a signed read of an access's report (query.PathCreditReport). The
// check is here, in the application, not in the API: every way to query the node (the REST
// API, CometBFT's RPC) reaches this one check. The reader must be the borrower, or the
// access's lender while its consent for the purpose is live; the bytes served must hash to
// what the access recorded.
func (a *App) creditReport(qc module.QueryContext, data []byte) (query.PrivateReport, error) {
	var req query.ReportRequest
	if err := json.Unmarshal(data, &req); err != nil {
		return query.PrivateReport{}, tx.ErrMalformed.Wrapf("report request: %v", err)
	}
	reader, err := verifyReportRequest(req, time.Now()) // a read, not execution: the node's clock may bound it
	if err != nil {
		return query.PrivateReport{}, err
	}
	acc, ok := credit.GetAccess(qc.State, req.Borrower, uint64(req.ID))
	if !ok {
		return query.PrivateReport{}, credit.ErrUnknownAccess.Wrapf("no report access %d of %s", req.ID, req.Borrower)
	}
	if !credit.MayReadReport(qc.State, acc, reader, qc.Now) {
		return query.PrivateReport{}, credit.ErrNotReader.Wrapf("%s may not read this report: only the borrower, "+
			"and the lender that obtained it while its consent for %q is live", reader, acc.Purpose)
	}
	content, found, err := a.private.Get(credit.PrivateReportKey(acc.Borrower, acc.Id))
	if err != nil {
		return query.PrivateReport{}, tx.ErrInternal.Wrapf("private store: %v", err)
	}
	sum := sha256.Sum256(content)
	if !found || !bytes.Equal(sum[:], acc.ReportSha256) {
		return query.PrivateReport{}, tx.ErrNotFound.Wrapf("this node holds no copy of report %d of %s that matches its recorded hash", acc.Id, acc.Borrower)
	}
	var rep statepb.CreditReport
	if err := proto.Unmarshal(content, &rep); err != nil {
		return query.PrivateReport{}, tx.ErrInternal.Wrapf("report %d of %s: %v", acc.Id, acc.Borrower, err)
	}
	return query.PrivateReport{Access: credit.AccessView(acc), Report: credit.ReportView(&rep), Content: content}, nil
}

// verifyReportRequest checks the request's form, freshness and signature, and returns the
// reader's address.
func verifyReportRequest(req query.ReportRequest, now time.Time) (string, error) {
	if err := tx.ValidateAddress("borrower", req.Borrower); err != nil {
		return "", err
	}
	if req.ID <= 0 {
		return "", tx.ErrInvalidField.Wrapf("id is required (ids start at 1)")
	}
	if len(req.PubKey) != tx.PubKeySize || len(req.Signature) != tx.SignatureSize {
		return "", tx.ErrBadSignature.Wrapf("a report request carries a %d-byte public key and a %d-byte signature", tx.PubKeySize, tx.SignatureSize)
	}
	if d := now.Unix() - req.Time; d > query.ReportRequestSkew || d < -query.ReportRequestSkew {
		return "", tx.ErrExpired.Wrapf("request time is %d s from this node's clock (at most %d)", d, query.ReportRequestSkew)
	}
	if !ed25519.PubKey(req.PubKey).VerifySignature(tx.ReportReadBytes(req.Borrower, req.ID, req.Time), req.Signature) {
		return "", tx.ErrBadSignature.Wrapf("the report request's signature does not verify")
	}
	return tx.AddressOf(req.PubKey), nil
}
