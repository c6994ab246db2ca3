package api

import (
	"encoding/json"
	"reflect"
	"testing"
)

// FuzzBatchBodyFastPath: whatever the body, the fast path either declines it or decodes it to
// exactly what encoding/json decodes it to; the usual shapes take the fast path.
func FuzzBatchBodyFastPath(f *testing.F) {
	fast := []string{`{"txs":["AA==","AQ=="]}`, `{"txs":[]}`, " {\n \"txs\" : [ \"AAEC\" ] }\t", `{"txs":["YWJj"]}`}
	for _, s := range fast {
		f.Add([]byte(s))
	}
	for _, s := range []string{`{"txs":null}`, `{"txs":["AA=="],"extra":1}`, `{"TXS":["AA=="]}`, `{"txs":["A\/=="]}`,
		`{"txs":["not base64"]}`, `{"txs":["AA=="]`, `{"txs":["AA=="]}x`, `{"txs":[null]}`, `[]`, `{"txs":["AA==",]}`} {
		f.Add([]byte(s))
	}
	for _, s := range fast {
		var b batchBody
		if !b.decodeFast([]byte(s)) {
			f.Fatalf("%q: the fast path declined its own shape", s)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var got batchBody
		if !got.decodeFast(data) {
			if got.Txs != nil {
				t.Fatalf("%q: declined but changed the body", data)
			}
			return
		}
		var want batchBody
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatalf("%q: fast path read what encoding/json refuses: %v", data, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: fast path %q, encoding/json %q", data, got.Txs, want.Txs)
		}
	})
}
