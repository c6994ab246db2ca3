package tx

import (
	"errors"
	"fmt"
	"sort"
	"sync"
)

// Error is a business error with a stable code. Codes are part of consensus (they end up in
// block results), so a registered code never changes meaning.
type Error struct {
	Codespace string
	Code      uint32
	Name      string // stable machine name, e.g. "insufficient_funds"
	Detail    string
}

func (e *Error) Error() string {
	if e.Detail == "" {
		return fmt.Sprintf("%s.%s", e.Codespace, e.Name)
	}
	return fmt.Sprintf("%s.%s: %s", e.Codespace, e.Name, e.Detail)
}

// ID is the stable string form used by the API: "codespace.name".
func (e *Error) ID() string { return e.Codespace + "." + e.Name }

// Is matches errors of the same code regardless of detail.
func (e *Error) Is(target error) bool {
	var t *Error
	if !errors.As(target, &t) {
		return false
	}
	return t.Codespace == e.Codespace && t.Code == e.Code
}

// Wrapf returns a copy of e carrying a detail message.
func (e *Error) Wrapf(format string, args ...any) *Error {
	c := *e
	c.Detail = fmt.Sprintf(format, args...)
	return &c
}

var (
	registryMu sync.Mutex
	registry   = map[string]*Error{}
)

// Register declares a coded error. It panics on a duplicate: two meanings for one code
// would be a consensus bug.
func Register(codespace string, code uint32, name string) *Error {
	registryMu.Lock()
	defer registryMu.Unlock()
	key := fmt.Sprintf("%s/%d", codespace, code)
	if _, dup := registry[key]; dup {
		panic("duplicate error code " + key)
	}
	e := &Error{Codespace: codespace, Code: code, Name: name}
	registry[key] = e
	return e
}

// RegisteredErrors lists every registered error, sorted by codespace and code.
func RegisteredErrors() []*Error {
	registryMu.Lock()
	defer registryMu.Unlock()
	out := make([]*Error, 0, len(registry))
	for _, e := range registry {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Codespace != out[j].Codespace {
			return out[i].Codespace < out[j].Codespace
		}
		return out[i].Code < out[j].Code
	})
	return out
}

// AsError extracts the coded error, or wraps an unknown one as ErrInternal.
func AsError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return ErrInternal.Wrapf("%v", err)
}

// Envelope errors (codespace "tx").
var (
	ErrInternal      = Register("tx", 1, "internal")
	ErrMalformed     = Register("tx", 2, "malformed")
	ErrTooLarge      = Register("tx", 3, "too_large")
	ErrBadSignature  = Register("tx", 4, "bad_signature")
	ErrWrongChain    = Register("tx", 5, "wrong_chain_id")
	ErrBadNonce      = Register("tx", 6, "bad_nonce")
	ErrUnknownSigner = Register("tx", 7, "unknown_signer")
	ErrUnauthorized  = Register("tx", 8, "unauthorized")
	ErrExpired       = Register("tx", 9, "expired")
	ErrNoMessages    = Register("tx", 10, "no_messages")
	ErrTooManyMsgs   = Register("tx", 11, "too_many_messages")
	ErrInvalidField  = Register("tx", 12, "invalid_field")
	ErrUnknownMsg    = Register("tx", 13, "unknown_message")
	ErrBadAddress    = Register("tx", 14, "bad_address")
	ErrNotFound      = Register("tx", 15, "not_found")
	// ErrTooManyPending: the signer already has as many transactions waiting in the mempool
	// as the node admits per signer; it may resubmit once some commit.
	ErrTooManyPending = Register("tx", 16, "too_many_pending")
)
