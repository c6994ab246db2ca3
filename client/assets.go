package client

import (
	"context"
	"encoding/json"

	"github.com/puhui-chain/puhui/query"
)

// DistributionQuote computes a distribution's payouts on the node from a request (no state is
// read). A bad request is a coded error.
func (c *Client) DistributionQuote(ctx context.Context, req query.DistributionQuoteRequest) (*query.DistributionQuote, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	var q query.DistributionQuote
	if _, err := c.Query(ctx, query.PathDistributionQuote, string(body), false, &q); err != nil {
		return nil, err
	}
	return &q, nil
}
