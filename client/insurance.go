package client

import (
	"context"
	"encoding/json"

	"github.com/puhui-chain/puhui/query"
)

// InsuranceQuote computes a parametric payout on the node from a request (no state is
// read). An invalid request is an answer whose Invalid names the field.
func (c *Client) InsuranceQuote(ctx context.Context, req query.QuoteRequest) (*query.QuotePreview, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	var p query.QuotePreview
	if _, err := c.Query(ctx, query.PathInsuranceQuote, string(body), false, &p); err != nil {
		return nil, err
	}
	return &p, nil
}
