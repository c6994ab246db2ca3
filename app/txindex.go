package app

import (
	"encoding/binary"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
)

// Puhui's transaction index lives in the store's side index (outside the tree, so it changes
// no AppHash) and is written by Commit in the block's own batch. CometBFT's indexer writes
// after its state is saved, asynchronously, and never again on replay, so a crash between the
// two loses a committed block's transactions from lookup for good; this index cannot.
//
//	tx/<hash 32>                             → height 8 | index 4 | ExecTxResult (protobuf)
//	acct/<address>/<height 8><index 4>       → hash 32
var (
	indexTxPrefix   = []byte("tx/")
	indexAcctPrefix = []byte("acct/")
)

const posLen = 12 // height and index in a key or value

func pos(dst []byte, height int64, index uint32) []byte {
	return binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint64(dst, uint64(height)), index)
}

func txIndexKey(hash []byte) []byte { return append(slices.Clip(indexTxPrefix), hash...) }

func acctIndexPrefix(addr string) []byte {
	return append(append(slices.Clip(indexAcctPrefix), addr...), '/')
}

// IndexRecords are the index entries of one block: each transaction by hash, and by every
// account it touched. decoded may be nil or hold nil entries (undecodable transactions are
// indexed by hash only); it is decoded here then.
func IndexRecords(height int64, txs [][]byte, decoded []*tx.Decoded, results []*abci.ExecTxResult) ([]store.Record, error) {
	out := make([]store.Record, 0, 3*len(txs))
	for i, raw := range txs {
		var d *tx.Decoded
		if decoded != nil {
			d = decoded[i]
		} else {
			d, _ = tx.Decode(raw)
		}
		var hash []byte
		if d != nil {
			hash = d.Hash // already tx.Hash(raw)
		} else {
			hash = tx.Hash(raw)
		}
		res, err := results[i].Marshal()
		if err != nil {
			return nil, err
		}
		out = append(out, store.Record{Key: txIndexKey(hash), Value: append(pos(make([]byte, 0, posLen+len(res)), height, uint32(i)), res...)})
		for _, addr := range touched(d, results[i]) {
			out = append(out, store.Record{Key: pos(acctIndexPrefix(addr), height, uint32(i)), Value: hash})
		}
	}
	return out, nil
}

// touched lists, sorted and once each, the accounts a transaction concerns: its signer and
// every address an event of it names (a transfer's recipient, a loan's borrower).
func touched(d *tx.Decoded, res *abci.ExecTxResult) []string {
	var out []string
	if d != nil {
		out = append(out, d.Signer)
	}
	for _, e := range res.Events {
		for _, a := range e.Attributes {
			if len(a.Value) == 40 && tx.ValidateAddress("", a.Value) == nil {
				out = append(out, a.Value)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// lookupTx answers query.PathTx from the index.
func lookupTx(idx store.Reader, arg string) (*query.Tx, error) {
	hash, err := hex.DecodeString(arg)
	if err != nil || len(hash) != 32 {
		return nil, tx.ErrInvalidField.Wrapf("hash %q: 32 bytes in hex", arg)
	}
	return readTx(idx, hash)
}

func readTx(idx store.Reader, hash []byte) (*query.Tx, error) {
	v := idx.Get(txIndexKey(hash))
	if len(v) < posLen {
		return nil, tx.ErrNotFound.Wrapf("no committed transaction %X", hash)
	}
	var res abci.ExecTxResult
	if err := res.Unmarshal(v[posLen:]); err != nil {
		return nil, tx.ErrInternal.Wrapf("index entry of %X: %v", hash, err)
	}
	events := make([]query.Event, 0, len(res.Events))
	for _, e := range res.Events {
		ev := query.Event{Type: e.Type, Attributes: make([]query.Attribute, 0, len(e.Attributes))}
		for _, a := range e.Attributes {
			ev.Attributes = append(ev.Attributes, query.Attribute{Key: a.Key, Value: a.Value})
		}
		events = append(events, ev)
	}
	return &query.Tx{
		Hash: strings.ToUpper(hex.EncodeToString(hash)), Height: int64(binary.BigEndian.Uint64(v)),
		Index: binary.BigEndian.Uint32(v[8:]), Code: res.Code, Codespace: res.Codespace, Log: res.Log, Events: events,
	}, nil
}

// accountTxs answers query.PathAccountTxs: arg is an address, optionally followed by
// "@HEIGHT.INDEX" to list what comes before that position.
func accountTxs(db *store.DB, arg string) (*query.AccountTxs, error) {
	addr, after, paged := strings.Cut(arg, query.AccountTxsAfter)
	if err := tx.ValidateAddress("address", addr); err != nil {
		return nil, err
	}
	prefix := acctIndexPrefix(addr)
	end := store.PrefixEnd(prefix)
	if paged {
		h, i, err := parsePos(after)
		if err != nil {
			return nil, err
		}
		end = pos(slices.Clip(prefix), h, i)
	}
	out := &query.AccountTxs{Address: addr, Txs: []query.Tx{}}
	var readErr error
	err := db.ReverseIterateIndex(prefix, end, func(_, hash []byte) bool {
		if len(out.Txs) == query.MaxAccountTxs {
			last := out.Txs[len(out.Txs)-1]
			out.Next = addr + query.AccountTxsAfter + strconv.FormatInt(last.Height, 10) + "." + strconv.FormatUint(uint64(last.Index), 10)
			return false
		}
		t, err := readTx(db.Index(), hash)
		if err != nil {
			readErr = err
			return false
		}
		out.Txs = append(out.Txs, *t)
		return true
	})
	if err != nil {
		return nil, tx.ErrInternal.Wrapf("account index: %v", err)
	}
	return out, readErr
}

func parsePos(s string) (int64, uint32, error) {
	hs, is, ok := strings.Cut(s, ".")
	h, herr := strconv.ParseInt(hs, 10, 64)
	i, ierr := strconv.ParseUint(is, 10, 32)
	if !ok || herr != nil || ierr != nil || h < 1 {
		return 0, 0, tx.ErrInvalidField.Wrapf("listing position %q: HEIGHT.INDEX", s)
	}
	return h, uint32(i), nil
}
