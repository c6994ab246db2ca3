package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestReadProposedMsg(t *testing.T) {
	m, err := readProposedMsg(strings.NewReader(`{"set_compliance_params": {"params": {"cash_units": "30000",
		"natural_domestic_units": "500000"}, "reason": "lower cash threshold"}}`), "-")
	require.NoError(t, err)
	p := m.GetSetComplianceParams()
	require.NotNil(t, p)
	require.Equal(t, int64(30_000), p.Params.CashUnits)
	require.Equal(t, "lower cash threshold", p.Reason)

	for name, in := range map[string]string{
		"empty":    `{}`,
		"unknown":  `{"no_such_message": {}}`,
		"not json": `set_compliance_params`,
		"too big":  `{"set_compliance_params": {"reason": "` + strings.Repeat("x", maxProposedMsgBytes) + `"}}`,
	} {
		_, err := readProposedMsg(strings.NewReader(in), "-")
		require.Error(t, err, name)
	}
}
