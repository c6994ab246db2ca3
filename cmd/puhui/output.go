package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"
)

// printOut writes v as indented JSON with -o json, else the text form.
func printOut(cmd *cobra.Command, v any, text func() string) error {
	format, _ := cmd.Flags().GetString(flagOutput)
	out := cmd.OutOrStdout()
	switch format {
	case "json":
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	case "text", "":
		_, err := fmt.Fprintln(out, text())
		return err
	}
	return fmt.Errorf("unknown output format %q (text or json)", format)
}
