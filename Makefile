# Briefmap — run `make run` to open the app, `make test` to run every test.
# Both install what is missing (Debian packages via apt) first.

SHELL := /bin/bash
GO ?= go
BIN := briefmap
# Fyne logs "Error parsing user locale C" under LANG=C.UTF-8.
export LANG := en_US.UTF-8
# One build path for tests, the end-to-end binary and the release package:
# every go command run by make uses the same flags, so the cgo build of
# Fyne's OpenGL driver (about 5 minutes cold on 2 cores) is compiled once
# and shared through the build cache. no_emoji leaves out Fyne's colour
# emoji font (4.2 MB of binary): no text of ours needs it (the symbols the
# panels use, → − ✓ ✗, are not in it either), and Fyne parsed it for every
# text style, 11 MB of resident memory (BENCHMARKS.md, issue 14).
export GOFLAGS := -trimpath -tags=no_emoji

VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
COMMIT  := $(shell git rev-parse --short HEAD 2>/dev/null)
LDFLAGS := -s -w -X github.com/briefmap/briefmap/version.Version=$(VERSION) \
           -X github.com/briefmap/briefmap/version.Commit=$(COMMIT)

# Debian packages: to build (cgo GL + X11 headers), to run and look (Xvfb),
# to check the PDF and SVG slides (poppler-utils: pdftoppm, pdftotext,
# pdfinfo, pdffonts; librsvg2-bin: rsvg-convert), and to package.
APT_BUILD   := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
               libxinerama-dev libxi-dev libxxf86vm-dev
APT_RUN     := xvfb xdotool imagemagick libgl1-mesa-dri x11-utils poppler-utils librsvg2-bin
APT_PACKAGE := desktop-file-utils appstream xz-utils dpkg-dev binutils lintian man-db groff-base \
               shared-mime-info xdg-utils libfile-mimeinfo-perl zip

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps deps-package build run test bench lint fmt clean basemap zones

all: build

# apt-installs every package of $(1) that is not installed yet.
define apt_install
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps:
	$(call apt_install,$(APT_BUILD) $(APT_RUN))

deps-package:
	$(call apt_install,$(APT_PACKAGE))

build: deps
	$(GO) build -ldflags '$(LDFLAGS)' -o $(BIN) .

run: build
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ]; then \
	  echo "make run: no display (DISPLAY is not set). Under Xvfb: Xvfb :99 & DISPLAY=:99 make run"; exit 1; fi
	./$(BIN)

# Every test: unit, golden, CLI, the package tests (the .deb and the
# tarball, and that two builds of HEAD give the same bytes) and the
# end-to-end test that starts the real binary under Xvfb and clicks with
# xdotool. SOURCES=DIR (the folder of the article texts, which the
# repository does not ship) also checks every excerpt of the embedded
# briefing against them.
SOURCES ?=
test: deps lint package-test package-reproducible
	@if [ -n "$(SOURCES)" ]; then \
	  [ -d "$(SOURCES)" ] || { echo "make test: SOURCES=$(SOURCES) is not a folder"; exit 1; }; \
	  $(LINUX_BIN) check --sources "$(SOURCES)"; \
	else \
	  echo "article check not run: make test SOURCES=DIR to run it"; \
	fi
	BRIEFMAP_SOURCES="$(if $(SOURCES),$(abspath $(SOURCES)))" $(GO) test -count=1 -timeout 15m ./...

bench: deps
	$(GO) test -run '^$$' -bench . -benchmem ./...

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

clean:
	rm -rf $(BIN) dist build artifacts

# Regenerate embedded data from npm packages (generation time only: the app
# and the tests never need Node or the network). Look at the result before
# committing it.
basemap:
	cd tools/basemap && npm ci
	$(GO) run ./tools/basemap

zones:
	cd tools/zones && npm ci && node build.mjs
	$(GO) test ./data/libya/ -run '^TestSnapshot$$' -update
	$(GO) test ./data/libya/

-include mk/*.mk
