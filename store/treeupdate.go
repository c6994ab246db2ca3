package store

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"slices"
	"sync"
)

// The block's changes go into the tree in one pass, not key by key through smt.Update.
//
// smt inserts one key at a time: every key walks from the root, allocates an object per
// node it passes (and a copy of its path per level), and the objects are hashed at commit.
// A block that collects ten thousand loans changes about twenty thousand keys, whose paths
// share the upper fifteen levels of the tree; smt spent about 450 ms of such a block on
// objects and allocations around 200,000 hashes of 65 bytes that take about 30 ms.
//
// treeUpdate sorts the changes by path and walks the stored tree once, descending only into
// subtrees that some change falls into, and writes each new node once, already hashed. It
// produces the tree smt would: the same node encodings, stored under the same digests, so
// smt reads it (proofs, the warm-up) and the roots are the same — smt's root is a function of
// the set of keys and value hashes alone, because an extension node's digest is that of the
// chain of inner nodes it stands for (TestTreeUpdateMatchesSMT checks this against smt on
// random batches of inserts, updates and deletes). The two halves of the tree below the root
// are updated on two goroutines; digests do not depend on which goroutine made them.

type digest = nodeHash

const (
	// parallelChanges is the batch size from which the root's two subtrees are updated
	// concurrently; below it a goroutine costs more than it saves.
	parallelChanges = 512

	nodeLeaf  = 0 // smt's node prefixes
	nodeInner = 1
	nodeExt   = 2
)

var emptyDigest digest // smt's placeholder: the digest of an empty subtree

// change is a key's new value (as its hash) or its deletion, at the key's path in the tree.
type change struct {
	path      digest
	valueHash digest
	deleted   bool
	// kept marks a leaf already in the tree that a rebuilt subtree keeps: it is not written
	// again. leaf is its digest.
	kept bool
	leaf digest
}

// newChange hashes a key and value as smt does: the path is sha256(key), the leaf holds
// sha256(value).
func newChange(key, value []byte, deleted bool) change {
	c := change{path: sha256.Sum256(key), deleted: deleted}
	if !deleted {
		c.valueHash = sha256.Sum256(value)
	}
	return c
}

func sortChanges(changes []change) {
	slices.SortFunc(changes, func(a, b change) int { return bytes.Compare(a.path[:], b.path[:]) })
}

func pathBit(path *digest, i int) int { return int(path[i/8]>>(7-i%8)) & 1 }

func setPathBit(path *digest, i, bit int) {
	mask := byte(1) << (7 - i%8)
	if bit == 1 {
		path[i/8] |= mask
	} else {
		path[i/8] &^= mask
	}
}

// splitAt returns the index of the first change whose path has bit i set. The changes are
// sorted and share their first i bits, so those with bit i clear come first.
func splitAt(changes []change, i int) int {
	n, _ := slices.BinarySearchFunc(changes, 1, func(c change, bit int) int { return pathBit(&c.path, i) - bit })
	return n
}

// treeNode is a stored node, decoded.
type treeNode struct {
	kind byte
	// leaf: path and value hash; inner: left and right child; extension: a path through it
	// (its first end bits are the subtree's) and its child.
	a, b       digest
	start, end int // extension: the bits [start, end) it stands for
}

func decodeNode(data []byte) (treeNode, error) {
	var n treeNode
	switch {
	case len(data) == 1+2*sha256.Size && (data[0] == nodeLeaf || data[0] == nodeInner):
		n.kind, n.a, n.b = data[0], digest(data[1:33]), digest(data[33:65])
	case len(data) == 3+2*sha256.Size && data[0] == nodeExt && data[1] < data[2]:
		n.kind, n.start, n.end = nodeExt, int(data[1]), int(data[2])
		n.a, n.b = digest(data[3:35]), digest(data[35:67])
	default:
		return n, errors.New("corrupt tree node")
	}
	return n, nil
}

// subKind is what an updated subtree turned out to be.
type subKind uint8

const (
	subEmpty  subKind = iota
	subStored         // an unchanged stored node, of a kind not yet looked at
	subLeaf           // a leaf, written (or kept)
	subInner          // an inner node, written
	subExt            // an extension not yet written: the level above may still lengthen it
)

// sub is an updated subtree at some depth.
type sub struct {
	kind       subKind
	digest     digest // stored, leaf, inner
	start, end int    // ext
	path       digest // ext: a path through it
	child      digest // ext
}

// treeWorker updates part of the tree. It reads nodes but writes nothing to the node store:
// what it wrote and orphaned is applied after every worker is done.
type treeWorker struct {
	nodes   *nodeStore
	buf     []byte          // the node being decoded
	written [][]writtenNode // in blocks: one growing slice would copy a block's worth many times
	orphans []digest
}

type writtenNode struct {
	digest digest
	n      uint8
	data   [3 + 2*sha256.Size]byte
}

const writtenBlock = 4096

// treeError carries a read failure out of the recursion.
type treeError struct{ err error }

