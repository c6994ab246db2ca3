package node

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"text/template"
	"time"

	"github.com/spf13/viper"

	"github.com/puhui-chain/puhui/store"
)

// Defaults of a fresh home.
const (
	DefaultChainID    = "puhui-local"
	DefaultAPIListen  = "127.0.0.1:8080"
	DefaultRPCListen  = "127.0.0.1:26657"
	DefaultP2PListen  = "127.0.0.1:26656"
	DefaultTimeZone   = "Asia/Shanghai"
	DefaultMemberName = "Founding Bank"
	OperatorKeyName   = "operator"
	// EmptyBlockInterval: blocks come at least this often with no transactions, because due
	// work (hold expiries, instalments) is driven by block time.
	EmptyBlockInterval = 3 * time.Second
)

// AppConfig is Puhui's node-local configuration (config/app.toml). Consensus parameters are
// not here: they live in genesis.
type AppConfig struct {
	// APIListen is the REST API address (host:port).
	APIListen string `mapstructure:"api_listen"`
	// OperatorKey names the key in the node keyring that signs operator requests.
	OperatorKey string `mapstructure:"operator_key"`
	// OperatorToken is the bearer token that guards the operator endpoints.
	OperatorToken string `mapstructure:"operator_token"`
	// LogFormat is "text" or "json"; LogLevel "debug", "info" or "error".
	LogFormat string `mapstructure:"log_format"`
	LogLevel  string `mapstructure:"log_level"`
	// ConsensusLogLevel is CometBFT's own level ("error" by default: its info lines are
	// several a second; "info" or "debug" to diagnose consensus). The environment variable
	// PUHUI_CONSENSUS_LOG_LEVEL overrides it.
	ConsensusLogLevel string `mapstructure:"consensus_log_level"`
	// TreeCacheMiB is the memory for the state tree's nodes; 0 means the store's default
	// (store.DefaultNodeCacheBytes).
	TreeCacheMiB int `mapstructure:"tree_cache_mib"`
	// KeepRecentHeights is how many heights superseded tree nodes are kept, for proofs from
	// snapshots of past heights; 0 means the store's default (store.DefaultKeepRecent).
	KeepRecentHeights int64 `mapstructure:"keep_recent_heights"`
	// PebbleMemTableMiB is the state database's memory table (and so write-ahead log) size;
	// 0 means the store's default (store.DefaultMemTableBytes).
	PebbleMemTableMiB int `mapstructure:"pebble_memtable_mib"`
	// MinFreeDiskMiB: the node refuses to start with less free space than this on the data
	// directory's file system; 0 means DefaultMinFreeDiskMiB.
	MinFreeDiskMiB int `mapstructure:"min_free_disk_mib"`
	// DiskWarnMiB: below this much free space the node logs a warning at every check, and the
	// puhui_disk_free_bytes metric falls below puhui_disk_warn_bytes; 0 means DefaultDiskWarnMiB.
	DiskWarnMiB int `mapstructure:"disk_warn_mib"`
	// MaxPendingPerSigner is how many transactions of one signer the mempool holds at once;
	// 0 means the application's default (app.DefaultMaxPendingPerSigner).
	MaxPendingPerSigner int `mapstructure:"max_pending_per_signer"`
	// MempoolLocalSharePercent is how full (in percent of its size) the mempool may be for
	// this node's own API to admit more, while the node has peers; 0 means an equal share
	// for this node and each peer (localMempoolLimit), 100 lets local submissions fill it.
	MempoolLocalSharePercent int `mapstructure:"mempool_local_share_percent"`
}

// localMempoolLimit is how many transactions the mempool of size may hold for the API to
// admit more while the node has peers, for mempool_local_share_percent sharePercent: by
// default (0) an equal share for the node and each peer, so that what all of them admit
// locally fits in any one mempool. CometBFT drops a relayed transaction that meets a full
// mempool and never sends it again, and the next transactions of its signer then fail there
// for a gap in nonces: when every node filled its mempool from its own clients, the
// validators' mempools drifted apart and a transaction waited until the node it was sent to
// proposed (every N heights with N validators), 10-20 s at four validators on one machine.
func localMempoolLimit(sharePercent, size, peers int) int {
	if sharePercent == 0 {
		return max(1, size/(peers+1))
	}
	return max(1, size*sharePercent/100)
}

// Disk space defaults: 1 GiB is room for a node to start, replay and halt cleanly rather than
// die inside the database; 10 GiB is the point to start adding disk (OPERATIONS.md: set it
// from the home's measured daily growth).
const (
	DefaultMinFreeDiskMiB = 1024
	DefaultDiskWarnMiB    = 10 * 1024
)

// StoreOptions are the state store's options this configuration sets.
func (c AppConfig) StoreOptions() store.Options {
	return store.Options{NodeCacheBytes: c.TreeCacheMiB << 20, KeepRecent: c.KeepRecentHeights, MemTableBytes: c.PebbleMemTableMiB << 20}
}

