package module

import (
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
)

// QueryContext is what a query sees: a committed snapshot and its time.
type QueryContext struct {
	State  store.Reader
	Height int64  // the snapshot's height
	Root   []byte // the snapshot's AppHash
	Now    int64  // block time of the last committed block: the "as of" time of views
	// Prove is set when the client asked for proofs; ProveKey proves one key against Root.
	Prove    bool
	ProveKey func(key []byte) ([]byte, error)
}

// Query answers one declared read path.
type Query struct {
	Path   string
	answer func(QueryContext, string) (any, error)
}

// Answer binds a query declaration to the module's answer; the view type is the one the
// declaration promises to the API, the SDK and the CLI.
func Answer[V any](d query.Def[V], f func(q QueryContext, arg string) (V, error)) Query {
	return Query{Path: d.Path, answer: func(q QueryContext, arg string) (any, error) {
		if err := d.Validate(arg); err != nil {
			return nil, err
		}
		return f(q, arg)
	}}
}

// Run answers the query.
func (q Query) Run(qc QueryContext, arg string) (any, error) { return q.answer(qc, arg) }
