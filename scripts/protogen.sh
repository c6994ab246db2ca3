#!/usr/bin/env bash
# Regenerates the Go code of proto/ (needs protoc from Debian's protobuf-compiler and
# protoc-gen-go at the version go.mod pins). The generated files are committed, so a build
# never needs protoc.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v protoc-gen-go >/dev/null || go install google.golang.org/protobuf/cmd/protoc-gen-go@v1.36.12
protoc -I proto --go_out=. --go_opt=module=github.com/puhui-chain/puhui $(find proto -name '*.proto' | sort)
