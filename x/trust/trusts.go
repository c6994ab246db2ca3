package trust

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// GetTrust reads a trust.
func GetTrust(r store.Reader, id uint64) (*statepb.TrustRecord, bool) {
	var t statepb.TrustRecord
	return &t, core.GetProto(r, TrustKey(id), &t)
}

// ListTrusts returns every trust in id order.
func ListTrusts(r store.Reader) []*statepb.TrustRecord {
	return core.ListProto[statepb.TrustRecord](r, trustPrefix)
}

func putTrust(kv store.KV, t *statepb.TrustRecord) { core.SetProto(kv, TrustKey(t.Id), t) }

func trustOrError(r store.Reader, id uint64) (*statepb.TrustRecord, error) {
	t, ok := GetTrust(r, id)
	if !ok {
		return nil, ErrUnknownTrust.Wrapf("trust %d", id)
	}
	return t, nil
}

// activeTrust is a trust that still takes contributions and pays out.
func activeTrust(r store.Reader, id uint64) (*statepb.TrustRecord, error) {
	t, err := trustOrError(r, id)
	if err != nil {
		return nil, err
	}
	if t.Status != statepb.TrustStatus_TRUST_STATUS_ACTIVE {
		return nil, ErrTrustClosed.Wrapf("trust %d is %s", id, statusName(t.Status))
	}
	return t, nil
}

func requireTrustee(ctx *core.Context, t *statepb.TrustRecord) error {
	if ctx.Signer != t.Trustee {
		return ErrNotTrustee.Wrapf("%s is not the trustee of trust %d", ctx.Signer, t.Id)
	}
	return nil
}

// Balance is what the trust account should hold by the trust's own books: contributed −
// released − fees − refunded − passed on (the invariant checks the ledger agrees).
func Balance(t *statepb.TrustRecord) int64 {
	out, err := money.Sum(t.Released, t.Fees, t.Refunded, t.PassedOn)
	if err != nil {
		panic(err) // each is bounded by the contributions, themselves in range
	}
	return t.Contributed - out
}

// addMonths is the block time k business months after at (the calendar's own rule: the 31st
// plus a month may land on the 1st to 3rd of the month after next).
func addMonths(r store.Reader, at int64, k int) int64 {
	c := core.ClockOf(r)
	return c.BlockTimeOf(c.Business(at).AddDate(0, k, 0))
}

// businessSeconds is how many business seconds pass between two block times.
func businessSeconds(r store.Reader, from, to int64) int64 {
	c := core.ClockOf(r)
	return c.Business(to).Unix() - c.Business(from).Unix()
}
