package main

import (
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/query"
)

// Every declared query is a command under `puhui query`, taking an argument exactly when
// the declaration has one.
func TestEveryDeclaredQueryIsACommand(t *testing.T) {
	q := newQueryCmd()
	for _, in := range query.All() {
		path := []string{in.Name}
		if in.Group != "" {
			path = []string{in.Group, in.Name}
		}
		cmd, rest, err := q.Find(path)
		require.NoError(t, err, in.Path)
		require.Empty(t, rest, in.Path)
		require.Equal(t, in.Name, cmd.Name(), in.Path)
		require.NotNil(t, cmd.RunE, "%s: a runnable command", in.Path)
		hasArg := strings.Contains(cmd.Use, " ")
		require.Equal(t, in.Arg.Kind != query.ArgNone, hasArg, "%s: %q", in.Path, cmd.Use)
	}
}

// The generic text form shows amounts in the asset's decimals, times in UTC, byte strings
// in hex and nested lists indented.
func TestViewText(t *testing.T) {
	sc := func(asset string) uint32 {
		if asset == "CNY" {
			return 2
		}
		return 0
	}
	v := []query.ReportAccess{{ID: 1, Lender: "bank", At: 1767225600, Report: query.CreditReport{
		Exposure: []query.AssetExposure{{Asset: "CNY", Outstanding: 123456, Lenders: 2}},
		Score:    query.Score{Score: 612, InputsHash: "ab01", Reasons: []query.ScoreReason{{Code: "thin_file", PointsLost: 40}}},
	}}}
	text := viewText(reflect.ValueOf(v), sc)
	require.Contains(t, text, "- id: 1\n")
	require.Contains(t, text, "  at: 2026-01-01T00:00:00Z\n")
	require.Contains(t, text, "outstanding: 1234.56\n", "minor units in the asset's decimals")
	require.Contains(t, text, "      - asset: CNY\n", "nested lists indented")
	require.Contains(t, text, "code: thin_file")
	require.Contains(t, text, "cash flow: none")
	key := query.EncryptionKey{Address: "a1", X25519PubKey: []byte{0xde, 0xad}}
	require.Contains(t, viewText(reflect.ValueOf(key), sc), "x25519 pub key: dead")
	require.Equal(t, "none", viewText(reflect.ValueOf([]query.Consent{}), sc))
}
