package core

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

// DecodeStrict decodes exactly one JSON value into v: unknown fields are refused and nothing
// but white space may follow the value. The offline quotes and checks read their requests
// this way; each wraps the error in its own code (and bounds the request's size itself).
func DecodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if err := dec.Decode(&json.RawMessage{}); err != io.EOF {
		return errors.New("one JSON value only: something follows it")
	}
	return nil
}
