package store

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/cockroachdb/pebble"
)

// The side index: records the application keeps beside its state (transactions by hash and
// by account) but outside the tree, so that they change neither the AppHash nor any proof.
// They are written in the same synced batch as the block's state, so they exist exactly
// when the block's state does: no crash can leave a committed block unindexed.
var (
	prefixIndex = []byte("i/")
	// keyIndexed is the height through which the index is complete (every committed height
	// from the first has its records). A home that committed blocks before it kept an index
	// lags behind its height until a re-index fills the gap.
	keyIndexed = []byte("m/indexed")
)

// Record is one side-index entry.
type Record struct{ Key, Value []byte }

func indexKey(key []byte) []byte {
	return append(append(make([]byte, 0, len(prefixIndex)+len(key)), prefixIndex...), key...)
}

// Index reads the side index as last committed. It is not proven: an answer from it is the
// node's word, as CometBFT's own transaction index is.
func (db *DB) Index() Reader { return indexReader{db.pdb} }

// IndexedHeight is the height through which the side index is complete.
func (db *DB) IndexedHeight() int64 {
	db.mu.RLock()
	defer db.mu.RUnlock()
	return db.indexed
}

// putIndex adds records to a batch, and moves the complete-through mark to height when the
// index was complete up to the height before (or nothing was committed before).
func (db *DB) putIndex(b *pebble.Batch, height int64, records []Record) (int64, error) {
	for _, r := range records {
		if err := b.Set(indexKey(r.Key), r.Value, nil); err != nil {
			return 0, err
		}
	}
	db.mu.RLock()
	indexed, committed := db.indexed, db.height
	db.mu.RUnlock()
	if indexed != height-1 && committed != 0 {
		return indexed, nil
	}
	return height, b.Set(keyIndexed, binary.BigEndian.AppendUint64(nil, uint64(height)), nil)
}

// WriteIndex writes records of blocks already committed (a re-index) in one synced batch
// and marks the index complete through the given height. The caller vouches that every
// height up to it now has its records.
func (db *DB) WriteIndex(through int64, records []Record) error {
	b := db.pdb.NewBatch()
	defer b.Close()
	for _, r := range records {
		if err := b.Set(indexKey(r.Key), r.Value, nil); err != nil {
			return err
		}
	}
	if err := b.Set(keyIndexed, binary.BigEndian.AppendUint64(nil, uint64(through)), nil); err != nil {
		return err
	}
	if err := b.Commit(pebble.Sync); err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	db.mu.Lock()
	db.indexed = through
	db.mu.Unlock()
	return nil
}

// ClearIndex deletes the whole side index (before a rebuild).
func (db *DB) ClearIndex() error {
	b := db.pdb.NewBatch()
	defer b.Close()
	if err := b.DeleteRange(prefixIndex, PrefixEnd(prefixIndex), nil); err != nil {
		return err
	}
	if err := b.Delete(keyIndexed, nil); err != nil {
		return err
	}
	if err := b.Commit(pebble.Sync); err != nil {
		return fmt.Errorf("clear index: %w", err)
	}
	db.mu.Lock()
	db.indexed = 0
	db.mu.Unlock()
	return nil
}

func (db *DB) loadIndexed() error {
	v, err := db.getMeta(keyIndexed)
	if err != nil || v == nil {
		return err
	}
	if len(v) != 8 {
		return errors.New("corrupt index height")
	}
	db.indexed = int64(binary.BigEndian.Uint64(v))
	return nil
}

// indexReader reads side-index keys.
type indexReader struct{ r pebble.Reader }

func (p indexReader) Get(key []byte) []byte {
	v, closer, err := p.r.Get(indexKey(key))
	if errors.Is(err, pebble.ErrNotFound) {
		return nil
	}
	if err != nil {
		panic(fmt.Sprintf("index read failed: %v", err))
	}
	defer closer.Close()
	return append([]byte(nil), v...)
}

func (p indexReader) Iterate(start, end []byte, fn func(key, value []byte) bool) {
	opts := &pebble.IterOptions{LowerBound: indexKey(start), UpperBound: PrefixEnd(prefixIndex)}
	if end != nil {
		opts.UpperBound = indexKey(end)
	}
	it, err := p.r.NewIter(opts)
	if err != nil {
		panic(fmt.Sprintf("index iterate failed: %v", err))
	}
	defer it.Close()
	for it.First(); it.Valid(); it.Next() {
		if !fn(it.Key()[len(prefixIndex):], it.Value()) {
			return
		}
	}
	if err := it.Error(); err != nil {
		panic(fmt.Sprintf("index iterate failed: %v", err))
	}
}

// ReverseIterateIndex calls fn for each side-index key in [start, end) in descending order until
// fn returns false (newest-first listings).
func (db *DB) ReverseIterateIndex(start, end []byte, fn func(key, value []byte) bool) error {
	opts := &pebble.IterOptions{LowerBound: indexKey(start), UpperBound: PrefixEnd(prefixIndex)}
	if end != nil {
		opts.UpperBound = indexKey(end)
	}
	it, err := db.pdb.NewIter(opts)
	if err != nil {
		return err
	}
	defer it.Close()
	for it.Last(); it.Valid(); it.Prev() {
		if !fn(it.Key()[len(prefixIndex):], it.Value()) {
			break
		}
	}
	return it.Error()
}
