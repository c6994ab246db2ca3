package money

import "github.com/puhui-chain/puhui/tx"

// ErrBadAssetCode keeps the codespace and number the ledger first registered it under
// (ledger/3): codes are part of consensus. It lives here so that every module and edge can
// check an asset code's form without state and without reaching into the ledger.
var ErrBadAssetCode = tx.Register("ledger", 3, "bad_asset_code")

// ValidateAssetCode: 2..12 characters, upper-case letters, digits and '-', starting with a
// letter.
func ValidateAssetCode(field, code string) error {
	if len(code) < 2 || len(code) > 12 {
		return ErrBadAssetCode.Wrapf("%s: length must be 2..12, got %d", field, len(code))
	}
	for i := 0; i < len(code); i++ {
		c := code[i]
		ok := c >= 'A' && c <= 'Z' || (i > 0 && (c >= '0' && c <= '9' || c == '-'))
		if !ok {
			return ErrBadAssetCode.Wrapf("%s: %q must be A-Z, then A-Z, 0-9 or '-'", field, code)
		}
	}
	return nil
}
