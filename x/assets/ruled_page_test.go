package assets

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// The ruled-asset list pages by code: each page's next is the after of the following one,
// and the pages together list every ruled asset once, in code order.
func TestRuledAssetsPaged(t *testing.T) {
	w := newWorld(t)
	var want []string
	for i := 0; i < query.PageSize+5; i++ {
		code := fmt.Sprintf("N%03d", i)
		w.register(code, &txpb.AssetRuleSet{MinKycLevel: 1})
		want = append(want, code)
	}
	var got []string
	after, pages := "", 0
	for {
		page := RuledPage(w.ctx.KV, after)
		pages++
		for _, a := range page.Assets {
			got = append(got, a.Asset)
			require.Equal(t, uint32(1), a.MinKYCLevel)
		}
		if page.Next == "" {
			break
		}
		after = page.Next
	}
	require.Equal(t, want, got)
	require.Equal(t, 2, pages)
	require.Empty(t, RuledPage(w.ctx.KV, want[len(want)-1]).Assets, "after the last code: nothing")
}
