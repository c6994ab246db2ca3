package main

import (
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/query"
)

// Every declared query is a command under `puhui query`, taking its required arguments in
// order as positional arguments and an optional one (a page's after) as a flag.
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
		want := []string{}
		for _, a := range in.Args {
			if a.Optional {
				require.NotNil(t, cmd.Flags().Lookup(a.Name), "%s: flag --%s", in.Path, a.Name)
				continue
			}
			want = append(want, strings.ToUpper(a.Name))
			if in.Path != query.PathAccount { // made by hand, with its --prove
				require.Contains(t, cmd.Long, strings.ToUpper(a.Name)+": "+a.Doc, in.Path)
			}
		}
		require.Equal(t, want, strings.Fields(cmd.Use)[1:], "%s: %q", in.Path, cmd.Use)
		require.NoError(t, cmd.Args(cmd, want), in.Path)
		require.Error(t, cmd.Args(cmd, append(want, "extra")), in.Path)
	}
}

// The queries that take several arguments are commands of several: the trust report takes
// its trust and period, a holders page its asset and --after.
func TestDeclaredQueryArguments(t *testing.T) {
	q := newQueryCmd()
	report, _, err := q.Find([]string{"trust", "report"})
	require.NoError(t, err)
	require.Equal(t, "report ID FROM TO", report.Use)
	holders, _, err := q.Find([]string{"assets", "holders"})
	require.NoError(t, err)
	require.Equal(t, "holders CODE", holders.Use)
	require.NotNil(t, holders.Flags().Lookup("after"))
	round, _, err := q.Find([]string{"oracle", "round"})
	require.NoError(t, err)
	require.Equal(t, "round FEED ROUND", round.Use)
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
	// A list of entries that each carry a report, as a borrower's reads of its reports show.
	type entry struct {
		ID     uint64             `json:"id"`
		Lender string             `json:"lender"`
		At     int64              `json:"at"`
		Report query.CreditReport `json:"report"`
	}
	v := []entry{{ID: 1, Lender: "bank", At: 1767225600, Report: query.CreditReport{
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
