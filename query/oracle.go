package query

// Paths of the oracle views.
const (
	PathFeeds  = "/oracle/feeds"  // every feed, by id
	PathFeed   = "/oracle/feed"   // data: feed id; the feed and its latest answer
	PathRounds = "/oracle/rounds" // data: feed id; its last rounds, newest first
	PathRound  = "/oracle/round"  // data: feed id/round id
)

// MaxRoundsListed bounds the rounds the rounds view lists.
const MaxRoundsListed = 100

// Feed is a data feed: reporters answer it in rounds; a round is final when MinSubmissions
// have answered, and its answer is their median.
type Feed struct {
	ID                  string   `json:"id"`
	Description         string   `json:"description,omitempty"`
	Unit                string   `json:"unit"`
	Decimals            uint32   `json:"decimals" doc:"answers are integers in the unit × 10^decimals"`
	HeartbeatSeconds    int64    `json:"heartbeat_seconds" doc:"an answer older than this is refused by consumers"`
	RoundTimeoutSeconds int64    `json:"round_timeout_seconds" doc:"a round not final this long after it opened goes stale"`
	MinSubmissions      uint32   `json:"min_submissions"`
	Reporters           []string `json:"reporters"`
	RegisteredBy        string   `json:"registered_by" doc:"member address, or governance"`
	RegisteredAt        int64    `json:"registered_at" doc:"block time, Unix seconds"`
	LastRound           uint64   `json:"last_round"`
	LastFinalRound      uint64   `json:"last_final_round"`
	// The latest answer as a consumer sees it at the query's time.
	Latest       string `json:"latest,omitempty" doc:"the last closed round's answer in the unit, as a decimal"`
	LatestRound  uint64 `json:"latest_round,omitempty"`
	LatestStatus string `json:"latest_status" enum:"fresh,stale,none" doc:"stale: timed out, or older than the heartbeat"`
}

// Submission is one reporter's answer to a round.
type Submission struct {
	Reporter string `json:"reporter"`
	Value    string `json:"value" doc:"in the feed's unit, as a decimal"`
	At       int64  `json:"at" doc:"block time, Unix seconds"`
	Height   int64  `json:"height"`
}

// Round is one round of a feed with every submission.
type Round struct {
	FeedID      string       `json:"feed_id"`
	ID          uint64       `json:"id"`
	Status      string       `json:"status" enum:"open,final,stale"`
	OpenedAt    int64        `json:"opened_at"`
	Deadline    int64        `json:"deadline"`
	ClosedAt    int64        `json:"closed_at,omitempty"`
	Answer      string       `json:"answer,omitempty" doc:"the median (final), or the answer carried forward (stale), as a decimal"`
	Submissions []Submission `json:"submissions"`
}

var feedArg = Arg{Name: "code", Kind: ArgCode, Doc: "feed id"}

// Oracle views.
var (
	ListFeeds = Declare(Def[[]Feed]{Path: PathFeeds, Route: "/v1/oracle/feeds", Group: "oracle", Name: "feeds",
		Summary: "Every data feed with its latest answer", OperationID: "list-feeds"})
	GetFeed = Declare(Def[Feed]{Path: PathFeed, Route: "/v1/oracle/feeds/{code}", Group: "oracle", Name: "feed",
		Arg: feedArg, Summary: "One feed with its reporters and latest answer", OperationID: "get-feed"})
	ListRounds = Declare(Def[[]Round]{Path: PathRounds, Route: "/v1/oracle/feeds/{code}/rounds", Group: "oracle", Name: "rounds",
		Arg: feedArg, Summary: "A feed's last rounds, newest first, with who reported what", OperationID: "list-feed-rounds"})
	GetRound = Declare(Def[Round]{Path: PathRound, Group: "oracle", Name: "round",
		Args: []Arg{{Name: "feed", Kind: ArgCode, Doc: "feed id"}, {Name: "round", Kind: ArgID, Doc: "round id"}}, Summary: "One round of a feed"})
)
