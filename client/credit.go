package client

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
)

// Scorecards lists every registered scorecard model version.
func (c *Client) Scorecards(ctx context.Context) ([]query.Scorecard, error) {
	return Query(ctx, c, query.ListScorecards, "")
}

// Consents lists a borrower's consents, live, expired and revoked.
func (c *Client) Consents(ctx context.Context, borrower string) ([]query.Consent, error) {
	return Query(ctx, c, query.ListConsents, borrower)
}

// ReportAccesses lists every credit report given on a borrower, oldest first.
func (c *Client) ReportAccesses(ctx context.Context, borrower string) ([]query.ReportAccess, error) {
	return Query(ctx, c, query.ListAccesses, borrower)
}

// EncryptionKey reads a member's published document encryption key.
func (c *Client) EncryptionKey(ctx context.Context, member string) (query.EncryptionKey, error) {
	return Query(ctx, c, query.GetEncryptionKey, member)
}

// Document reads a private document's on-chain record and grants.
func (c *Client) Document(ctx context.Context, hash []byte) (query.Document, error) {
	return Query(ctx, c, query.GetDocument, hex.EncodeToString(hash))
}

// DocumentsOwned lists a member's private documents (records only).
func (c *Client) DocumentsOwned(ctx context.Context, owner string) ([]query.Document, error) {
	return Query(ctx, c, query.ListDocumentsOwned, owner)
}

// MayReadDocument reports whether a member may fetch a document (its owner or a live grant).
func (c *Client) MayReadDocument(ctx context.Context, hash []byte, member string) (bool, error) {
	return Query(ctx, c, query.MayReadDocument, hex.EncodeToString(hash), member)
}

// ReportRequest is a signed read, by the signer, of the report of a borrower's access id at
// time now (the node refuses it a few minutes later).
func (s *Signer) ReportRequest(borrower string, id int64, now time.Time) (query.ReportRequest, error) {
	sig, err := s.priv.Sign(tx.ReportReadBytes(borrower, id, now.Unix()))
	if err != nil {
		return query.ReportRequest{}, err
	}
	return query.ReportRequest{Borrower: borrower, ID: id, PubKey: s.PubKey(), Time: now.Unix(), Signature: sig}, nil
}

// CreditReport reads the report of a borrower's access as the signer: the borrower itself,
// or the lender that obtained it, while its consent is live.
func (c *Client) CreditReport(ctx context.Context, s *Signer, borrower string, id int64) (*query.PrivateReport, error) {
	req, err := s.ReportRequest(borrower, id, time.Now())
	if err != nil {
		return nil, err
	}
	return c.ReadReport(ctx, req)
}

// ReadReport sends a signed report request (the API forwards its clients' requests) and
// checks that the bytes it gets hash to the access's recorded report_sha256.
func (c *Client) ReadReport(ctx context.Context, req query.ReportRequest) (*query.PrivateReport, error) {
	data, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	var out query.PrivateReport
	if _, err := c.Query(ctx, query.PathCreditReport, string(data), false, &out); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(out.Content)
	if hex.EncodeToString(sum[:]) != out.Access.ReportSHA256 {
		return nil, fmt.Errorf("report %d of %s does not hash to its recorded sha256", req.ID, req.Borrower)
	}
	return &out, nil
}
