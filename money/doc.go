// Package money owns amounts in integer minor units: checked arithmetic (an overflow is the
// coded error ErrOverflow, never a wrap), exact division with a named rounding mode, and the
// decimal text of an amount (FormatMinor, ParseAmount). Every module and edge uses it rather
// than its own copy.
//
// It imports only the standard library and tx (for coded errors). It must not read the wall
// clock, use floats, or panic on any input: a bad operand is an error the caller reports.
package money
