package query

// PathSchedulePreview computes a loan's repayment schedule and APR from a request (data: the
// request as JSON, strictly parsed: known keys only, no repeats). It reads no state. The
// answer is a SchedulePreview: the schedule, or the field that makes the request invalid.
const PathSchedulePreview = "/lending/schedule-preview"

// MaxScheduleRequestBytes bounds a schedule request.
const MaxScheduleRequestBytes = 64 << 10

// ScheduleRequest describes a loan to schedule, field for field the loan schedule engine's
// request (a test in app keeps the two equal). Amounts and rates are decimal strings (never
// floats). Empty strings and nil pointers take the documented defaults; Scale and Every are
// pointers because their zero values are meaningful (scale 0) or invalid (every 0).
type ScheduleRequest struct {
	Principal             string `json:"principal"`
	AnnualRatePercent     string `json:"annual_rate_percent"`
	Periods               int    `json:"periods"`
	Frequency             string `json:"frequency,omitempty"`            // default "months"
	Every                 *int   `json:"every,omitempty"`                // default 1
	InterestMethod        string `json:"interest_method,omitempty"`      // default "declining_balance"
	Amortization          string `json:"amortization,omitempty"`         // default "equal_installments"
	InterestPeriod        string `json:"interest_period,omitempty"`      // default "same_as_repayment"
	DaysInYear            string `json:"days_in_year,omitempty"`         // default "365"
	DaysInMonth           string `json:"days_in_month,omitempty"`        // default "actual"
	Rounding              string `json:"rounding,omitempty"`             // default "half_even"
	Scale                 *int   `json:"scale,omitempty"`                // default 2
	InstallmentMultiple   string `json:"installment_multiple,omitempty"` // default none
	PrincipalGracePeriods int    `json:"principal_grace_periods,omitempty"`
	StartDate             string `json:"start_date"` // required, YYYY-MM-DD
}

// ScheduleInstallment is one row of a previewed schedule; the amounts carry exactly the
// request's scale of decimals.
type ScheduleInstallment struct {
	N         int    `json:"n"`
	DueDate   string `json:"due_date"`
	Principal string `json:"principal"`
	Interest  string `json:"interest"`
	Total     string `json:"total"`
	Balance   string `json:"balance"`
}

// Schedule is a previewed repayment schedule with its disclosed APR.
type Schedule struct {
	Installments   []ScheduleInstallment `json:"installments"`
	TotalPrincipal string                `json:"total_principal"`
	TotalInterest  string                `json:"total_interest"`
	APRPercent     string                `json:"apr_percent"` // two decimals, HALF_EVEN
}

// ScheduleFieldError names the request field that makes a schedule request invalid
// ("request" when the body as a whole is unusable).
type ScheduleFieldError struct {
	Field  string `json:"field"`
	Reason string `json:"reason"`
}

func (e *ScheduleFieldError) Error() string { return e.Field + ": " + e.Reason }

// SchedulePreview answers PathSchedulePreview: exactly one of Schedule and Invalid is set.
type SchedulePreview struct {
	Schedule *Schedule           `json:"schedule,omitempty"`
	Invalid  *ScheduleFieldError `json:"invalid,omitempty"`
}
