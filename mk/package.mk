# Packaging: `make package` builds into dist/ the Linux tarball, the Debian
# package, the Windows Briefmap.exe and its installer, and SHA256SUMS;
# `make install` / `make uninstall` install Briefmap for the current user;
# `make package-test` checks the tarball and the .deb end to end, and
# `make package-reproducible` builds the Linux packages twice from clean
# clones of HEAD and compares the bytes (`make test` runs both); `make screenshot`
# regenerates assets/screenshot.png; `make icons` regenerates the icon files
# from their Go source.

# The Fyne packaging tool, pinned, installed into build/tools (not ~/go/bin).
FYNE_TOOLS_VERSION := v1.7.4
FYNE_TOOL := build/tools/fyne

# User install prefix for `make install` / `make uninstall`.
PREFIX ?= $(HOME)/.local

# Reproducible builds: every date in a package is the last commit's time.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
export SOURCE_DATE_EPOCH
BUILD_DATE := $(if $(SOURCE_DATE_EPOCH),$(shell date -u -d @$(SOURCE_DATE_EPOCH) +%F))
# -z now (with the default relro): the GOT is read-only once the libraries
# are loaded. A link flag only: the cached packages are reused.
RELEASE_LDFLAGS := $(LDFLAGS) -extldflags=-Wl,-z,now \
  $(if $(BUILD_DATE),-X github.com/briefmap/briefmap/version.Date=$(BUILD_DATE))

# Where `make package` writes (the reproducibility check sets its own).
DIST ?= dist
LINUX_BIN := build/linux/briefmap
LINUX_MAN := build/linux/briefmap.1
LINUX_COPYRIGHT := build/linux/copyright
DEB_COPYRIGHT := build/linux/copyright.debian
LINUX_PKG := $(DIST)/briefmap-$(VERSION)-linux-amd64.tar.xz
DEB_PKG := $(DIST)/briefmap_$(VERSION)_amd64.deb
WINDOWS_EXE := $(DIST)/Briefmap.exe
WINDOWS_SETUP := $(DIST)/Briefmap-$(VERSION)-setup.exe
WINDOWS_SRC := build/windows/briefmap
WINDOWS_NSIS := build/windows/nsis
# fyne package reads -ldflags= entries out of GOFLAGS (one word each). Its
# -release build passes -tags release on the command line, which would
# override a -tags in GOFLAGS: the Makefile's no_emoji goes to its -tags.
WINDOWS_GOFLAGS := -trimpath -buildvcs=false \
  -ldflags=-X=github.com/briefmap/briefmap/version.Version=$(VERSION) \
  -ldflags=-X=github.com/briefmap/briefmap/version.Commit=$(COMMIT) \
  $(if $(BUILD_DATE),-ldflags=-X=github.com/briefmap/briefmap/version.Date=$(BUILD_DATE))

.PHONY: package package-linux package-deb package-windows package-windows-installer \
        package-checksums package-test package-reproducible linux-release install uninstall \
        screenshot icons deps-windows

package: package-checksums

# dist/SHA256SUMS: one line per artefact of this version ("sha256sum -c
# SHA256SUMS" in dist/ checks them).
package-checksums: package-linux package-deb package-windows package-windows-installer
	cd $(DIST) && sha256sum -- $(notdir $(LINUX_PKG) $(DEB_PKG) $(WINDOWS_EXE) $(WINDOWS_SETUP)) >SHA256SUMS.tmp && \
	  mv -f SHA256SUMS.tmp SHA256SUMS && cat SHA256SUMS

# The release binary is built exactly like `make build` and the tests build
# theirs (the Makefile's GOFLAGS, no extra tags or cgo flags), so it reuses the
# cached cgo build of Fyne's GL driver; only the link step runs again
# (-buildvcs=false: the commit is in version.Commit, and untracked files in
# the work tree must not change the bytes). The binary then writes its own
# manual page (briefmap help --man), and mkcopyright.sh the licences of
# what it links. The packages are assembled around them by shell scripts
# (fyne package would rebuild with its own cgo flags, put the icon in
# pixmaps only and add no AppStream metainfo).
linux-release: deps deps-package
	$(GO) build -buildvcs=false -ldflags '$(RELEASE_LDFLAGS)' -o $(LINUX_BIN) .
	$(LINUX_BIN) help --man >$(LINUX_MAN).tmp && mv -f $(LINUX_MAN).tmp $(LINUX_MAN)
	packaging/mkcopyright.sh $(LINUX_BIN) >$(LINUX_COPYRIGHT).tmp && mv -f $(LINUX_COPYRIGHT).tmp $(LINUX_COPYRIGHT)
	packaging/mkcopyright.sh --debian $(LINUX_BIN) >$(DEB_COPYRIGHT).tmp && mv -f $(DEB_COPYRIGHT).tmp $(DEB_COPYRIGHT)

package-linux: linux-release
	packaging/mktarball.sh $(LINUX_BIN) $(LINUX_MAN) $(LINUX_COPYRIGHT) $(VERSION) $(LINUX_PKG)

