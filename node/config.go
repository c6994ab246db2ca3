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
	// TreeCacheMiB is the memory for the state tree's nodes; 0 means the store's default
	// (store.DefaultNodeCacheBytes).
	TreeCacheMiB int `mapstructure:"tree_cache_mib"`
	// KeepRecentHeights is how many heights superseded tree nodes are kept, for proofs from
	// snapshots of past heights; 0 means the store's default (store.DefaultKeepRecent).
	KeepRecentHeights int64 `mapstructure:"keep_recent_heights"`
	// MaxPendingPerSigner is how many transactions of one signer the mempool holds at once;
	// 0 means the application's default (app.DefaultMaxPendingPerSigner).
	MaxPendingPerSigner int `mapstructure:"max_pending_per_signer"`
}

// StoreOptions are the state store's options this configuration sets.
func (c AppConfig) StoreOptions() store.Options {
	return store.Options{NodeCacheBytes: c.TreeCacheMiB << 20, KeepRecent: c.KeepRecentHeights}
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

# Memory for the state tree's nodes, in MiB (0: the default, 2048). Every block rehashes the
# paths of the keys it changed; a node in memory costs well under a microsecond, one read
# from disk 5-25. A million loans make about 7 million nodes, about 1 GiB. Beyond the budget
# blocks get slower, never wrong.
tree_cache_mib = {{.TreeCacheMiB}}

# Heights for which superseded tree nodes are kept (0: the default, 1000): a query proving
# state from a snapshot keeps working while up to this many blocks commit. More cost disk.
keep_recent_heights = {{.KeepRecentHeights}}

# Transactions of one signer the mempool holds at once (0: the default, 1000). A signer at
# the limit is refused with tx.too_many_pending until some of its transactions commit, so
# that one account cannot fill the mempool and the blocks.
max_pending_per_signer = {{.MaxPendingPerSigner}}
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
	c := AppConfig{APIListen: DefaultAPIListen, OperatorKey: OperatorKeyName, LogFormat: "text", LogLevel: "info"}
	if err := v.ReadInConfig(); err != nil {
		return c, fmt.Errorf("read %s: %w", appConfigPath(home), err)
	}
	if err := v.Unmarshal(&c); err != nil {
		return c, fmt.Errorf("parse %s: %w", appConfigPath(home), err)
	}
	if c.OperatorToken == "" {
		return c, fmt.Errorf("%s: operator_token is empty", appConfigPath(home))
	}
	if c.TreeCacheMiB < 0 || c.TreeCacheMiB > 1<<20 || c.KeepRecentHeights < 0 {
		return c, fmt.Errorf("%s: tree_cache_mib must be 0..1048576 and keep_recent_heights 0 or more", appConfigPath(home))
	}
	if c.MaxPendingPerSigner < 0 {
		return c, fmt.Errorf("%s: max_pending_per_signer must be 0 (the default) or more", appConfigPath(home))
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
