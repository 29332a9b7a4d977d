package main

import (
	"runtime/debug"
)

// version is geokg's version. A release build sets it with
// -ldflags "-X main.version=v1.2.3"; otherwise it comes from the module's
// build information (a tagged module version, else "devel").
var version = ""

// buildInfo returns geokg's version and its build (the VCS revision, with
// "-dirty" for uncommitted changes; "" when unknown).
func buildInfo() (ver, build string) {
	ver = version
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		if ver == "" {
			ver = "devel"
		}
		return ver, ""
	}
	if ver == "" {
		ver = bi.Main.Version
		if ver == "" || ver == "(devel)" {
			ver = "devel"
		}
	}
	var rev, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "-dirty"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" {
		build = rev + dirty
	}
	return ver, build
}

// versionLine is what --version prints: "geokg VERSION (build BUILD)".
func versionLine() string {
	ver, build := buildInfo()
	if build == "" {
		return "geokg " + ver
	}
	return "geokg " + ver + " (build " + build + ")"
}
