// Command etcd starts an etcd server. It is a thin entry point around the
// server package of the pinned etcd release so that it can be built with
// plain `go build` from the Go module proxy.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
