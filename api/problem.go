package api

import (
	"errors"
	"net/http"
	"strings"
	"sync"

	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/tx"
)

// Problem is an RFC 9457 problem document with a stable machine code, e.g.
// "ledger.insufficient_funds" or "api.invalid_request".
type Problem struct {
	Type   string              `json:"type,omitempty"`
	Title  string              `json:"title,omitempty"`
	Status int                 `json:"status,omitempty"`
	Code   string              `json:"code" doc:"Stable machine-readable error code."`
	Detail string              `json:"detail,omitempty"`
	Errors []*huma.ErrorDetail `json:"errors,omitempty"`
}

func (p *Problem) Error() string  { return p.Detail }
func (p *Problem) GetStatus() int { return p.Status }

// ContentType makes JSON problems application/problem+json.
func (p *Problem) ContentType(ct string) string {
	if ct == "application/json" {
		return "application/problem+json"
	}
	return ct
}

var installProblems sync.Once

// useProblems makes huma's own errors (validation, malformed bodies) Problems with codes.
func useProblems() {
	installProblems.Do(func() {
		huma.NewError = func(status int, msg string, errs ...error) huma.StatusError {
			p := &Problem{Status: status, Title: http.StatusText(status), Detail: msg, Code: codeForStatus(status)}
			for _, e := range errs {
				if e == nil {
					continue
				}
				if d, ok := e.(huma.ErrorDetailer); ok {
					p.Errors = append(p.Errors, d.ErrorDetail())
				} else {
					p.Errors = append(p.Errors, &huma.ErrorDetail{Message: e.Error()})
				}
			}
			return p
		}
	})
}

func codeForStatus(status int) string {
	switch status {
	case http.StatusBadRequest:
		return "api.malformed_request"
	case http.StatusUnprocessableEntity:
		return "api.invalid_request"
	case http.StatusUnauthorized:
		return "api.unauthorized"
	case http.StatusNotFound:
		return "api.not_found"
	case http.StatusRequestEntityTooLarge:
		return "api.too_large"
	}
	return "api.internal"
}

// problemOf maps an SDK or application error to a Problem at the edge.
func problemOf(err error) error {
	var qe *client.QueryError
	if errors.As(err, &qe) {
		return &Problem{Status: statusForCode(qe.Codespace, qe.Code), Title: "Refused", Code: codeID(qe.Codespace, qe.Code), Detail: qe.Log}
	}
	var te *tx.Error
	if errors.As(err, &te) {
		return &Problem{Status: statusForCode(te.Codespace, te.Code), Title: "Refused", Code: te.ID(), Detail: te.Error()}
	}
	return &Problem{Status: http.StatusBadGateway, Title: "Node error", Code: "api.node_error", Detail: err.Error()}
}

// registered finds the registered error of a (codespace, code) pair.
func registered(codespace string, code uint32) *tx.Error {
	for _, e := range tx.RegisteredErrors() {
		if e.Codespace == codespace && e.Code == code {
			return e
		}
	}
	return nil
}

func codeID(codespace string, code uint32) string {
	if e := registered(codespace, code); e != nil {
		return e.ID()
	}
	return codespace + ".unknown"
}

// statusByID names the registered errors whose HTTP status is not the convention's: a signer
// acting on a loan or group that is not its own (403), a loan not in the state the operation
// needs (409). The names are compared as text so that the edge need not import the modules.
var statusByID = map[string]int{
	"lending.not_lender":       http.StatusForbidden,
	"lending.not_group_member": http.StatusForbidden,
	"lending.wrong_status":     http.StatusConflict,
	"credit.no_consent":        http.StatusForbidden,
	"credit.not_borrower":      http.StatusForbidden,
	"docs.not_owner":           http.StatusForbidden,
	"docs.no_encryption_key":   http.StatusNotFound,
	"node.halted":              http.StatusServiceUnavailable,
}

// statusForCode: lookups of things that do not exist are 404 (by the naming convention of
// registered errors), an unauthorised sender 403, an internal fault 500, the exceptions in
// statusByID, any other refusal 422.
func statusForCode(codespace string, code uint32) int {
	e := registered(codespace, code)
	switch {
	case e == nil || e == tx.ErrInternal:
		return http.StatusInternalServerError
	case e == tx.ErrUnauthorized:
		return http.StatusForbidden
	case statusByID[e.ID()] != 0:
		return statusByID[e.ID()]
	case e.Name == "not_found" || strings.HasSuffix(e.Name, "_not_found") || strings.HasPrefix(e.Name, "unknown_"):
		return http.StatusNotFound
	}
	return http.StatusUnprocessableEntity
}