func (c AppConfig) minFreeDiskBytes() uint64 { return mibOr(c.MinFreeDiskMiB, DefaultMinFreeDiskMiB) }
func (c AppConfig) diskWarnBytes() uint64    { return mibOr(c.DiskWarnMiB, DefaultDiskWarnMiB) }

func mibOr(v, def int) uint64 {
	if v == 0 {
		v = def
	}
	return uint64(v) << 20
}

var appTemplate = template.Must(template.New("app").Parse(`# Puhui node configuration. CometBFT's own settings are in config.toml.

# REST API and event stream listen address. Keep it on loopback unless a reverse proxy with
# TLS stands in front.
api_listen = "{{.APIListen}}"

# Key in the node keyring (home/keyring) that signs requests to the operator endpoints.
# Its passphrase is read from PUHUI_KEYRING_PASSPHRASE, else from config/keyring-passphrase.
operator_key = "{{.OperatorKey}}"

# Bearer token for the operator endpoints (/v1/operator/...). Treat it like a password.
operator_token = "{{.OperatorToken}}"

# Logging: log_format "text" or "json"; log_level "debug", "info" or "error".
log_format = "{{.LogFormat}}"
log_level = "{{.LogLevel}}"
# CometBFT's own lines: "error" (default), "info" or "debug".
consensus_log_level = "{{.ConsensusLogLevel}}"

# Memory for the state tree's nodes, in MiB (0: the default, 2048). Every block rehashes the
# paths of the keys it changed; a node in memory costs well under a microsecond, one read
# from disk 5-25. A million loans make about 7 million nodes, about 1 GiB. Beyond the budget
# blocks get slower, never wrong.
tree_cache_mib = {{.TreeCacheMiB}}

# Heights for which superseded tree nodes are kept (0: the default, 1000): a query proving
# state from a snapshot keeps working while up to this many blocks commit. More cost disk.
keep_recent_heights = {{.KeepRecentHeights}}

# The state database's memory table, in MiB (0: the default, 16; else 4..1024). Its write-
# ahead log file is preallocated at 110% of this and one retired log is kept for reuse, so
# the log takes up to 2.2 times this on disk; up to two tables are in memory. 16 MiB suits a
# member's server (a few GB of RAM, tens of GB of disk) and is filled only every dozen
# blocks of a thousand transfers; more helps only sustained bulk loads.
pebble_memtable_mib = {{.PebbleMemTableMiB}}

# Disk space on the data directory's file system, in MiB. The node refuses to start with
# less than min_free_disk_mib free (0: the default, 1024), and logs a warning at every check
# below disk_warn_mib (0: the default, 10240). Alert on the metric
# puhui_disk_free_bytes < puhui_disk_warn_bytes (see OPERATIONS.md).
min_free_disk_mib = {{.MinFreeDiskMiB}}
disk_warn_mib = {{.DiskWarnMiB}}
# Transactions of one signer the mempool holds at once (0: the default, 1000). A signer at
# the limit is refused with tx.too_many_pending until some of its transactions commit, so
# that one account cannot fill the mempool and the blocks.
max_pending_per_signer = {{.MaxPendingPerSigner}}
# While the node has peers, its API admits submissions only until the mempool is this full,
# in percent of its size (0: the default, an equal share for this node and each peer, so a
# quarter with three peers; 100: no room kept). The rest is kept for transactions relayed by
# peers: a relayed transaction that meets a full mempool is dropped, and without room the
# validators' mempools drift apart and a transaction waits until the node it was sent to
# proposes. A refused submission gets api.mempool_full: send it again.
mempool_local_share_percent = {{.MempoolLocalSharePercent}}
`))

func appConfigPath(home string) string { return filepath.Join(home, "config", "app.toml") }

func writeAppConfig(home string, c AppConfig) error {
	var buf bytes.Buffer
	if err := appTemplate.Execute(&buf, c); err != nil {
		return err
	}
	return writeFileAtomic(appConfigPath(home), buf.Bytes(), 0o600)
}

// LoadAppConfig reads config/app.toml.
func LoadAppConfig(home string) (AppConfig, error) {
	v := viper.New()
	v.SetConfigFile(appConfigPath(home))
	v.SetConfigType("toml")
	c := AppConfig{APIListen: DefaultAPIListen, OperatorKey: OperatorKeyName, LogFormat: "text", LogLevel: "info",
		ConsensusLogLevel: "error"}
	if err := v.ReadInConfig(); err != nil {
		return c, fmt.Errorf("read %s: %w", appConfigPath(home), err)
	}
	if err := v.Unmarshal(&c); err != nil {
		return c, fmt.Errorf("parse %s: %w", appConfigPath(home), err)
	}
	if env := os.Getenv("PUHUI_CONSENSUS_LOG_LEVEL"); env != "" {
		c.ConsensusLogLevel = env
	}
	if err := c.Validate(); err != nil {
		return c, fmt.Errorf("%s: %w", appConfigPath(home), err)
	}
	return c, nil
}

func writeFileAtomic(path string, data []byte, mode os.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, mode); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
