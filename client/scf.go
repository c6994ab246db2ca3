package client

import (
	"context"
	"encoding/json"

	"github.com/puhui-chain/puhui/query"
)

// QuoteDiscount prices a receivable certificate's discount on the node, from a request (no
// state is read): actual days, interest and proceeds. A bad request is a coded error.
func (c *Client) QuoteDiscount(ctx context.Context, req query.ScfQuoteRequest) (*query.ScfQuote, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	var q query.ScfQuote
	if _, err := c.Query(ctx, query.PathScfQuote, string(body), false, &q); err != nil {
		return nil, err
	}
	return &q, nil
}
