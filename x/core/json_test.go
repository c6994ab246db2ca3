package core

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestDecodeStrict(t *testing.T) {
	var v struct {
		A int `json:"a"`
	}
	require.NoError(t, DecodeStrict([]byte(" {\"a\": 7}\n"), &v))
	require.Equal(t, 7, v.A)
	for name, in := range map[string]string{
		"unknown field": `{"a": 1, "b": 2}`,
		"second value":  `{"a": 1} {"a": 2}`,
		"trailing junk": `{"a": 1} x`,
		"trailing }":    `{"a": 1}}`,
		"wrong type":    `{"a": "1"}`,
		"empty":         ``,
	} {
		require.Error(t, DecodeStrict([]byte(in), &v), name)
	}
}
