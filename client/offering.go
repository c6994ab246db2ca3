package client

import (
	"context"
	"encoding/json"

	"github.com/puhui-chain/puhui/query"
)

// OfferingQuote prices a pledge on the node from a request carrying the terms (no state is
// read): cost, fee and the issuer's part. A bad request is a coded error.
func (c *Client) OfferingQuote(ctx context.Context, req query.OfferingQuoteRequest) (*query.OfferingQuote, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	var q query.OfferingQuote
	if _, err := c.Query(ctx, query.PathOfferingQuote, string(body), false, &q); err != nil {
		return nil, err
	}
	return &q, nil
}
