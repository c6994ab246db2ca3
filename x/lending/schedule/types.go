package schedule

import (
	"errors"
	"time"

	"github.com/puhui-chain/puhui/money"
)

// Enumerated request values. They are plain strings so a JSON request maps onto Request
// without custom codecs; validation rejects anything else.
const (
	FrequencyDays   = "days"
	FrequencyWeeks  = "weeks"
	FrequencyMonths = "months"

	MethodDecliningBalance = "declining_balance"
	MethodFlat             = "flat"

	AmortizationEqualInstallments = "equal_installments"
	AmortizationEqualPrincipal    = "equal_principal"
	AmortizationProgressive       = "progressive" // equal instalments over each period's day-count rate

	InterestPeriodSameAsRepayment = "same_as_repayment"
	InterestPeriodDaily           = "daily"

	DaysInYear360    = "360"
	DaysInYear365    = "365"
	DaysInYearActual = "actual"

	DaysInMonth30     = "30"
	DaysInMonthActual = "actual"

	// Rounding modes are money's (the names are apd's Rounder names too).
	RoundingHalfEven = money.RoundingHalfEven
	RoundingHalfUp   = money.RoundingHalfUp
	RoundingDown     = money.RoundingDown
	RoundingUp       = money.RoundingUp
	RoundingCeiling  = money.RoundingCeiling
	RoundingFloor    = money.RoundingFloor
)

// Bounds of a request. MaxAnnualRatePercent is a sanity bound, not a legal cap: it keeps
// every intermediate product far inside the decimal precision while allowing any real
// micro-finance product (usury caps are the product module's business).
const (
	MaxPeriods           = 1200
	MaxEvery             = 365
	MaxScale             = 18
	MaxAnnualRatePercent = 1000
	MaxRateDecimals      = 10
	MaxRequestBytes      = 64 << 10
)

// Request describes a loan to schedule. Amounts and rates are decimal strings (never
// floats). Empty strings and nil pointers take the documented defaults; Scale and Every are
// pointers because their zero values are meaningful (scale 0) or invalid (every 0), so
// "omitted" must be told apart from "0".
type Request struct {
	Principal             string `json:"principal"`
	AnnualRatePercent     string `json:"annual_rate_percent"`
	Periods               int    `json:"periods"`
	Frequency             string `json:"frequency,omitempty"`            // default "months"
	Every                 *int   `json:"every,omitempty"`                // default 1
	InterestMethod        string `json:"interest_method,omitempty"`      // default "declining_balance"
	Amortization          string `json:"amortization,omitempty"`         // default "equal_installments"; or equal_principal, progressive
	InterestPeriod        string `json:"interest_period,omitempty"`      // default "same_as_repayment"
	DaysInYear            string `json:"days_in_year,omitempty"`         // default "365"
	DaysInMonth           string `json:"days_in_month,omitempty"`        // default "actual"
	Rounding              string `json:"rounding,omitempty"`             // default "half_even"
	Scale                 *int   `json:"scale,omitempty"`                // default 2
	InstallmentMultiple   string `json:"installment_multiple,omitempty"` // default none
	PrincipalGracePeriods int    `json:"principal_grace_periods,omitempty"`
	StartDate             string `json:"start_date"` // required, YYYY-MM-DD
}

// Installment is one row of a schedule. The strings carry exactly Scale decimals; the
// minor-unit integers and DueAt are the same values for on-chain use and are not encoded.
type Installment struct {
	N         int    `json:"n"`
	DueDate   string `json:"due_date"`
	Principal string `json:"principal"`
	Interest  string `json:"interest"`
	Total     string `json:"total"`
	Balance   string `json:"balance"`

	DueAt          time.Time `json:"-"` // UTC midnight of DueDate
	PrincipalMinor int64     `json:"-"`
	InterestMinor  int64     `json:"-"`
	TotalMinor     int64     `json:"-"`
	BalanceMinor   int64     `json:"-"` // outstanding principal after this instalment
}

// Schedule is the result of Compute.
type Schedule struct {
	Installments   []Installment `json:"installments"`
	TotalPrincipal string        `json:"total_principal"`
	TotalInterest  string        `json:"total_interest"`
	APRPercent     string        `json:"apr_percent"` // two decimals, HALF_EVEN

	Scale               int   `json:"-"`
	TotalPrincipalMinor int64 `json:"-"`
	TotalInterestMinor  int64 `json:"-"`

	display bool // the strings are set (Compute), not left empty (ComputeRows)
}

// FieldError reports an invalid request, naming the offending JSON field so a client can
// point at it. Field is "request" when the body as a whole is unusable.
type FieldError struct {
	Field  string
	Reason string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Reason }

// ErrInternal marks a broken invariant or an impossible arithmetic condition: a bug in this
// package, never a property of the request. Callers must not persist such a schedule.
var ErrInternal = errors.New("schedule: internal error")

func fieldErr(field, reason string) error { return &FieldError{Field: field, Reason: reason} }
