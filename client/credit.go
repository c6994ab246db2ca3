package client

import (
	"context"
	"encoding/hex"

	"github.com/puhui-chain/puhui/query"
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
	return Query(ctx, c, query.MayReadDocument, hex.EncodeToString(hash)+"/"+member)
}
