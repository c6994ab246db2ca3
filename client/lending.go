package client

import (
	"context"
	"encoding/json"
	"strconv"

	"github.com/puhui-chain/puhui/query"
)

// Product reads a loan product.
func (c *Client) Product(ctx context.Context, id uint64) (*query.Product, error) {
	var p query.Product
	_, err := c.Query(ctx, query.PathProduct, strconv.FormatUint(id, 10), false, &p)
	return &p, err
}

// Products lists loan products in id order.
func (c *Client) Products(ctx context.Context) ([]query.Product, error) {
	var p []query.Product
	_, err := c.Query(ctx, query.PathProducts, "", false, &p)
	return p, err
}

// Loan reads a loan with its live schedule.
func (c *Client) Loan(ctx context.Context, id uint64) (*query.Loan, error) {
	var l query.Loan
	_, err := c.Query(ctx, query.PathLoan, strconv.FormatUint(id, 10), false, &l)
	return &l, err
}

// BorrowerLoans reads a borrower's loans, exposure by asset and repayment history.
func (c *Client) BorrowerLoans(ctx context.Context, addr string) (*query.BorrowerLoans, error) {
	var b query.BorrowerLoans
	_, err := c.Query(ctx, query.PathBorrowerLoans, addr, false, &b)
	return &b, err
}

// Portfolio reads a lender's portfolio quality by asset.
func (c *Client) Portfolio(ctx context.Context, lender string) (*query.Portfolio, error) {
	var p query.Portfolio
	_, err := c.Query(ctx, query.PathPortfolio, lender, false, &p)
	return &p, err
}

// ProductAsset is the asset a product lends, read from its terms.
func ProductAsset(p *query.Product) string {
	a, _ := p.Terms["asset"].(string)
	return a
}

// Group reads a joint-liability group with its fund.
func (c *Client) Group(ctx context.Context, id uint64) (*query.Group, error) {
	var g query.Group
	_, err := c.Query(ctx, query.PathGroup, strconv.FormatUint(id, 10), false, &g)
	return &g, err
}

// PreviewSchedule computes a loan's repayment schedule and APR on the node, from a request
// (no state is read). An invalid request is an answer whose Invalid names the field.
func (c *Client) PreviewSchedule(ctx context.Context, req query.ScheduleRequest) (*query.SchedulePreview, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	var p query.SchedulePreview
	if _, err := c.Query(ctx, query.PathSchedulePreview, string(body), false, &p); err != nil {
		return nil, err
	}
	return &p, nil
}
