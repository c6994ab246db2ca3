package app_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// blockWrites runs raw alone in a block and returns the state keys the block changed, as
// readable names (the commit rehashes one tree path per key, which is most of a message's
// cost in the benchmark).
func blockWrites(t *testing.T, w *scfWorld, raw []byte) []string {
	t.Helper()
	var keys []string
	w.c.App.AfterBlock = func(_ int64, s store.Reader) {
		s.(*store.Cache).Changes(func(key, value []byte, deleted bool) {
			name := fmt.Sprintf("%s (%d bytes)", readableKey(key), len(value))
			if deleted {
				name += " (deleted)"
			}
			keys = append(keys, name)
		})
	}
	defer func() { w.c.App.AfterBlock = nil }()
	if raw == nil {
		_, err := w.c.Block()
		require.NoError(t, err)
	} else {
		res := w.c.MustExec(t, raw)
		// The result, events included, goes into the transaction index in the same batch.
		t.Logf("result %d bytes (events %v)", res.Size(), eventTypes(res.Events))
	}
	sort.Strings(keys)
	return keys
}

// readableKey shows a key's text and its binary parts (ids, times) in hex.
func readableKey(key []byte) string {
	var b strings.Builder
	for _, c := range key {
		if c >= 0x20 && c < 0x7f {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "\\x%02x", c)
		}
	}
	return b.String()
}

// TestSCFKeysWritten counts the state keys one block of a single message writes: a
// transfer of money (the benchmark's baseline), a split, a pass-on, an issue and an
// accepted financing. Every key is a tree path rehashed at commit, so the counts bound the
// scf messages' cost relative to a transfer; the bounds hold them there.
func TestSCFKeysWritten(t *testing.T) {
	w := newSCFWorld(t)
	w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.s1.Address, 1_000_00)))
	counts := map[string]int{}
	record := func(name string, raw []byte) {
		keys := blockWrites(t, w, raw)
		counts[name] = len(keys)
		t.Logf("%s writes %d keys:\n  %s", name, len(keys), strings.Join(keys, "\n  "))
	}
	record("empty block", nil)
	record("transfer", w.s1.Sign(apptest.Transfer(w.s2.Address, "CNY", 1)))

	root := w.issued(t, "00000001", 1_000_000_00, "2025-12-31")
	record("split", w.s1.Sign(tx.Wrap(&txpb.MsgSplitCertificate{CertificateId: root, Parts: []int64{400_000_00, 600_000_00}})))
	part := w.cert(t, root).Children[0]
	record("pass_on", w.s1.Sign(tx.Wrap(&txpb.MsgTransferCertificate{CertificateId: part, To: w.s2.Address})))

	doc := w.invoice(t, w.s1, w.core, "00000002", 500_000_00)
	record("issue", w.core.Sign(tx.Wrap(&txpb.MsgIssueCertificate{LineId: 1, To: w.s1.Address, Face: 500_000_00,
		MaturityDate: "2025-12-31", DocumentIds: []uint64{doc}})))

	rest := w.cert(t, root).Children[1]
	w.c.MustExec(t, w.s1.Sign(tx.Wrap(&txpb.MsgOfferFinancing{CertificateId: rest, Funder: w.bank.Address})))
	record("finance", w.bank.Sign(tx.Wrap(&txpb.MsgAcceptFinancing{CertificateId: rest, AnnualRatePercent: "3.6"})))

	base := counts["transfer"] - counts["empty block"]
	for _, op := range []string{"split", "pass_on", "issue", "finance"} {
		own := counts[op] - counts["empty block"]
		t.Logf("%s: %d keys of its own, transfer %d", op, own, base)
		require.LessOrEqual(t, own, 2*base, "%s writes more than twice the keys of a transfer", op)
	}
}

func eventTypes(events []abci.Event) []string {
	out := make([]string, len(events))
	for i, e := range events {
		out[i] = fmt.Sprintf("%s/%d", e.Type, len(e.Attributes))
	}
	return out
}
