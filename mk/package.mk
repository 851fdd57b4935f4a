# Packaging: `make package` builds the Linux tarball and the Windows .exe into
# dist/; `make install` / `make uninstall` install Briefmap for the current
# user; `make package-test` checks the Linux package end to end under Xvfb;
# `make screenshot` regenerates assets/screenshot.png; `make icons`
# regenerates the icon files from their Go source.

# The Fyne packaging tool, pinned, installed into build/tools (not ~/go/bin).
FYNE_TOOLS_VERSION := v1.7.4
FYNE_TOOL := build/tools/fyne

# User install prefix for `make install` / `make uninstall`.
PREFIX ?= $(HOME)/.local

# A build date only for reproducible release builds that set it.
BUILD_DATE := $(if $(SOURCE_DATE_EPOCH),$(shell date -u -d @$(SOURCE_DATE_EPOCH) +%F))
RELEASE_LDFLAGS := $(LDFLAGS) $(if $(BUILD_DATE),-X github.com/briefmap/briefmap/version.Date=$(BUILD_DATE))

LINUX_BIN := build/linux/briefmap
LINUX_PKG := dist/briefmap-$(VERSION)-linux-amd64.tar.xz
WINDOWS_EXE := dist/Briefmap.exe
WINDOWS_SRC := build/windows/briefmap
# fyne package reads -ldflags= entries out of GOFLAGS (one word each).
WINDOWS_GOFLAGS := -trimpath -buildvcs=false \
  -ldflags=-X=github.com/briefmap/briefmap/version.Version=$(VERSION) \
  -ldflags=-X=github.com/briefmap/briefmap/version.Commit=$(COMMIT) \
  $(if $(BUILD_DATE),-ldflags=-X=github.com/briefmap/briefmap/version.Date=$(BUILD_DATE))

.PHONY: package package-linux package-windows package-test install uninstall \
        screenshot icons deps-windows

package: package-linux package-windows

# The release binary is built exactly like `make build` and the tests build
# theirs (GOFLAGS=-trimpath, no extra tags or cgo flags), so it reuses the
# cached cgo build of Fyne's GL driver; only the link step runs again. The
# tarball is then assembled around it by packaging/mktarball.sh (fyne package
# would rebuild with its own cgo flags, put the icon in pixmaps only and add
# no AppStream metainfo).
package-linux: deps deps-package
	$(GO) build -ldflags '$(RELEASE_LDFLAGS)' -o $(LINUX_BIN) .
	packaging/mktarball.sh $(LINUX_BIN) $(VERSION) $(LINUX_PKG)

# Extracts the Linux package, validates its desktop entry and metainfo,
# installs and uninstalls it into a temporary HOME, and starts the binary
# named by the installed desktop entry's Exec= line under Xvfb until a window
# named Briefmap shows.
package-test: package-linux
	packaging/test-package.sh $(LINUX_PKG)

install: package-linux
	rm -rf build/install && mkdir -p build/install
	tar -xJf $(LINUX_PKG) -C build/install
	build/install/briefmap-$(VERSION)-linux-amd64/install.sh --prefix '$(PREFIX)'

uninstall:
	packaging/install.sh --uninstall --prefix '$(PREFIX)'

deps-windows:
	$(call apt_install,gcc-mingw-w64-x86-64)

$(FYNE_TOOL):
	GOBIN=$(abspath build/tools) $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_TOOLS_VERSION)

# Cross-builds a GUI-subsystem x86-64 Briefmap.exe with mingw-w64; fyne
# package embeds the icon, the manifest and the version info. It builds the
# committed tree (HEAD, the commit its version info names), extracted into
# build/windows/: fyne package writes fyne.syso (which would break every
# Linux build in the work tree while it exists) and fyne_metadata_init.go
# into the folder it builds. About 7 minutes cold on 2 cores: it is part of
# `make package`, not of `make test`.
package-windows: deps-windows $(FYNE_TOOL)
	rm -rf $(WINDOWS_SRC) && mkdir -p $(WINDOWS_SRC) dist
	git archive --format=tar HEAD | tar -xf - -C $(WINDOWS_SRC)
	# fyne package builds twice (without, then with fyne.syso) and strips
	# -ldflags from GOFLAGS on the first build, so the -X version flags
	# would be lost: an existing --exe makes it skip the first build.
	: >$(WINDOWS_SRC)/Briefmap.exe
	cd $(WINDOWS_SRC) && CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
	  GOFLAGS='$(WINDOWS_GOFLAGS)' $(abspath $(FYNE_TOOL)) package -os windows -release -name Briefmap -exe Briefmap.exe
	@if ! grep -q '$(COMMIT)' $(WINDOWS_SRC)/Briefmap.exe; then \
	  echo "package-windows: $(WINDOWS_SRC)/Briefmap.exe lacks the version ldflags (commit $(COMMIT))"; exit 1; fi
	mv -f $(WINDOWS_SRC)/Briefmap.exe $(WINDOWS_EXE)
	rm -rf $(WINDOWS_SRC)
	@ls -l $(WINDOWS_EXE)

# assets/screenshot.png: the app's 1280×800 window under Xvfb, once the map
# has drawn. Look at it before committing it.
screenshot: deps package-linux
	packaging/screenshot.sh $(LINUX_BIN) assets/screenshot.png

icons:
	$(GO) run ./assets/icon/generate
