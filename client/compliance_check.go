package client

import (
	"context"
	"encoding/json"

	"github.com/puhui-chain/puhui/query"
)

// CheckMovement asks the node what screening would do with a proposed movement on its last
// committed state: the refusal, the alerts, the large-value reports. Nothing is changed.
func (c *Client) CheckMovement(ctx context.Context, req query.ComplianceCheckRequest) (*query.ComplianceCheck, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	var v query.ComplianceCheck
	if _, err := c.Query(ctx, query.PathComplianceCheck, string(body), false, &v); err != nil {
		return nil, err
	}
	return &v, nil
}
