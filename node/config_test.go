package node

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/store"
)

// The store's memory and history settings reach the store from app.toml; a fresh home's
// zeros mean the store's defaults, and nonsense is refused.
func TestAppConfigStoreOptions(t *testing.T) {
	home := t.TempDir()
	base := AppConfig{APIListen: DefaultAPIListen, OperatorKey: OperatorKeyName, OperatorToken: "t", LogFormat: "text", LogLevel: "info"}
	require.NoError(t, writeAppConfig(home, base))
	c, err := LoadAppConfig(home)
	require.NoError(t, err)
	require.Equal(t, store.Options{}, c.StoreOptions(), "zeros: the store's defaults")

	withCache := base
	withCache.TreeCacheMiB, withCache.KeepRecentHeights = 512, 50
	require.NoError(t, writeAppConfig(home, withCache))
	c, err = LoadAppConfig(home)
	require.NoError(t, err)
	require.Equal(t, store.Options{NodeCacheBytes: 512 << 20, KeepRecent: 50}, c.StoreOptions())

	data, err := os.ReadFile(appConfigPath(home))
	require.NoError(t, err)
	bad := strings.Replace(string(data), "tree_cache_mib = 512", "tree_cache_mib = -1", 1)
	require.NoError(t, os.WriteFile(appConfigPath(home), []byte(bad), 0o600))
	_, err = LoadAppConfig(home)
	require.ErrorContains(t, err, "tree_cache_mib")
}

// Every bad app.toml value is refused with a line naming it; several bad values give one
// line each.
func TestAppConfigValidate(t *testing.T) {
	good := AppConfig{APIListen: "127.0.0.1:8080", OperatorKey: OperatorKeyName, OperatorToken: "t", LogFormat: "json", LogLevel: "debug"}
	require.NoError(t, good.Validate())
	for key, bad := range map[string]func(*AppConfig){
		"api_listen":                  func(c *AppConfig) { c.APIListen = "nonsense" },
		"log_level":                   func(c *AppConfig) { c.LogLevel = "verbose" },
		"log_format":                  func(c *AppConfig) { c.LogFormat = "xml" },
		"operator_key":                func(c *AppConfig) { c.OperatorKey = "" },
		"operator_token":              func(c *AppConfig) { c.OperatorToken = "" },
		"tree_cache_mib":              func(c *AppConfig) { c.TreeCacheMiB = -1 },
		"keep_recent_heights":         func(c *AppConfig) { c.KeepRecentHeights = -1 },
		"pebble_memtable_mib":         func(c *AppConfig) { c.PebbleMemTableMiB = 2 },
		"min_free_disk_mib":           func(c *AppConfig) { c.MinFreeDiskMiB = -5 },
		"disk_warn_mib":               func(c *AppConfig) { c.MinFreeDiskMiB, c.DiskWarnMiB = 4096, 2048 },
		"mempool_local_share_percent": func(c *AppConfig) { c.MempoolLocalSharePercent = 101 },
	} {
		c := good
		bad(&c)
		err := c.Validate()
		require.ErrorContains(t, err, key+":", key)
	}
	two := good
	two.LogLevel, two.APIListen = "loud", "127.0.0.1:99999"
	err := two.Validate()
	require.ErrorContains(t, err, "log_level")
	require.ErrorContains(t, err, "api_listen")
	require.Len(t, strings.Split(err.Error(), "\n"), 2)
}

// The per-signer bound on waiting transactions comes from app.toml; 0 is the application's
// default and a negative bound is refused.
func TestAppConfigMaxPendingPerSigner(t *testing.T) {
	home := t.TempDir()
	c := AppConfig{APIListen: DefaultAPIListen, OperatorKey: OperatorKeyName, OperatorToken: "t", LogFormat: "text", LogLevel: "info",
		MaxPendingPerSigner: 25}
	require.NoError(t, writeAppConfig(home, c))
	got, err := LoadAppConfig(home)
	require.NoError(t, err)
	require.Equal(t, 25, got.MaxPendingPerSigner)

	data, err := os.ReadFile(appConfigPath(home))
	require.NoError(t, err)
	bad := strings.Replace(string(data), "max_pending_per_signer = 25", "max_pending_per_signer = -1", 1)
	require.NoError(t, os.WriteFile(appConfigPath(home), []byte(bad), 0o600))
	_, err = LoadAppConfig(home)
	require.ErrorContains(t, err, "max_pending_per_signer")
}

// A networked node's API fills an equal share of its mempool by default (with three peers a
// quarter), a set percentage otherwise (all of it at 100), and always at least one.
func TestLocalMempoolLimit(t *testing.T) {
	require.Equal(t, 2000, localMempoolLimit(0, 8000, 3))
	require.Equal(t, 4000, localMempoolLimit(0, 8000, 1))
	require.Equal(t, 1, localMempoolLimit(0, 10, 40))
	require.Equal(t, 8000, localMempoolLimit(100, 8000, 3))
	require.Equal(t, 4000, localMempoolLimit(50, 8000, 3))
	require.Equal(t, 1, localMempoolLimit(1, 10, 1))
}
