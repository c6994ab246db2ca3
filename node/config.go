package node

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"text/template"
	"time"

	"github.com/spf13/viper"
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
