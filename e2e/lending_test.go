package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestLendingScheduleCLI: the offline schedule preview reproduces golden schedule B (12%
// flat) from a file and refuses a bad request naming the field.
func TestLendingScheduleCLI(t *testing.T) {
	bin := binary(t)
	file := filepath.Join(t.TempDir(), "req.json")
	require.NoError(t, os.WriteFile(file, []byte(`{"principal": "10000", "annual_rate_percent": "12", "periods": 12,
		"interest_method": "flat", "start_date": "2024-01-01"}`), 0o600))
	out, err := exec.Command(bin, "lending", "schedule", "--request", file).Output()
	require.NoError(t, err)
	var s struct {
		Installments  []struct{ Principal, Interest, Total string } `json:"installments"`
		TotalInterest string                                        `json:"total_interest"`
		APR           string                                        `json:"apr_percent"`
	}
	require.NoError(t, json.Unmarshal(out, &s))
	require.Equal(t, "833.33", s.Installments[0].Principal)
	require.Equal(t, "933.37", s.Installments[11].Total)
	require.Equal(t, "1200.00", s.TotalInterest)
	require.Equal(t, "21.46", s.APR)

	cmd := exec.Command(bin, "lending", "schedule", "--request", "-")
	cmd.Stdin = strings.NewReader(`{"principal": "10000", "annual_rate_percent": "12", "periods": 0, "start_date": "2024-01-01"}`)
	res, err := cmd.CombinedOutput()
	require.Error(t, err)
	require.Contains(t, string(res), "periods")
}
