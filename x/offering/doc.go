// Package offering owns offerings: an asset's issuer sells units of its asset for a
// settlement asset, all or nothing. Investors pledge within per-investor bounds while the
// offering is open; a pledge is a ledger hold of the investor's cash for the issuer, and the
// investor must be allowed to hold the units (AssetRules) both at pledge and again at
// settlement. Reaching the hard cap settles the offering at once, in the pledge's
// transaction; otherwise the block-time scheduler settles it at its closing time. At
// settlement an investor whose check now fails (or whose cash cannot be captured) is
// excluded and refunded; if the remaining pledges reach the soft cap, every remaining hold
// is captured to the issuer and the units are minted to the investors in one step, less the
// platform fee (moved from the issuer to the fee account), else every hold is released. No
// unit of an offering exists before it succeeds.
//
// Price: settlement minor units per whole unit of the offered asset; a pledge's cost is
// units × price ÷ 10^scale and must be exact. The package moves value only through the
// Bank it declares, reads no clock but the block time and does no I/O.
package offering
