# spur: the two commands of the README are `make demo` and `make test`.
GO      ?= go
FIXTURES = $(wildcard fixtures/*.yaml)

.PHONY: build demo test check bench fuzz golden schema clean

build:
	$(GO) build -o bin/spur ./cmd/spur

# The main job on the bundled fixtures: validate and grade every one.
demo: build
	./bin/spur validate $(FIXTURES)
	@for f in $(FIXTURES); do echo; ./bin/spur grade $$f || exit 1; done

# gofmt and vet checks, then every test with the race detector.
test: check
	$(GO) test -race -count=1 ./...

check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Each fuzz target briefly (FUZZTIME=5m for a longer run).
FUZZTIME ?= 20s
fuzz:
	$(GO) test ./schema -run '^$$' -fuzz '^FuzzLoadYAML$$' -fuzztime $(FUZZTIME)
	$(GO) test ./schema -run '^$$' -fuzz '^FuzzParseDate$$' -fuzztime $(FUZZTIME)

# Refresh golden files and the committed JSON Schema; review the diff.
golden:
	$(GO) test ./... -update

schema: golden

clean:
	rm -rf bin out
