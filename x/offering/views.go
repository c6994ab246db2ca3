package offering

import "github.com/puhui-chain/puhui/x/module"

func queries() []module.Query { return nil }
