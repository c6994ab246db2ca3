package schedule

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
)

// requestFields are the JSON keys of Request, matched exactly. encoding/json alone would
// accept "PRINCIPAL" for "principal" and let a repeated key silently win; a request that
// ends up on chain should have one meaning, so ParseRequest rejects both.
var requestFields = []string{
	"principal", "annual_rate_percent", "periods", "frequency", "every", "interest_method",
	"amortization", "interest_period", "days_in_year", "days_in_month", "rounding", "scale",
	"installment_multiple", "principal_grace_periods", "start_date",
}

// ParseRequest decodes a JSON request strictly: at most MaxRequestBytes, one object, only
// known keys spelled exactly, no repeated keys, no trailing data, and JSON types matching
// Request (amounts are strings, never numbers, so no float ever touches them). Every
// failure is a *FieldError. It does not validate values; Compute does.
func ParseRequest(data []byte) (Request, error) {
	if len(data) > MaxRequestBytes {
		return Request{}, fieldErr("request", fmt.Sprintf("larger than %d bytes", MaxRequestBytes))
	}
	if err := checkKeys(data); err != nil {
		return Request{}, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var req Request
	if err := dec.Decode(&req); err != nil {
		return Request{}, decodeError(err)
	}
	return req, nil
}

// checkKeys walks the top-level object token by token: it must be a single object whose
// keys are known, exact and unique, followed by nothing.
func checkKeys(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return fieldErr("request", "must be a JSON object")
	}
	seen := make([]bool, len(requestFields))
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return decodeError(err)
		}
		key, _ := tok.(string) // inside an object, a token here is always a key
		idx := fieldIndex(key)
		switch {
		case idx < 0:
			return fieldErr(key, "unknown field")
		case seen[idx]:
			return fieldErr(key, "repeated field")
		}
		seen[idx] = true
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return decodeError(err)
		}
	}
	if _, err := dec.Token(); err != nil { // the closing '}'
		return decodeError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return fieldErr("request", "unexpected data after the JSON object")
	}
	return nil
}

func fieldIndex(key string) int {
	for i, f := range requestFields {
		if f == key {
			return i
		}
	}
	return -1
}

// decodeError turns an encoding/json error into a FieldError naming the field when json
// knows it.
func decodeError(err error) error {
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &typeErr) && typeErr.Field != "":
		return fieldErr(typeErr.Field, fmt.Sprintf("must be %s, got JSON %s", kindName(typeErr.Type), typeErr.Value))
	case errors.As(err, &syntaxErr):
		return fieldErr("request", fmt.Sprintf("malformed JSON at byte %d", syntaxErr.Offset))
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return fieldErr("request", "truncated JSON")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return fieldErr(strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`), "unknown field")
	}
	return fieldErr("request", err.Error())
}

func kindName(t reflect.Type) string {
	if t == nil {
		return "another type"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "an integer"
	}
	return "a " + t.Kind().String()
}
