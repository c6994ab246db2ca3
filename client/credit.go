package client

import (
	"context"
	"encoding/hex"
	"encoding/json"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx/statepb"
)

// queryProto reads a view whose value is one state record in protobuf JSON.
func (c *Client) queryProto(ctx context.Context, path, arg string, out proto.Message) error {
	var raw json.RawMessage
	if _, err := c.Query(ctx, path, arg, false, &raw); err != nil {
		return err
	}
	return protojson.Unmarshal(raw, out)
}

// queryProtoList reads a view whose value is a list of state records.
func queryProtoList[M proto.Message](ctx context.Context, c *Client, path, arg string, newM func() M) ([]M, error) {
	var raws []json.RawMessage
	if _, err := c.Query(ctx, path, arg, false, &raws); err != nil {
		return nil, err
	}
	out := make([]M, len(raws))
	for i, r := range raws {
		out[i] = newM()
		if err := protojson.Unmarshal(r, out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Scorecards lists every registered scorecard model version.
func (c *Client) Scorecards(ctx context.Context) ([]*statepb.ScorecardRecord, error) {
	return queryProtoList(ctx, c, query.PathScorecards, "", func() *statepb.ScorecardRecord { return &statepb.ScorecardRecord{} })
}

// Consents lists a borrower's consents.
func (c *Client) Consents(ctx context.Context, borrower string) ([]*statepb.Consent, error) {
	return queryProtoList(ctx, c, query.PathConsents, borrower, func() *statepb.Consent { return &statepb.Consent{} })
}

// ReportAccesses lists the reports lenders obtained on a borrower, oldest first.
func (c *Client) ReportAccesses(ctx context.Context, borrower string) ([]*statepb.ReportAccess, error) {
	return queryProtoList(ctx, c, query.PathAccesses, borrower, func() *statepb.ReportAccess { return &statepb.ReportAccess{} })
}

// EncryptionKey reads a member's published X25519 key.
func (c *Client) EncryptionKey(ctx context.Context, member string) (*statepb.EncryptionKey, error) {
	var k statepb.EncryptionKey
	return &k, c.queryProto(ctx, query.PathEncryptionKey, member, &k)
}

// Document reads a private document's record and grants.
func (c *Client) Document(ctx context.Context, hash []byte) (*statepb.DocumentView, error) {
	var v statepb.DocumentView
	return &v, c.queryProto(ctx, query.PathDocument, hex.EncodeToString(hash), &v)
}

// DocumentsOwned lists a member's documents.
func (c *Client) DocumentsOwned(ctx context.Context, owner string) ([]*statepb.Document, error) {
	return queryProtoList(ctx, c, query.PathDocumentsOwned, owner, func() *statepb.Document { return &statepb.Document{} })
}

// MayReadDocument reports whether a member may fetch a document (its owner or a live grant).
func (c *Client) MayReadDocument(ctx context.Context, hash []byte, member string) (bool, error) {
	var ok bool
	_, err := c.Query(ctx, query.PathDocumentAccess, hex.EncodeToString(hash)+"/"+member, false, &ok)
	return ok, err
}
