// Package query defines the read views the node answers with (accounts, assets, members,
// holds) and the proven entries that back them. The application fills them from a committed
// snapshot; the API and the SDK decode them. It holds no logic beyond encoding.
package query
