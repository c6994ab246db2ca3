package statekeys

import (
	"encoding/binary"
	"fmt"
)

// Join joins key parts with '/'. Parts must not contain '/' themselves (addresses and asset
// codes cannot).
func Join(parts ...string) []byte {
	n := 0
	for _, p := range parts {
		n += len(p) + 1
	}
	k := make([]byte, 0, n)
	for i, p := range parts {
		if i > 0 {
			k = append(k, '/')
		}
		k = append(k, p...)
	}
	return k
}

// Account is the key of an account record (identity).
func Account(addr string) []byte { return Join("id", "a", addr) }

// Balance is the key of an account's available balance in an asset (ledger).
func Balance(addr, asset string) []byte { return Join("lg", "bal", addr, asset) }

// Held is the key of the part of an account's balance in an asset under holds (ledger).
func Held(addr, asset string) []byte { return Join("lg", "held", addr, asset) }

// Frozen is the key of an account's frozen flag (ledger); absent means not frozen.
func Frozen(addr string) []byte { return Join("lg", "frozen", addr) }

// Sizes of a balance value: the amount alone (written at genesis), or the amount followed by
// the account's cash-flow record in that asset (four months of 20 bytes after 26 bytes of
// header). The amount is always the first 8 bytes, big-endian.
const (
	AmountBytes     = 8
	FlowRecordBytes = 8 + 8 + 8 + 2 + 4*(8+4+8)
)

// DecodeAmount reads the amount of a balance or held value (absent: 0).
func DecodeAmount(v []byte) (int64, error) {
	switch len(v) {
	case 0:
		return 0, nil
	case AmountBytes, FlowRecordBytes:
		return int64(binary.BigEndian.Uint64(v)), nil
	}
	return 0, fmt.Errorf("balance value of %d bytes", len(v))
}
