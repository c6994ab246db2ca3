package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	cmtversion "github.com/cometbft/cometbft/version"
	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/app"
)

// Version is the release version, set at build time with -ldflags "-X main.Version=…".
var Version = "0.1.0-dev"

type versionInfo struct {
	Version    string `json:"version"`
	Commit     string `json:"commit,omitempty"`
	AppVersion uint64 `json:"app_protocol"`
	CometBFT   string `json:"cometbft"`
	Go         string `json:"go"`
}

func newVersionCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print version information",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			v := versionInfo{Version: Version, AppVersion: app.Version, CometBFT: cmtversion.CMTSemVer, Go: runtime.Version()}
			if bi, ok := debug.ReadBuildInfo(); ok {
				for _, s := range bi.Settings {
					if s.Key == "vcs.revision" {
						v.Commit = s.Value
					}
				}
			}
			return printOut(cmd, v, func() string {
				return fmt.Sprintf("puhui %s (app protocol %d, CometBFT %s, %s)", v.Version, v.AppVersion, v.CometBFT, v.Go)
			})
		},
	}
	addOutputFlag(cmd)
	return cmd
}
