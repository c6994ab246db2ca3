package escrow

import (
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/module"
)

func queries() []module.Query {
	return []module.Query{
		module.Answer(query.GetEscrow, func(q module.QueryContext, arg string) (query.Escrow, error) {
			e, ok := GetEscrow(q.State, query.ID(arg))
			if !ok {
				return query.Escrow{}, ErrUnknown.Wrapf("escrow %s", arg)
			}
			return escrowView(e), nil
		}),
		module.Answer(query.GetSwap, func(q module.QueryContext, arg string) (query.Swap, error) {
			s, ok := GetSwap(q.State, query.ID(arg))
			if !ok {
				return query.Swap{}, ErrUnknown.Wrapf("swap %s", arg)
			}
			return swapView(s), nil
		}),
		module.Answer(query.GetHtlc, func(q module.QueryContext, arg string) (query.Htlc, error) {
			h, ok := GetHtlc(q.State, query.ID(arg))
			if !ok {
				return query.Htlc{}, ErrUnknown.Wrapf("htlc %s", arg)
			}
			return htlcView(h), nil
		}),
		module.Answer(query.ListAccountEscrows, func(q module.QueryContext, arg string) (query.AccountEscrows, error) {
			return accountPage(q.State, arg)
		}),
	}
}

func escrowView(e *statepb.Escrow) query.Escrow {
	t := e.Terms
	return query.Escrow{ID: e.Id, Payer: e.Payer, Payee: t.Payee, Asset: t.Asset, Amount: t.Amount,
		Condition: conditionKind(t), ReleaseAt: t.ReleaseAt, Arbiter: t.Arbiter, Expression: t.Condition,
		WatchAccount: t.WatchAccount, WatchAsset: t.WatchAsset, RefundAt: t.RefundAt, Memo: t.Memo,
		HoldID: e.HoldId, Status: e.Status, CreatedAt: e.CreatedAt, ClosedAt: e.ClosedAt, ClosedBy: e.ClosedBy}
}

func swapView(s *statepb.Swap) query.Swap {
	t := s.Terms
	return query.Swap{ID: s.Id, Proposer: s.Proposer, Counterparty: t.Counterparty, GiveAsset: t.GiveAsset,
		GiveAmount: t.GiveAmount, WantAsset: t.WantAsset, WantAmount: t.WantAmount, ExpiresAt: t.ExpiresAt,
		HoldID: s.HoldId, Status: s.Status, CreatedAt: s.CreatedAt, ClosedAt: s.ClosedAt}
}

func htlcView(h *statepb.Htlc) query.Htlc {
	t := h.Terms
	return query.Htlc{ID: h.Id, Sender: h.Sender, Receiver: t.Receiver, Asset: t.Asset, Amount: t.Amount,
		Hashlock: hex.EncodeToString(t.Hashlock), ExpiresAt: t.ExpiresAt, HoldID: h.HoldId, Status: h.Status,
		Preimage: hex.EncodeToString(h.Preimage), CreatedAt: h.CreatedAt, ClosedAt: h.ClosedAt}
}

// accountPage answers address[/<kind><id>]: up to a page of the account's records after that
// one, in (kind, id) order; its next is the last record's <kind><id>.
func accountPage(r store.Reader, arg string) (query.AccountEscrows, error) {
	addr, after, more := strings.Cut(arg, query.Sep)
	if err := tx.ValidateAddress("account", addr); err != nil {
		return query.AccountEscrows{}, err
	}
	out := query.AccountEscrows{Address: addr, Escrows: []query.Escrow{}, Swaps: []query.Swap{}, Htlcs: []query.Htlc{}}
	start := partyPrefix(addr)
	if more {
		kind, id, err := parseCursor(after)
		if err != nil {
			return out, err
		}
		start = append(partyKey(addr, kind, id), 0)
	}
	n := 0
	r.Iterate(start, store.PrefixEnd(partyPrefix(addr)), func(k, _ []byte) bool {
		kind, id := string(k[len(k)-10]), decodeID(k[len(k)-8:])
		if n == query.MaxEscrowsListed {
			out.Next = kind + strconv.FormatUint(id, 10)
			return false
		}
		n++
		addRecord(r, &out, kind, id)
		return true
	})
	return out, nil
}

func addRecord(r store.Reader, out *query.AccountEscrows, kind string, id uint64) {
	switch kind {
	case kindEscrow:
		if e, ok := GetEscrow(r, id); ok {
			out.Escrows = append(out.Escrows, escrowView(e))
		}
	case kindSwap:
		if s, ok := GetSwap(r, id); ok {
			out.Swaps = append(out.Swaps, swapView(s))
		}
	case kindHtlc:
		if h, ok := GetHtlc(r, id); ok {
			out.Htlcs = append(out.Htlcs, htlcView(h))
		}
	}
}

func parseCursor(s string) (string, uint64, error) {
	if len(s) < 2 || !strings.Contains(kindEscrow+kindSwap+kindHtlc, s[:1]) {
		return "", 0, tx.ErrInvalidField.Wrapf("continuation %q: e, s or h and an id", s)
	}
	id, err := strconv.ParseUint(s[1:], 10, 64)
	if err != nil || id == 0 {
		return "", 0, tx.ErrInvalidField.Wrapf("continuation %q: e, s or h and an id", s)
	}
	return s[:1], id, nil
}
