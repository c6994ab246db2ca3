package query

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

const addr = "00112233445566778899aabbccddeeff00112233"

// Several arguments are joined with Sep in declared order; a cursor left out is left out
// with its separator, and Split gives back what Compose joined.
func TestComposeAndSplit(t *testing.T) {
	holders := ListAssetHolders.Params()
	arg, err := Compose(holders, "NOTE", addr)
	require.NoError(t, err)
	require.Equal(t, "NOTE/"+addr, arg)
	parts, err := Split(holders, arg)
	require.NoError(t, err)
	require.Equal(t, []string{"NOTE", addr}, parts)

	for _, first := range [][]string{{"NOTE"}, {"NOTE", ""}} {
		arg, err = Compose(holders, first...)
		require.NoError(t, err)
		require.Equal(t, "NOTE", arg)
		parts, err = Split(holders, arg)
		require.NoError(t, err)
		require.Equal(t, []string{"NOTE", ""}, parts)
	}

	arg, err = Compose(GetTrustReport.Params(), "3", "0", "86400")
	require.NoError(t, err)
	require.Equal(t, "3/0/86400", arg)
	require.NoError(t, GetTrustReport.Validate(arg))

	// One argument is the whole text; none is nothing (an empty value is no value).
	arg, err = Compose(GetAsset.Params(), "CNY")
	require.NoError(t, err)
	require.Equal(t, "CNY", arg)
	arg, err = Compose(ListAssets.Params(), "")
	require.NoError(t, err)
	require.Empty(t, arg)
}

// Every bad value is refused with a coded error naming it, before anything is read.
func TestComposeRefuses(t *testing.T) {
	report := GetTrustReport.Params()
	for name, values := range map[string][]string{
		"too few":          {"3", "0"},
		"too many":         {"3", "0", "1", "2"},
		"not an id":        {"x", "0", "1"},
		"id zero":          {"0", "0", "1"},
		"negative time":    {"3", "-1", "1"},
		"required missing": {"3", "", "1"},
	} {
		_, err := Compose(report, values...)
		require.Error(t, err, name)
		require.Contains(t, err.Error(), "tx.invalid_field", name)
	}
	escrows := ListAccountEscrows.Params()
	_, err := Compose(escrows, addr, "e1/e2")
	require.ErrorContains(t, err, "may not hold", "a value of several may not hold the separator")
	_, err = Compose(escrows, strings.ToUpper(addr))
	require.Error(t, err)
	_, err = Compose(ListAssets.Params(), "x")
	require.Error(t, err, "a query of no argument takes none")
}

func TestSplitRefuses(t *testing.T) {
	for _, arg := range []string{"", "NOTE/" + addr + "/" + addr, "NOTE/", "NOTE/xyz", "no/" + addr} {
		require.Error(t, ListAssetHolders.Validate(arg), arg)
	}
	for _, arg := range []string{"3", "3/0", "3/0/1/2", "3/a/1", "3:0:1"} {
		require.Error(t, GetTrustReport.Validate(arg), arg)
	}
	require.Error(t, ListAssets.Validate("x"))
	require.NoError(t, ListLargeValueReports.Validate("~"))
	require.NoError(t, ListLargeValueReports.Validate("2026-01-01~"))
	require.Error(t, ListLargeValueReports.Validate("2026-1-1~"), "the pattern holds")
	require.NoError(t, ListAssets.Validate(""))
}

// A declaration whose arguments cannot be served as declared does not start.
func TestDeclareChecksArguments(t *testing.T) {
	id := Arg{Name: "id", Kind: ArgID}
	for name, in := range map[string]Info{
		"route segments not the path arguments": {Path: "/t/a", Route: "/v1/t/{code}", Args: []Arg{id}},
		"route segments out of order": {Path: "/t/b", Route: "/v1/t/{b}/{id}",
			Args: []Arg{id, {Name: "b", Kind: ArgID}}},
		"an optional before a required": {Path: "/t/c", Args: []Arg{After(ArgAddress, ""), id}},
		"a query parameter in the route": {Path: "/t/d", Route: "/v1/t/{id}/{after}",
			Args: []Arg{id, After(ArgAddress, "")}},
		"an argument without a kind": {Path: "/t/e", Args: []Arg{{Name: "x"}}},
	} {
		require.Panics(t, func() { in.check(nil) }, name)
	}
	require.Panics(t, func() {
		Def[int]{Path: "/t/f", Arg: Arg{Name: "id", Kind: ArgID}, Args: []Arg{{Name: "id", Kind: ArgID}}}.Info().check(
			Def[int]{Path: "/t/f", Arg: Arg{Name: "id", Kind: ArgID}, Args: []Arg{{Name: "id", Kind: ArgID}}})
	}, "Arg beside Args")
	require.NotPanics(t, func() { GetTrustReport.Info().check(GetTrustReport) })
}