package-deb: linux-release
	packaging/mkdeb.sh $(LINUX_BIN) $(LINUX_MAN) $(DEB_COPYRIGHT) $(VERSION) $(DEB_PKG)

# test-package.sh: extracts the tarball, validates its desktop entry and
# metainfo, installs and uninstalls it into a temporary HOME (the MIME type
# included), and starts the binary named by the installed desktop entry's
# Exec= line under Xvfb until a window named Briefmap shows. test-deb.sh:
# unpacks the .deb into a throwaway root and checks its files, control
# fields, dependencies against the binary's NEEDED entries, desktop entry,
# metainfo, manual page, MIME type and lintian.
package-test: package-linux package-deb
	packaging/test-package.sh $(LINUX_PKG)
	packaging/test-deb.sh $(DEB_PKG)

# Builds the tarball and the .deb twice, each time in a fresh clone of HEAD,
# and fails unless both builds give the same bytes. About a minute on 2 cores
# with a warm build cache; `make test` runs it.
package-reproducible: deps deps-package
	packaging/test-reproducible.sh

install: package-linux
	rm -rf build/install && mkdir -p build/install
	tar -xJf $(LINUX_PKG) -C build/install
	build/install/briefmap-$(VERSION)-linux-amd64/install.sh --prefix '$(PREFIX)'

uninstall:
	packaging/install.sh --uninstall --prefix '$(PREFIX)'

deps-windows:
	$(call apt_install,gcc-mingw-w64-x86-64 nsis imagemagick p7zip-full)

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
	rm -rf $(WINDOWS_SRC) && mkdir -p $(WINDOWS_SRC) $(DIST)
	git archive --format=tar HEAD | tar -xf - -C $(WINDOWS_SRC)
	# fyne package builds twice (without, then with fyne.syso) and strips
	# -ldflags from GOFLAGS on the first build, so the -X version flags
	# would be lost: an existing --exe makes it skip the first build.
	: >$(WINDOWS_SRC)/Briefmap.exe
	cd $(WINDOWS_SRC) && CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
	  GOFLAGS='$(WINDOWS_GOFLAGS)' $(abspath $(FYNE_TOOL)) package -os windows -release -tags no_emoji -name Briefmap -exe Briefmap.exe
	@if ! grep -q '$(COMMIT)' $(WINDOWS_SRC)/Briefmap.exe; then \
	  echo "package-windows: $(WINDOWS_SRC)/Briefmap.exe lacks the version ldflags (commit $(COMMIT))"; exit 1; fi
	@if grep -q EmojiOneColor $(WINDOWS_SRC)/Briefmap.exe; then \
	  echo "package-windows: $(WINDOWS_SRC)/Briefmap.exe embeds Fyne's emoji font (the no_emoji tag was lost)"; exit 1; fi
	mv -f $(WINDOWS_SRC)/Briefmap.exe $(WINDOWS_EXE)
	rm -rf $(WINDOWS_SRC)
	@ls -l $(WINDOWS_EXE)

# The per-user Windows installer around Briefmap.exe, made with NSIS
# (packaging/windows/briefmap.nsi): the icon from assets/icon, the licence
# and the licences of what Briefmap.exe links (CRLF text), then makensis
# with warnings as errors. packaging/windows/test-installer.sh lists what
# it holds. A few seconds; part of `make package`, not of `make test`.
package-windows-installer: package-windows
	rm -rf $(WINDOWS_NSIS) && mkdir -p $(WINDOWS_NSIS)
	convert $(foreach s,16 24 32 48 64 256,assets/icon/hicolor/$(s)x$(s)/apps/io.github.briefmap.briefmap.png) \
	  $(WINDOWS_NSIS)/briefmap.ico
	sed 's/$$/\r/' LICENSE >$(WINDOWS_NSIS)/LICENSE.txt
	packaging/mkcopyright.sh $(WINDOWS_EXE) | sed 's/$$/\r/' >$(WINDOWS_NSIS)/COPYRIGHT.txt
	makensis -V2 -WX -DVERSION=$(VERSION) -DEXE=$(abspath $(WINDOWS_EXE)) \
	  -DICON=$(abspath $(WINDOWS_NSIS)/briefmap.ico) -DLICENSE=$(abspath $(WINDOWS_NSIS)/LICENSE.txt) \
	  -DCOPYRIGHT=$(abspath $(WINDOWS_NSIS)/COPYRIGHT.txt) -DOUTFILE=$(abspath $(WINDOWS_SETUP)) \
	  packaging/windows/briefmap.nsi
	packaging/windows/test-installer.sh $(WINDOWS_SETUP) $(WINDOWS_EXE)
	@ls -l $(WINDOWS_SETUP)

# assets/screenshot.png: the app's 1280×800 window under Xvfb, once the map
# has drawn. Look at it before committing it.
screenshot: deps linux-release
	packaging/screenshot.sh $(LINUX_BIN) assets/screenshot.png

icons:
	$(GO) run ./assets/icon/generate
