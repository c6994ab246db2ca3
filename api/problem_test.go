package api

import (
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/x/lending"
)

// TestLendingProblemStatuses: the lending module's errors map to the statuses the API
// promises, and every exception in statusByID names an error that is registered (a renamed
// error would otherwise silently fall back to the convention).
func TestLendingProblemStatuses(t *testing.T) {
	for _, tc := range []struct {
		err  *tx.Error
		want int
	}{
		{lending.ErrUnknownProduct, http.StatusNotFound},
		{lending.ErrUnknownLoan, http.StatusNotFound},
		{lending.ErrUnknownGroup, http.StatusNotFound},
		{lending.ErrNotLender, http.StatusForbidden},
		{lending.ErrNotGroupMember, http.StatusForbidden},
		{lending.ErrWrongStatus, http.StatusConflict},
		{lending.ErrBadProduct, http.StatusUnprocessableEntity},
		{lending.ErrOutOfBounds, http.StatusUnprocessableEntity},
		{lending.ErrExposure, http.StatusUnprocessableEntity},
		{lending.ErrNothingOwed, http.StatusUnprocessableEntity},
		{tx.ErrInvalidField, http.StatusUnprocessableEntity},
	} {
		require.Equal(t, tc.want, statusForCode(tc.err.Codespace, tc.err.Code), tc.err.ID())

		var p *Problem
		require.True(t, errors.As(problemOf(&client.QueryError{Codespace: tc.err.Codespace, Code: tc.err.Code, Log: "x"}), &p))
		require.Equal(t, tc.want, p.Status, tc.err.ID())
		require.Equal(t, tc.err.ID(), p.Code)
	}
	for _, e := range tx.RegisteredErrors() {
		if e.Codespace == "lending" {
			require.NotEqual(t, http.StatusInternalServerError, statusForCode(e.Codespace, e.Code), e.ID())
		}
	}
	ids := map[string]bool{}
	for _, e := range tx.RegisteredErrors() {
		ids[e.ID()] = true
	}
	for id := range statusByID {
		require.True(t, ids[id], "statusByID names %s, which no module registers", id)
	}
}