func (w *treeWorker) load(d digest) treeNode {
	data, err := w.nodes.appendNode(w.buf[:0], d[:])
	if err != nil {
		panic(treeError{fmt.Errorf("tree node %x: %w", d[:6], err)})
	}
	w.buf = data
	n, err := decodeNode(data)
	if err != nil {
		panic(treeError{fmt.Errorf("tree node %x: %w", d[:6], err)})
	}
	return n
}

// write records a new node and returns its digest (for an extension, given: smt stores an
// extension under the digest of the inner nodes it stands for).
func (w *treeWorker) write(d digest, encoded []byte) digest {
	last := len(w.written) - 1
	if last < 0 || len(w.written[last]) == writtenBlock {
		w.written = append(w.written, make([]writtenNode, 0, writtenBlock))
		last++
	}
	w.written[last] = append(w.written[last], writtenNode{digest: d, n: uint8(len(encoded))})
	copy(w.written[last][len(w.written[last])-1].data[:], encoded)
	return d
}

func (w *treeWorker) writeLeaf(path, valueHash *digest) digest {
	enc := encodePair(nodeLeaf, path, valueHash)
	return w.write(sha256.Sum256(enc[:]), enc[:])
}

// encodePair is smt's encoding of a leaf (path, value hash) or an inner node (left, right).
func encodePair(kind byte, a, b *digest) [1 + 2*sha256.Size]byte {
	var enc [1 + 2*sha256.Size]byte
	enc[0] = kind
	copy(enc[1:], a[:])
	copy(enc[1+sha256.Size:], b[:])
	return enc
}

func innerDigest(left, right *digest) digest {
	enc := encodePair(nodeInner, left, right)
	return sha256.Sum256(enc[:])
}

func (w *treeWorker) writeInner(left, right digest) sub {
	enc := encodePair(nodeInner, &left, &right)
	return sub{kind: subInner, digest: w.write(sha256.Sum256(enc[:]), enc[:])}
}

// materialize writes a subtree that is not written yet (an extension) and returns its digest.
func (w *treeWorker) materialize(s sub) digest {
	if s.kind != subExt {
		return s.digest
	}
	d := s.child
	for i := s.end - 1; i >= s.start; i-- {
		if pathBit(&s.path, i) == 0 {
			d = innerDigest(&d, &emptyDigest)
		} else {
			d = innerDigest(&emptyDigest, &d)
		}
	}
	var enc [3 + 2*sha256.Size]byte
	enc[0], enc[1], enc[2] = nodeExt, byte(s.start), byte(s.end)
	copy(enc[3:], s.path[:])
	copy(enc[35:], s.child[:])
	return w.write(d, enc[:])
}

// apply puts changes (sorted, non-empty, all below this position) into the subtree stored
// under d at depth.
func (w *treeWorker) apply(d digest, depth int, changes []change) sub {
	if len(changes) == 0 {
		if d == emptyDigest {
			return sub{kind: subEmpty}
		}
		return sub{kind: subStored, digest: d}
	}
	if d == emptyDigest {
		return w.build(depth, changes)
	}
	n := w.load(d)
	switch n.kind {
	case nodeLeaf:
		return w.applyToLeaf(d, &n, depth, changes)
	case nodeInner:
		w.orphans = append(w.orphans, d)
		i := splitAt(changes, depth)
		left := w.apply(n.a, depth+1, changes[:i])
		right := w.apply(n.b, depth+1, changes[i:])
		return w.combine(depth, left, right, &changes[0].path)
	default:
		if n.start != depth {
			panic(treeError{fmt.Errorf("tree node %x: extension at depth %d found at %d", d[:6], n.start, depth)})
		}
		w.orphans = append(w.orphans, d)
		return w.applyToExt(&n, depth, changes)
	}
}

// applyToExt puts changes into the part of extension n from depth down: the extension is a
// chain of inner nodes with one child each, and changes that leave the chain start a new
// subtree on the other side.
func (w *treeWorker) applyToExt(n *treeNode, depth int, changes []change) sub {
	if depth == n.end {
		return w.apply(n.b, depth, changes)
	}
	if len(changes) == 0 {
		return sub{kind: subExt, start: depth, end: n.end, path: n.a, child: n.b}
	}
	i := splitAt(changes, depth)
	if pathBit(&n.a, depth) == 0 {
		return w.combine(depth, w.applyToExt(n, depth+1, changes[:i]), w.build(depth+1, changes[i:]), &changes[0].path)
	}
	return w.combine(depth, w.build(depth+1, changes[:i]), w.applyToExt(n, depth+1, changes[i:]), &changes[0].path)
}

// applyToLeaf puts changes into the subtree that is the single leaf n: the changes and the
// leaf (unless a change replaces or deletes it) are built into a new subtree.
func (w *treeWorker) applyToLeaf(d digest, n *treeNode, depth int, changes []change) sub {
	i, found := slices.BinarySearchFunc(changes, n.a, func(c change, p digest) int { return bytes.Compare(c.path[:], p[:]) })
	if found {
		w.orphans = append(w.orphans, d)
		return w.build(depth, changes)
	}
	merged := make([]change, 0, len(changes)+1)
	merged = append(merged, changes[:i]...)
	merged = append(merged, change{path: n.a, valueHash: n.b, kept: true, leaf: d})
	merged = append(merged, changes[i:]...)
	return w.build(depth, merged)
}

