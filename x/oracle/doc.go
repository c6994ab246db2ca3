// Package oracle owns data feeds and their rounds: a feed is registered by governance or a
// member with the oracle role, with its reporters (members with the oracle role), a minimum
// number of submissions, a round timeout and a heartbeat. Reporters answer a round once
// each (their signed transaction is the signature on the observation); a round is final when
// the minimum has answered, and its answer is the median of the answers (for an even count
// the mean of the two middle values, rounded half-even in the feed's units). A round that is
// not final by its deadline goes stale and carries the previous answer forward, marked
// stale; the block-time scheduler closes it. Every round keeps who reported what.
//
// Consumers (insurance) read answers through Latest and FinalRounds: Latest refuses a stale
// answer and one older than the feed's heartbeat. The package does no I/O and reads no clock
// but the block time.
package oracle
