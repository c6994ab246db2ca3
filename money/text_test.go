package money

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseAndFormatMinor(t *testing.T) {
	cases := []struct {
		in    string
		scale uint32
		want  int64
		text  string
	}{
		{"100", 2, 10000, "100.00"},
		{"100.5", 2, 10050, "100.50"},
		{"0.01", 2, 1, "0.01"},
		{".5", 1, 5, "0.5"},
		{"7", 0, 7, "7"},
		{"-3.25", 2, -325, "-3.25"},
		{"92233720368547758.07", 2, math.MaxInt64, "92233720368547758.07"},
	}
	for _, c := range cases {
		got, err := ParseAmount(c.in, c.scale)
		require.NoError(t, err, c.in)
		require.Equal(t, c.want, got, c.in)
		require.Equal(t, c.text, FormatMinor(got, c.scale))
	}
	for _, bad := range []string{"", "abc", "1.234", "1e5", "92233720368547758.08", "1..2", "."} {
		_, err := ParseAmount(bad, 2)
		require.Error(t, err, bad)
	}
}

// FuzzParseAmount: whatever parses formats back to a string that parses to the same value.
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"0", "1.5", "-2.25", "92233720368547758.07", ".1", "1.", "abc", ""} {
		f.Add(s, uint8(2))
	}
	f.Fuzz(func(t *testing.T, s string, scale uint8) {
		sc := uint32(scale % 19)
		v, err := ParseAmount(s, sc)
		if err != nil {
			return
		}
		back, err := ParseAmount(FormatMinor(v, sc), sc)
		require.NoError(t, err)
		require.Equal(t, v, back)
	})
}
