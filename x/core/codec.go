package core

import (
	"encoding/binary"
	"fmt"

	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/statekeys"
	"github.com/puhui-chain/puhui/store"
)

// Int64Value encodes a state integer (8 bytes, big-endian). Zero is stored as absence.
func Int64Value(v int64) []byte {
	if v == 0 {
		return nil
	}
	return binary.BigEndian.AppendUint64(nil, uint64(v))
}

// DecodeInt64 decodes Int64Value; absent is zero.
func DecodeInt64(b []byte) int64 {
	if len(b) == 0 {
		return 0
	}
	if len(b) != 8 {
		panic(fmt.Sprintf("corrupt integer in state: %d bytes", len(b)))
	}
	return int64(binary.BigEndian.Uint64(b))
}

// GetInt64 reads an integer from state.
func GetInt64(r store.Reader, key []byte) int64 { return DecodeInt64(r.Get(key)) }

// SetInt64 writes an integer to state; zero deletes the key.
func SetInt64(kv store.KV, key []byte, v int64) { kv.Set(key, Int64Value(v)) }

var marshal = proto.MarshalOptions{Deterministic: true}

// SetProto writes a record in deterministic protobuf encoding.
func SetProto(kv store.KV, key []byte, m proto.Message) {
	b, err := marshal.Marshal(m)
	if err != nil {
		panic(fmt.Sprintf("encode %T: %v", m, err))
	}
	kv.Set(key, b)
}

// GetProto reads a record; it reports false when the key is absent.
func GetProto(r store.Reader, key []byte, m proto.Message) bool {
	b := r.Get(key)
	if b == nil {
		return false
	}
	MustUnmarshal(b, m)
	return true
}

// MustUnmarshal decodes a record read from state; corrupt state is a fatal fault.
func MustUnmarshal(b []byte, m proto.Message) {
	if err := proto.Unmarshal(b, m); err != nil {
		panic(fmt.Sprintf("corrupt %T in state: %v", m, err))
	}
}

// Key joins key parts with '/'. Parts must not contain '/' themselves (addresses and asset
// codes cannot). The encoding is statekeys', which the SDK shares for the keys proofs name.
func Key(parts ...string) []byte { return statekeys.Join(parts...) }

// ListProto decodes every record under prefix, in key order.
func ListProto[T any, M interface {
	*T
	proto.Message
}](r store.Reader, prefix []byte) []M {
	var out []M
	store.IteratePrefix(r, prefix, func(_, v []byte) bool {
		m := M(new(T))
		MustUnmarshal(v, m)
		out = append(out, m)
		return true
	})
	return out
}