// build makes the subtree at depth of the entries that are not deletions.
func (w *treeWorker) build(depth int, changes []change) sub {
	first := slices.IndexFunc(changes, func(c change) bool { return !c.deleted })
	if first < 0 {
		return sub{kind: subEmpty}
	}
	last := len(changes) - 1
	for changes[last].deleted {
		last--
	}
	changes = changes[first : last+1]
	if len(changes) == 1 {
		c := &changes[0]
		if c.kept {
			return sub{kind: subLeaf, digest: c.leaf}
		}
		return sub{kind: subLeaf, digest: w.writeLeaf(&c.path, &c.valueHash)}
	}
	// The first and last paths differ first where the entries split.
	split := depth
	for pathBit(&changes[0].path, split) == pathBit(&changes[len(changes)-1].path, split) {
		split++
	}
	i := splitAt(changes, split)
	inner := w.writeInner(w.materialize(w.build(split+1, changes[:i])), w.materialize(w.build(split+1, changes[i:])))
	if split == depth {
		return inner
	}
	return sub{kind: subExt, start: depth, end: split, path: changes[0].path, child: inner.digest}
}

// combine makes the subtree at depth of two updated halves, in smt's shape: an empty half
// lifts a lone leaf, lengthens an extension or starts one.
func (w *treeWorker) combine(depth int, left, right sub, through *digest) sub {
	switch {
	case left.kind == subEmpty && right.kind == subEmpty:
		return sub{kind: subEmpty}
	case left.kind == subEmpty:
		return w.extendUp(depth, right, 1, through)
	case right.kind == subEmpty:
		return w.extendUp(depth, left, 0, through)
	}
	return w.writeInner(w.materialize(left), w.materialize(right))
}

// extendUp makes the subtree at depth whose only non-empty half (on side bit) is s.
func (w *treeWorker) extendUp(depth int, s sub, bit int, through *digest) sub {
	if s.kind == subStored {
		n := w.load(s.digest)
		switch n.kind {
		case nodeLeaf:
			s.kind = subLeaf
		case nodeInner:
			s.kind = subInner
		default:
			w.orphans = append(w.orphans, s.digest) // replaced by a longer extension
			s = sub{kind: subExt, start: n.start, end: n.end, path: n.a, child: n.b}
		}
	}
	switch s.kind {
	case subLeaf:
		return s
	case subExt:
		s.start = depth
		return s
	}
	path := *through
	setPathBit(&path, depth, bit)
	return sub{kind: subExt, start: depth, end: depth + 1, path: path, child: s.digest}
}

// updateTree applies sorted changes to the tree with the given root and returns the new
// root; the nodes it wrote and orphaned go into nodes.
func updateTree(nodes *nodeStore, root digest, changes []change) (newRoot digest, err error) {
	main := &treeWorker{nodes: nodes}
	workers := []*treeWorker{main}
	defer func() {
		if r := recover(); r != nil {
			te, ok := r.(treeError)
			if !ok {
				panic(r)
			}
			err = te.err
		}
	}()
	top := main.updateRoot(root, changes, &workers)
	newRoot = main.materialize(top)
	if top.kind == subEmpty {
		newRoot = emptyDigest
	}
	orphans, writes := 0, 0
	for _, w := range workers {
		orphans += len(w.orphans)
		for _, block := range w.written {
			writes += len(block)
		}
	}
	nodes.reserve(orphans, writes)
	// Orphans first, then writes: a node can be both (its content written again), and must
	// stay.
	for _, w := range workers {
		for i := range w.orphans {
			if err := nodes.Delete(w.orphans[i][:]); err != nil {
				return emptyDigest, err
			}
		}
	}
	for _, w := range workers {
		for _, block := range w.written {
			for i := range block {
				if err := nodes.Set(block[i].digest[:], block[i].data[:block[i].n]); err != nil {
					return emptyDigest, err
				}
			}
		}
	}
	return newRoot, nil
}

// updateRoot applies changes at the root, the root's two halves on two goroutines when the
// root is an inner node and the batch is large.
func (w *treeWorker) updateRoot(root digest, changes []change, workers *[]*treeWorker) sub {
	if len(changes) < parallelChanges || root == emptyDigest {
		return w.apply(root, 0, changes)
	}
	n := w.load(root)
	if n.kind != nodeInner {
		return w.apply(root, 0, changes)
	}
	w.orphans = append(w.orphans, root)
	i := splitAt(changes, 0)
	helper := &treeWorker{nodes: w.nodes}
	*workers = append(*workers, helper)
	var left sub
	var failed any
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() { failed = recover() }()
		left = helper.apply(n.a, 1, changes[:i])
	}()
	right := w.apply(n.b, 1, changes[i:])
	wg.Wait()
	if failed != nil {
		panic(failed)
	}
	// The halves' orphans and writes are applied in a fixed order (root's, left's, right's
	// would do as well): the order only numbers orphan records, never changes a digest.
	return w.combine(0, left, right, &changes[0].path)
}
