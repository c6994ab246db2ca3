package scf

import (
	"math/big"
	"strings"
	"time"

	"github.com/puhui-chain/puhui/money"
)

// Rates are decimal percents with at most rateScale places, read exactly into integers
// (3.6 → 3_600_000); no float is ever involved.
const (
	rateScale      = 6
	ratePerPercent = 1_000_000
	// maxRatePercent refuses absurd discount rates: a certificate discounted above 100% a
	// year is a typing error, not a price.
	maxRatePercent = 100
)

// Discount is a certificate's discounting: interest for the days to maturity and what the
// funder pays.
type Discount struct {
	Days     int64
	Interest int64
	Proceeds int64
}

// ParseRate reads an annual rate percent ("3.6") into millionths of a percent: positive and
// at most maxRatePercent.
func ParseRate(s string) (int64, error) {
	r, err := money.ParseAmount(strings.TrimSpace(s), rateScale)
	if err != nil {
		return 0, ErrBadRate.Wrapf("annual_rate_percent %q: %v", s, err)
	}
	if r <= 0 || r > maxRatePercent*ratePerPercent {
		return 0, ErrBadRate.Wrapf("annual_rate_percent %q: more than 0 and at most %d", s, maxRatePercent)
	}
	return r, nil
}

// CheckBasis accepts a day-count basis: 360 (the default, written 0) or 365; it returns the
// basis to use.
func CheckBasis(basis uint32) (int64, error) {
	switch basis {
	case 0, 360:
		return 360, nil
	case 365:
		return 365, nil
	}
	return 0, ErrBadRate.Wrapf("day_count_basis %d: 360 or 365", basis)
}

// Discounted computes face × rate × days ÷ basis, where days are the actual days from the
// financing day to the maturity day, counting the first and not the last (算头不算尾);
// interest rounds half-even to minor units; proceeds = face − interest. Financing on or after
// maturity is refused.
func Discounted(face, ratePPM, basis, startDay, maturityDay int64) (Discount, error) {
	days := maturityDay - startDay
	if days <= 0 {
		return Discount{}, ErrMatured.Wrapf("financing on %s is on or after maturity %s", dateText(startDay), dateText(maturityDay))
	}
	num := new(big.Int).Mul(big.NewInt(face), big.NewInt(ratePPM))
	num.Mul(num, big.NewInt(days))
	den := big.NewInt(basis * 100 * ratePerPercent)
	q, err := money.QuoBig(num, den, money.RoundingHalfEven)
	if err != nil {
		return Discount{}, err
	}
	if !q.IsInt64() || q.Int64() >= face {
		return Discount{}, ErrBadRate.Wrapf("interest of %d days at this rate consumes the face", days)
	}
	interest := q.Int64()
	return Discount{Days: days, Interest: interest, Proceeds: face - interest}, nil
}

// dayOfDate reads a YYYY-MM-DD date into its day number (days since 1970-01-01).
func dayOfDate(field, s string) (int64, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return 0, ErrBadCertificate.Wrapf("%s %q: a date YYYY-MM-DD", field, s)
	}
	return t.Unix() / 86400, nil
}

func dateText(day int64) string { return time.Unix(day*86400, 0).UTC().Format(time.DateOnly) }
