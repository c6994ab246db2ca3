package api

import (
	"encoding/base64"
	"maps"

	"github.com/danielgtaylor/huma/v2"
)

// The batch body is the node's hottest decode: encoding/json scans it twice (a validity pass,
// then the decode) and reflects over every element, about 9% of a node's CPU under a bench's
// load (profiled). jsonFormats gives huma a JSON format that reads the body's usual shape,
// {"txs":["<base64>",…]}, in one pass, and hands anything else — another key, an escape in a
// string, a null, malformed JSON — to encoding/json, so that every input decodes to what
// encoding/json would give, or fails as it would (FuzzBatchBodyFastPath holds them equal).

// jsonFormats is huma's default formats with the batch body's fast path in the JSON format.
func jsonFormats() map[string]huma.Format {
	out := maps.Clone(huma.DefaultFormats)
	for _, name := range []string{"application/json", "json"} {
		f := out[name]
		std := f.Unmarshal
		f.Unmarshal = func(data []byte, v any) error {
			if b, ok := v.(*batchBody); ok && b.decodeFast(data) {
				return nil
			}
			return std(data, v)
		}
		out[name] = f
	}
	return out
}

// decodeFast reads data if it is exactly {"txs":[…]} of base64 strings without escapes
// (JSON whitespace anywhere between tokens); false, with b unchanged, for anything else.
func (b *batchBody) decodeFast(data []byte) bool {
	r := jsonReader{data: data}
	if !r.token('{') || !r.literal(`"txs"`) || !r.token(':') || !r.token('[') {
		return false
	}
	txs := [][]byte{}
	if !r.token(']') {
		for {
			raw, ok := r.base64String()
			if !ok {
				return false
			}
			dec := make([]byte, base64.StdEncoding.DecodedLen(len(raw)))
			n, err := base64.StdEncoding.Decode(dec, raw)
			if err != nil {
				return false
			}
			txs = append(txs, dec[:n])
			if r.token(']') {
				break
			}
			if !r.token(',') {
				return false
			}
		}
	}
	if !r.token('}') {
		return false
	}
	r.space()
	if r.i != len(r.data) {
		return false
	}
	b.Txs = txs
	return true
}

// jsonReader is a cursor over a JSON text for decodeFast.
type jsonReader struct {
	data []byte
	i    int
}

// space skips JSON whitespace.
func (r *jsonReader) space() {
	for r.i < len(r.data) {
		switch r.data[r.i] {
		case ' ', '\t', '\n', '\r':
			r.i++
		default:
			return
		}
	}
}

// token skips whitespace and then c, if c is next.
func (r *jsonReader) token(c byte) bool {
	r.space()
	if r.i < len(r.data) && r.data[r.i] == c {
		r.i++
		return true
	}
	return false
}

// literal skips whitespace and then s, if s is next.
func (r *jsonReader) literal(s string) bool {
	r.space()
	if len(r.data)-r.i >= len(s) && string(r.data[r.i:r.i+len(s)]) == s {
		r.i += len(s)
		return true
	}
	return false
}

// base64String reads a string holding only the standard base64 alphabet and padding, and
// returns its content.
func (r *jsonReader) base64String() ([]byte, bool) {
	if !r.token('"') {
		return nil, false
	}
	start := r.i
	for ; r.i < len(r.data); r.i++ {
		c := r.data[r.i]
		switch {
		case c == '"':
			s := r.data[start:r.i]
			r.i++
			return s, true
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '+', c == '/', c == '=':
		default:
			return nil, false
		}
	}
	return nil, false
}
