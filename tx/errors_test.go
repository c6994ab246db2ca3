package tx_test

import (
	"errors"
	"fmt"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/tx"
)

var errorName = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

func TestRegistryUnique(t *testing.T) {
	regs := tx.RegisteredErrors()
	require.GreaterOrEqual(t, len(regs), len(allTxErrors))
	codes := map[string]*tx.Error{}
	names := map[string]*tx.Error{}
	for i, e := range regs {
		require.NotEmpty(t, e.Codespace)
		require.NotZero(t, e.Code, "%s: code 0 means success in ABCI", e.ID())
		require.Regexp(t, errorName, e.Name)
		require.Empty(t, e.Detail, "%s: registered errors carry no detail", e.ID())
		code := fmt.Sprintf("%s/%d", e.Codespace, e.Code)
		require.NotContains(t, codes, code, "duplicate code %s", code)
		codes[code] = e
		require.NotContains(t, names, e.ID(), "duplicate name %s", e.ID())
		names[e.ID()] = e
		if i > 0 {
			p := regs[i-1]
			require.True(t, p.Codespace < e.Codespace || p.Codespace == e.Codespace && p.Code < e.Code,
				"not sorted: %s/%d before %s/%d", p.Codespace, p.Code, e.Codespace, e.Code)
		}
	}
	// Every tx error is registered as itself.
	for _, e := range allTxErrors {
		require.Same(t, e, codes[fmt.Sprintf("%s/%d", e.Codespace, e.Code)], e.ID())
		require.Equal(t, "tx", e.Codespace)
	}
	// The list is a copy.
	regs[0] = nil
	require.NotNil(t, tx.RegisteredErrors()[0])
}

func TestRegisterDuplicatePanics(t *testing.T) {
	before := len(tx.RegisteredErrors())
	require.PanicsWithValue(t, "duplicate error code tx/2", func() { tx.Register("tx", 2, "other_name") })
	require.Len(t, tx.RegisteredErrors(), before)
}

func TestErrorSemantics(t *testing.T) {
	require.Equal(t, "tx.malformed", tx.ErrMalformed.Error())
	require.Equal(t, "tx.malformed", tx.ErrMalformed.ID())

	w := tx.ErrMalformed.Wrapf("field %s: %d", "x", 3)
	require.Equal(t, "tx.malformed: field x: 3", w.Error())
	require.Equal(t, "tx.malformed", w.ID())
	require.Empty(t, tx.ErrMalformed.Detail, "Wrapf does not modify the registered error")
	require.NotSame(t, tx.ErrMalformed, w)

	require.ErrorIs(t, w, tx.ErrMalformed)
	require.ErrorIs(t, tx.ErrMalformed, w)
	require.NotErrorIs(t, w, tx.ErrTooLarge)
	require.ErrorIs(t, fmt.Errorf("context: %w", w), tx.ErrMalformed)
	require.ErrorIs(t, fmt.Errorf("a: %w", fmt.Errorf("b: %w", w)), tx.ErrMalformed)
	require.NotErrorIs(t, errors.New("tx.malformed"), tx.ErrMalformed)
	require.NotErrorIs(t, w, &tx.Error{Codespace: "other", Code: tx.ErrMalformed.Code})
	require.ErrorIs(t, w, &tx.Error{Codespace: "tx", Code: tx.ErrMalformed.Code, Name: "renamed"}, "identity is the code")

	require.Same(t, w, tx.AsError(w))
	require.Same(t, w, tx.AsError(fmt.Errorf("wrapped: %w", w)))
	internal := tx.AsError(errors.New("disk on fire"))
	require.ErrorIs(t, internal, tx.ErrInternal)
	require.Equal(t, "tx.internal: disk on fire", internal.Error())

	// Each pair of distinct tx errors is distinguishable.
	for _, a := range allTxErrors {
		for _, b := range allTxErrors {
			require.Equal(t, a == b, errors.Is(a.Wrapf("d"), b), "%s vs %s", a.ID(), b.ID())
		}
	}
}
