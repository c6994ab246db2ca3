package tx

import (
	"encoding/json"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/puhui-chain/puhui/tx/txpb"
)

var msgOneof = (&txpb.Msg{}).ProtoReflect().Descriptor().Oneofs().ByName("sum")

// MsgType is the stable name of a message's case, e.g. "transfer"; "" when none is set.
func MsgType(m *txpb.Msg) string {
	if m == nil {
		return ""
	}
	fd := m.ProtoReflect().WhichOneof(msgOneof)
	if fd == nil {
		return ""
	}
	return string(fd.Name())
}

// MsgTypes lists every message type the wire format knows, in field-number order.
func MsgTypes() []string {
	fields := msgOneof.Fields()
	out := make([]string, 0, fields.Len())
	for i := 0; i < fields.Len(); i++ {
		out = append(out, string(fields.Get(i).Name()))
	}
	return out
}

// NewMsg returns an empty message of the named type wrapped in a Msg, for tests and tooling.
func NewMsg(msgType string) *txpb.Msg {
	fd := msgOneof.Fields().ByName(protoreflect.Name(msgType))
	if fd == nil {
		return nil
	}
	m := &txpb.Msg{}
	r := m.ProtoReflect()
	r.Set(fd, r.NewField(fd))
	return m
}

// Wrap puts an inner message (a *txpb.MsgTransfer, say) into the Msg case of its type.
// It panics on a type that is no case of Msg: a programming error, not input.
func Wrap(inner proto.Message) *txpb.Msg {
	name := inner.ProtoReflect().Descriptor().FullName()
	fields := msgOneof.Fields()
	for i := 0; i < fields.Len(); i++ {
		if fd := fields.Get(i); fd.Message().FullName() == name {
			m := &txpb.Msg{}
			m.ProtoReflect().Set(fd, protoreflect.ValueOfMessage(inner.ProtoReflect()))
			return m
		}
	}
	panic("no Msg case for " + string(name))
}

// Inner returns the message inside the oneof.
func Inner(m *txpb.Msg) proto.Message {
	r := m.ProtoReflect()
	fd := r.WhichOneof(msgOneof)
	if fd == nil {
		return nil
	}
	return r.Get(fd).Message().Interface()
}

// MsgsFromJSON parses a JSON array of messages in protojson form, e.g.
// [{"transfer":{"to":"…","asset":"CNY","amount":"100"}}]. Each element must set exactly one
// known message type.
func MsgsFromJSON(data []byte) ([]*txpb.Msg, error) {
	var items []json.RawMessage
	if err := json.Unmarshal(data, &items); err != nil {
		return nil, ErrMalformed.Wrapf("messages must be a JSON array: %v", err)
	}
	if len(items) == 0 {
		return nil, ErrNoMessages
	}
	if len(items) > MaxMsgs {
		return nil, ErrTooManyMsgs.Wrapf("%d messages, limit %d", len(items), MaxMsgs)
	}
	out := make([]*txpb.Msg, 0, len(items))
	for i, item := range items {
		var m txpb.Msg
		if err := protojson.Unmarshal(item, &m); err != nil {
			return nil, ErrMalformed.Wrapf("message %d: %v", i, err)
		}
		if MsgType(&m) == "" {
			return nil, ErrUnknownMsg.Wrapf("message %d has no known type", i)
		}
		out = append(out, &m)
	}
	return out, nil
}
